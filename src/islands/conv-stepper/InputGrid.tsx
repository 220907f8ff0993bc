import type { WindowPlan } from '../../compute';
import { CellInput } from '../shared/CellInput';
import type { Grid } from './model';

export interface InputGridProps {
  input: Grid;
  plan: WindowPlan;
  /** Cells under the kernel, in padded coordinates "row,col". */
  window: ReadonlySet<string>;
  drafts: ReadonlyMap<number, string>;
  /** Indexes whose draft is not a usable number. */
  invalid: ReadonlySet<number>;
  onText: (index: number, text: string) => void;
  onBlur: (index: number) => void;
}

/** The input with its ring of zero padding drawn around it; only real cells can be edited. */
export function InputGrid({ input, plan, window, drafts, invalid, onText, onBlur }: InputGridProps) {
  const [top, bottom, left, right] = plan.pad;
  const n = input.length;
  const rows = n + top + bottom;
  const cols = n + left + right;
  const padded = top + bottom + left + right > 0;
  return (
    <div class="stepper-grid">
      <div
        class="stepper-grid__cells"
        style={{ gridTemplateColumns: `repeat(${cols}, var(--cell))` }}
        role="group"
        aria-label={`Input, ${n}×${n}${padded ? `, with zero padding: ${top} above, ${bottom} below, ${left} left, ${right} right` : ''}`}
      >
        {Array.from({ length: rows * cols }, (_, i) => {
          const r = Math.floor(i / cols);
          const c = i % cols;
          const inside = r >= top && r < top + n && c >= left && c < left + n;
          const hit = window.has(`${r},${c}`);
          if (!inside) {
            return (
              <span key={i} class={`cell cell--pad${hit ? ' is-window' : ''}`} aria-hidden="true">
                0
              </span>
            );
          }
          const index = (r - top) * n + (c - left);
          return (
            <CellInput
              key={i}
              value={input[r - top]?.[c - left] ?? 0}
              draft={drafts.get(index)}
              invalid={invalid.has(index)}
              label={`Input row ${r - top + 1}, column ${c - left + 1}`}
              testId="input-cell"
              highlighted={hit}
              onText={(text) => onText(index, text)}
              onBlur={() => onBlur(index)}
            />
          );
        })}
      </div>
      <p class="stepper-grid__label">
        Input <span class="number-grid__size">{`${n}×${n}`}</span>
        {padded && <span class="stepper-grid__note"> + zero padding</span>}
      </p>
    </div>
  );
}
