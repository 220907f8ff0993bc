import type { Legend as LegendData } from '../../compute';
import { formatNumber } from '../shared/format';

const GRADIENTS: Record<LegendData['kind'], string> = {
  diverging: 'linear-gradient(to right, rgb(33, 102, 172), rgb(247, 247, 247), rgb(178, 24, 43))',
  gray: 'linear-gradient(to right, #000, #fff)',
  rgb: 'linear-gradient(to right, #000, #fff)',
};

/** The colour scale of the feature map, with the values at its ends and the actual range. */
export function Legend({ legend }: { legend: LegendData }) {
  const round = (v: number) => formatNumber(Math.round(v * 10) / 10);
  return (
    <div class="legend" data-testid="legend">
      <div class="legend__bar" style={{ background: GRADIENTS[legend.kind] }} aria-hidden="true" />
      <div class="legend__ticks">
        <span>{round(legend.low)}</span>
        {legend.kind === 'diverging' && <span>0</span>}
        <span>{round(legend.high)}</span>
      </div>
      <p class="legend__range">
        {legend.kind === 'diverging'
          ? 'Blue below zero, red above. '
          : legend.kind === 'rgb'
            ? 'Each channel. '
            : ''}
        Values range from {round(legend.min)} to {round(legend.max)}.
      </p>
    </div>
  );
}
