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
  /** How far an arrow key moves the pixel. */
  step: number;
}

const NAMES = ['Red', 'Green', 'Blue'];
const round = (v: number) => formatNumber(Math.round(v * 1000) / 1000);
const short = (v: number) => formatNumber(Math.round(v * 10) / 10);

/** The window under one pixel as a small grid of products, their sum and the engine's value, per channel. */
export function Inspector({
  image,
  width,
  height,
  channels,
  x,
  y,
  kernel,
  size,
  output,
  step,
}: InspectorProps) {
  return (
    <div class="playground-inspector" data-testid="pixel-inspector">
      <p class="playground-inspector__intro">
        Pixel{' '}
        <strong>
          ({x}, {y})
        </strong>
        : each input value under the {size}×{size} window times its kernel weight, then summed
        {channels === 3 ? ', channel by channel' : ''}. Point at either picture, or focus it and use the arrow
        keys ({step} pixels a press, {step * 10} with Shift).
      </p>
      <div class="playground-inspector__channels">
        {Array.from({ length: channels }, (_, c) => {
          const { terms, sum } = pixelTerms(image, width, height, channels, c, x, y, kernel, size);
          const engineValue = output?.[(y * width + x) * channels + c];
          return (
            <div key={c} class="playground-inspector__channel" data-testid="pixel-sum">
              {channels === 3 && <p class="playground-inspector__name">{NAMES[c]}</p>}
              <table
                class="playground-products"
                aria-label={`Products of the window${channels === 3 ? `, ${NAMES[c]?.toLowerCase()}` : ''}`}
              >
                <tbody>
                  {Array.from({ length: size }, (_, r) => (
                    <tr key={r}>
                      {terms.slice(r * size, r * size + size).map((t, i) => (
                        <td key={i} class={t.weight === 0 ? 'is-zero' : undefined}>
                          <span class="playground-products__factors">
                            {short(t.value)}×{round(t.weight)}
                          </span>
                          <span class="playground-products__product">{short(t.value * t.weight)}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="playground-inspector__sum">
                sum <strong data-testid="pixel-value">{round(sum)}</strong>
                {engineValue !== undefined && (
                  <span class="playground-inspector__engine">
                    {' '}
                    · engine <span data-testid="engine-value">{round(engineValue)}</span>
                  </span>
                )}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
