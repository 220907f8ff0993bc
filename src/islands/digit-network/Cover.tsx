/**
 * The cover figure, live: the 28×28 input the network sees → the first layer's 8 feature maps →
 * the second layer's 16 → the ten prediction bars. Canvases carry the build-time pictures as their
 * backgrounds (a style rule per map, from the wrapper) until the live ones are painted.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { planesOf, type DigitStages } from '../../compute';
import { best } from './model';
import { paint } from './paint';

export interface CoverProps {
  input: Float32Array | null;
  stages: DigitStages | null;
  probabilities: readonly number[];
  /** A sentence above the bars when they are not for what the pad shows. */
  stale: boolean;
}

const percent = (p: number) => `${(p * 100).toFixed(p >= 0.995 || p < 0.005 ? 0 : 1)}%`;

export function Cover({ input, stages, probabilities, stale }: CoverProps) {
  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const layer1 = useRef<(HTMLCanvasElement | null)[]>([]);
  const layer2 = useRef<(HTMLCanvasElement | null)[]>([]);
  const planes1 = useRef<Float32Array[]>([]);
  const planes2 = useRef<Float32Array[]>([]);

  useLayoutEffect(() => {
    if (input && inputCanvas.current) paint(inputCanvas.current, input, 28, 28);
  }, [input]);

  useLayoutEffect(() => {
    if (stages === null) return;
    planes1.current = planesOf(stages.relu1, planes1.current);
    planes2.current = planesOf(stages.relu2, planes2.current);
    planes1.current.forEach((p, i) => {
      const c = layer1.current[i];
      if (c) paint(c, p, 26, 26);
    });
    planes2.current.forEach((p, i) => {
      const c = layer2.current[i];
      if (c) paint(c, p, 11, 11);
    });
    // How long from a stroke (or new weights from training) to every map and bar redrawn.
    for (const [mark, measure] of [
      ['dn:stroke', 'dn:stroke-to-redraw'],
      ['dn:weights', 'dn:weights-to-redraw'],
    ] as const) {
      if (performance.getEntriesByName(mark, 'mark').length > 0) {
        performance.measure(measure, mark);
        performance.clearMarks(mark);
      }
    }
  }, [stages]);

  const top = best(probabilities);
  return (
    <div class={`dn-cover${stale ? ' is-stale' : ''}`}>
      <div class="dn-stage dn-stage--input">
        <canvas
          ref={inputCanvas}
          class="dn-map"
          data-map="input"
          width={28}
          height={28}
          data-testid="network-input"
          role="img"
          aria-label="The 28×28 picture the network sees: ink is 1 (white), paper 0 (black)"
        />
        <span class="dn-stage__label">
          Input <span class="dn-shape">28×28</span>
        </span>
      </div>
      <span class="dn-arrow" aria-hidden="true">
        →
      </span>
      <div class="dn-stage dn-stage--l1" data-testid="feature-map-stage" data-layer="1">
        <div class="dn-maps dn-maps--8">
          {Array.from({ length: 8 }, (_, i) => (
            <canvas
              key={i}
              ref={(el) => {
                layer1.current[i] = el;
              }}
              class="dn-map"
              data-map={`1-${i}`}
              width={26}
              height={26}
              role="img"
              aria-label={`Layer 1, map ${i + 1} (filter ${i + 1} after ReLU), 26×26`}
            />
          ))}
        </div>
        <span class="dn-stage__label">
          Layer 1 <span class="dn-shape">8 maps 26×26</span>
        </span>
      </div>
      <span class="dn-arrow" aria-hidden="true">
        →
      </span>
      <div class="dn-stage dn-stage--l2" data-testid="feature-map-stage" data-layer="2">
        <div class="dn-maps dn-maps--16">
          {Array.from({ length: 16 }, (_, i) => (
            <canvas
              key={i}
              ref={(el) => {
                layer2.current[i] = el;
              }}
              class="dn-map"
              data-map={`2-${i}`}
              width={11}
              height={11}
              role="img"
              aria-label={`Layer 2, map ${i + 1} after ReLU, 11×11`}
            />
          ))}
        </div>
        <span class="dn-stage__label">
          Layer 2 <span class="dn-shape">16 maps 11×11</span>
        </span>
      </div>
      <span class="dn-arrow" aria-hidden="true">
        →
      </span>
      <div class="dn-stage dn-stage--bars">
        <ol class="dn-bars" aria-label={`Prediction: ${top.digit}, probability ${percent(top.p)}`}>
          {probabilities.map((p, d) => (
            <li
              key={d}
              class={`dn-bar${d === top.digit ? ' is-top' : ''}`}
              data-testid="prediction-bar"
              data-digit={d}
              data-probability={p}
            >
              <span class="dn-bar__digit">{d}</span>
              <span class="dn-bar__track">
                <span class="dn-bar__fill" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
              </span>
              <span class="dn-bar__value">{percent(p)}</span>
            </li>
          ))}
        </ol>
        <span class="dn-stage__label">Prediction</span>
      </div>
    </div>
  );
}
