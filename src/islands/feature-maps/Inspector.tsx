/**
 * One cell followed back through the three stages: the pooled cell's window with the winner (or
 * the average), that cell's value before and after ReLU, and the convolution's window × kernel
 * products with their sum and the bias.
 */
import type { Stage } from '../../compute';
import { formatNumber } from '../shared/format';
import { windowCellName, type Followed, type Inspect } from './model';

export interface InspectorProps {
  at: Inspect;
  followed: Followed | null;
  size: number;
  relu: boolean;
  poolName: string;
  poolSize: number;
}

const f = (v: number) => formatNumber(Math.round(v * 100) / 100);
const cellName = (c: { row: number; col: number }) => `row ${c.row + 1}, column ${c.col + 1}`;

function Value({ stage, label, value }: { stage: Stage; label: string; value: number | null }) {
  return (
    <div class="fm-value">
      <dt>{label}</dt>
      <dd data-testid="fm-value" data-stage={stage} data-value={value === null ? '' : String(value)}>
        {value === null ? '–' : f(value)}
      </dd>
    </div>
  );
}

export function Inspector({ at, followed, size, relu, poolName, poolSize }: InspectorProps) {
  const stageWord = { conv: 'convolution', relu: 'ReLU', pool: 'pooled' }[at.stage];
  if (followed === null) {
    return (
      <section class="fm-inspector" data-testid="fm-inspector" aria-label="Inspector">
        <p class="fm-inspector__head">
          Tap a cell of any map, or focus a map and use the arrow keys, to follow one number back through the
          three stages.
        </p>
      </section>
    );
  }
  const { pool, relu: r, conv, cell, pooled } = followed;
  return (
    <section class="fm-inspector" data-testid="fm-inspector" aria-label="Inspector" aria-live="polite">
      <p class="fm-inspector__head">
        Filter {at.filter + 1}, {stageWord} cell {cellName(at)}
        {at.stage === 'pool' ? ` ← ReLU and convolution cell ${cellName(cell)}` : ''}
      </p>
      <dl class="fm-values">
        <Value stage="conv" label="Convolution" value={conv.value} />
        <Value stage="relu" label={relu ? 'ReLU' : 'ReLU (off)'} value={r.after} />
        <Value stage="pool" label={poolName} value={pool ? pool.value : null} />
      </dl>
      <div class="fm-steps">
        <div class="fm-step">
          <h3>{poolName}</h3>
          {pool && pooled ? (
            <>
              <div
                class="fm-window"
                style={{ gridTemplateColumns: `repeat(${poolSize}, auto)` }}
                role="list"
                aria-label={`The ${poolSize}×${poolSize} window of pooled cell ${cellName(pooled)}`}
              >
                {pool.cells.map((c, i) => (
                  <span
                    key={i}
                    role="listitem"
                    class={`fm-window__cell${pool.winner === i ? ' is-winner' : ''}`}
                    data-testid="fm-window-cell"
                    data-winner={pool.winner === i ? 'true' : undefined}
                  >
                    {f(c.value)}
                    {pool.winner === i && <span class="visually-hidden"> (kept)</span>}
                  </span>
                ))}
              </div>
              <p>
                {pool.winner !== null
                  ? `The largest, ${f(pool.value)} (${windowCellName(pool.winner, poolSize)}), survives${
                      pool.cells.filter((c) => c.value === pool.value).length > 1
                        ? '; of equal values, the first in reading order'
                        : ''
                    }.`
                  : `The average: ${pool.cells.map((c) => f(c.value)).join(' + ')} over ${pool.cells.length} = ${f(pool.value)}.`}
              </p>
            </>
          ) : (
            <p>This cell lies in no pooling window (the stride skips it, or it is left over at the edge).</p>
          )}
        </div>
        <div class="fm-step">
          <h3>ReLU</h3>
          <p>
            {relu
              ? `max(0, ${f(r.before)}) = ${f(r.after)}${r.zeroed ? ': a negative response is set to 0.' : '.'}`
              : `Off: ${f(r.before)} passes unchanged.`}
          </p>
        </div>
        <div class="fm-step">
          <h3>Convolution</h3>
          <div
            class={`fm-products fm-products--${size}`}
            style={{ gridTemplateColumns: `repeat(${size}, auto)` }}
            role="list"
            aria-label={`Window × kernel at ${cellName(cell)}`}
          >
            {conv.terms.map((t, i) => (
              <span key={i} role="listitem" class="fm-products__cell">
                <span class="fm-products__in">{f(t.input)}</span>×
                <span class="fm-products__w">{f(t.weight)}</span>
              </span>
            ))}
          </div>
          <p>
            Sum of products {f(conv.sum)} {conv.bias < 0 ? '−' : '+'} bias {f(Math.abs(conv.bias))} ={' '}
            {f(conv.value)}
          </p>
        </div>
      </div>
    </section>
  );
}
