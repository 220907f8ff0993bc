import type { Legend as LegendData } from '../../compute';
import { formatNumber } from '../shared/format';

const DIVERGING = 'linear-gradient(to right, rgb(33, 102, 172), rgb(247, 247, 247), rgb(178, 24, 43))';
const CHANNELS = [
  { name: 'Red', end: '#f00' },
  { name: 'Green', end: '#0f0' },
  { name: 'Blue', end: '#00f' },
];
const round = (v: number) => formatNumber(Math.round(v * 10) / 10);
const range = (min: number, max: number) =>
  min === max ? `all ${round(min)}` : `from ${round(min)} to ${round(max)}`;

/**
 * The colour scale of the feature map, exactly as drawn: the values at the ends of each bar are the
 * values drawn at the ends of the scale. In RGB, one bar per channel, each with its actual range.
 */
export function Legend({ legend }: { legend: LegendData }) {
  const { kind, low, high, scaling } = legend;
  const how =
    scaling === 'clip'
      ? legend.clipped > 0
        ? `Clipped to 0–255: ${legend.clipped.toLocaleString('en')} values outside are drawn at the ends.`
        : 'Drawn as they are, 0–255.'
      : kind === 'diverging' || low < 0
        ? `Stretched to ±${round(high)}, zero in the middle.`
        : `Stretched: ${round(low)} is drawn dark, ${round(high)} bright.`;
  if (kind === 'rgb') {
    return (
      <div class="legend legend--rgb" data-testid="legend" data-low={low} data-high={high}>
        {CHANNELS.map((c, i) => (
          <div class="legend__channel" key={c.name}>
            <span class="legend__name">{c.name}</span>
            <div
              class="legend__bar"
              style={{ background: `linear-gradient(to right, #000, ${c.end})` }}
              aria-hidden="true"
            />
            <span class="legend__tick">{round(low)}</span>
            <span class="legend__tick legend__tick--end">{round(high)}</span>
            <span class="legend__range">
              {range(legend.channels[i]?.min ?? 0, legend.channels[i]?.max ?? 0)}
            </span>
          </div>
        ))}
        <p class="legend__how">{how}</p>
      </div>
    );
  }
  return (
    <div class="legend" data-testid="legend" data-low={low} data-high={high}>
      <div
        class="legend__bar"
        style={{ background: kind === 'diverging' ? DIVERGING : 'linear-gradient(to right, #000, #fff)' }}
        aria-hidden="true"
      />
      <div class="legend__ticks">
        <span>{round(low)}</span>
        {kind === 'diverging' && <span>0</span>}
        <span>{round(high)}</span>
      </div>
      <p class="legend__how">
        {kind === 'diverging' ? 'Blue below zero, red above. ' : ''}
        Values {range(legend.min, legend.max)}. {how}
      </p>
    </div>
  );
}
