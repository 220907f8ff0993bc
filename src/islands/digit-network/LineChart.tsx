/**
 * A training curve as plain SVG: axes with ticks, their units, and the curve. The x axis is the
 * number of training examples seen; the y axis is the quantity named in the title, from 0.
 */
import { thin, ticks, type CurvePoint } from './model';

export interface LineChartProps {
  title: string;
  /** The y axis' unit, e.g. "nats" or "%". */
  yUnit: string;
  points: readonly CurvePoint[];
  /** The y axis reaches at least this (e.g. 100 for a percentage). */
  yMax?: number;
  testId: string;
  formatY?: (v: number) => string;
}

const W = 320;
const H = 170;
const PAD = { left: 40, right: 10, top: 10, bottom: 34 };

const thousands = (v: number) => (v === 0 ? '0' : `${Number((v / 1000).toPrecision(3))}k`);

export function LineChart({ title, yUnit, points, yMax, testId, formatY = String }: LineChartProps) {
  const shown = thin(points);
  const maxX = Math.max(1000, ...shown.map((p) => p.x));
  const maxY = yMax ?? Math.max(0.5, ...shown.map((p) => (Number.isFinite(p.y) ? p.y : 0)));
  const xs = ticks(maxX);
  const ys = ticks(maxY, 4);
  const top = Math.max(maxY, ys[ys.length - 1] ?? 1);
  const right = Math.max(maxX, xs[xs.length - 1] ?? 1);
  const px = (x: number) => PAD.left + (x / right) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - (Math.min(y, top) / top) * (H - PAD.top - PAD.bottom);
  const path = shown
    .filter((p) => Number.isFinite(p.y))
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
    .join('');
  const last = shown[shown.length - 1];
  return (
    <figure class="dn-chart" data-testid={testId} data-points={points.length}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title} (${yUnit}) against training examples seen${last ? `: now ${formatY(last.y)} after ${last.x.toLocaleString('en')} examples` : ': no training yet'}`}
      >
        {ys.map((y) => (
          <g key={`y${y}`} class="dn-chart__tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={py(y)} y2={py(y)} />
            <text x={PAD.left - 4} y={py(y) + 4} text-anchor="end">
              {formatY(y)}
            </text>
          </g>
        ))}
        {xs.map((x) => (
          <text key={`x${x}`} class="dn-chart__label" x={px(x)} y={H - PAD.bottom + 14} text-anchor="middle">
            {thousands(x)}
          </text>
        ))}
        <line class="dn-chart__axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
        <line
          class="dn-chart__axis"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
        />
        <text class="dn-chart__label" x={(W + PAD.left) / 2} y={H - 4} text-anchor="middle">
          training examples seen
        </text>
        {path && <path class="dn-chart__line" d={path} />}
      </svg>
      <figcaption>
        {title} <span class="dn-chart__unit">({yUnit})</span>
      </figcaption>
    </figure>
  );
}
