import { formatNumber } from '../shared/format';
import { pixelTerms } from './model';

export interface InspectorProps {
  image: Float32Array;
  width: number;
  height: number;
  channels: 1 | 3;
  x: number;
  y: number;
  kernel: readonly number[];
  size: number;
  /** The engine's output, to show beside the sum worked out here. */
  output: Float32Array | null;
}

const NAMES = ['red', 'green', 'blue'];
const round = (v: number) => formatNumber(Math.round(v * 1000) / 1000);

/** The window under one pixel, its products and their sum, channel by channel. */
export function Inspector({ image, width, height, channels, x, y, kernel, size, output }: InspectorProps) {
  return (
    <div class="playground-inspector" data-testid="pixel-inspector">
      <p>
        Pixel{' '}
        <strong>
          ({x}, {y})
        </strong>
        : the {size}×{size} window around it, times the kernel, summed
        {channels === 3 ? ' for each channel' : ''}:
      </p>
      {Array.from({ length: channels }, (_, c) => {
        const { terms, sum } = pixelTerms(image, width, height, channels, c, x, y, kernel, size);
        const engineValue = output?.[(y * width + x) * channels + c];
        return (
          <p key={c} class="playground-inspector__sum" data-testid="pixel-sum">
            {channels === 3 && <span class="playground-inspector__channel">{NAMES[c]}: </span>}
            {terms.map((t) => `${round(t.value)}×${round(t.weight)}`).join(' + ')} ={' '}
            <strong data-testid="pixel-value">{round(sum)}</strong>
            {engineValue !== undefined && (
              <span class="playground-inspector__engine"> (engine: {round(engineValue)})</span>
            )}
          </p>
        );
      })}
    </div>
  );
}
