/**
 * The three grids: the input with its ring of zero padding (window cells marked with their
 * weight ×w and their product), the kernel, and the output. Each grid is one Tab stop. Under each,
 * its name and the symbols that describe it, as parts of the figure the formulas light.
 */
import type { ComponentChildren } from 'preact';
import { formatNumber } from '../shared/format';
import { EditableGrid } from '../shared/EditableGrid';
import type { Frame, Lit } from './model';
import type { Tap } from '../../compute';

export interface StageProps {
  id: (part: string) => string;
  frame: Frame;
  selected: number;
  taps: readonly Tap[];
  tap: number;
  revealedUpTo: number;
  lit: Lit;
  stale: boolean;
  onInput: (index: number, value: number) => void;
  onKernel: (index: number, value: number) => void;
  onPending: (which: 'input' | 'kernel', pending: boolean) => void;
  onSelect: (index: number) => void;
  /** The reader points at a cell: the terms it stands for, and the tap if it is one. */
  onPointCell: (terms: string[] | null, tap?: number) => void;
  part: (term: string, children: ComponentChildren) => ComponentChildren;
}

export function Stage(props: StageProps) {
  const { frame, selected, taps, lit, stale, part } = props;
  const { plan, input, kernel, output } = frame;
  const [top, bottom, left, right] = plan.pad;
  const n = plan.inH;
  const rows = n + top + bottom;
  const cols = n + left + right;
  const k = plan.kH;
  const tapAt = new Map(taps.map((t, q) => [t.paddedRow * cols + t.paddedCol, q]));
  const isPad = (i: number) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    return r < top || r >= top + n || c < left || c >= left + n;
  };
  const realIndex = (i: number) => (Math.floor(i / cols) - top) * n + ((i % cols) - left);
  const padded = Array.from({ length: rows * cols }, (_, i) =>
    isPad(i) ? 0 : (input[Math.floor(i / cols) - top]?.[(i % cols) - left] ?? 0),
  );
  const i0 = Math.floor(selected / plan.outW);
  const j0 = selected % plan.outW;
  const m0 = Math.floor(props.tap / k);
  const n0 = props.tap % k;

  return (
    <div class="stepper-stage">
      <div class="stepper-block stepper-block--input" style={{ '--cols': cols }}>
        <EditableGrid
          id={props.id('input')}
          class={`stepper-input${cols > 7 ? ' is-dense' : ''}`}
          label={`Input x, ${n}×${n}${top + bottom + left + right > 0 ? `, with zero padding: ${top} above, ${bottom} below, ${left} left, ${right} right` : ''}. Arrow keys move, Enter or typing edits.`}
          rows={rows}
          cols={cols}
          values={padded}
          fixed={isPad}
          cellTestId="input-cell"
          cellLabel={(i) => `Input row ${Math.floor(i / cols) - top + 1}, column ${(i % cols) - left + 1}`}
          decorate={(i) => {
            const q = tapAt.get(i);
            const t = q === undefined ? undefined : taps[q];
            const w = t ? (kernel[t.m]?.[t.n] ?? 0) : 0;
            const classes = [q !== undefined ? 'is-window' : '', lit.input.has(i) ? 'is-lit' : '']
              .filter(Boolean)
              .join(' ');
            return {
              className: classes,
              ...(q !== undefined && {
                weight: `×${formatNumber(w)}`,
                product: formatNumber((padded[i] ?? 0) * w),
              }),
            };
          }}
          onValue={(i, v) => props.onInput(realIndex(i), v)}
          onPending={(p) => props.onPending('input', p)}
          onCellPoint={(i) => {
            if (i === null) return props.onPointCell(null);
            const q = tapAt.get(i);
            if (q !== undefined) return props.onPointCell(['m', 'n'], q);
            return props.onPointCell(isPad(i) ? ['p'] : null);
          }}
        />
        <p class="demo-grid__label">
          {part('x', 'x')} input {part('nx', `${n}×${n}`)}
          {top + bottom + left + right > 0 && <span class="demo-grid__note"> + zero padding</span>}
        </p>
        <p class="stepper-chips">
          {part('s', `s = ${plan.strideH}`)} {part('p', `p = ${top}`)} {part('d', `d = ${plan.dilationH}`)}
        </p>
      </div>
      <div class={`stepper-pair${cols > 5 ? ' stepper-pair--wide' : ''}`}>
        <span class="stepper-op" aria-hidden="true">
          ⋆
        </span>
        <div class="stepper-block stepper-block--kernel">
          <EditableGrid
            id={props.id('kernel')}
            class="demo-grid--kernel"
            label={`Kernel k, ${k}×${k}. Arrow keys move, Enter or typing edits.`}
            rows={k}
            cols={k}
            values={kernel.flat()}
            cellTestId="kernel-cell"
            cellLabel={(i) => `Kernel row ${Math.floor(i / k) + 1}, column ${(i % k) + 1}`}
            decorate={(i) => ({ className: lit.kernel.has(i) ? 'is-lit' : '' })}
            onValue={props.onKernel}
            onPending={(p) => props.onPending('kernel', p)}
            onCellPoint={(i) => props.onPointCell(i === null ? null : ['m', 'n'], i ?? undefined)}
          />
          <p class="demo-grid__label">
            {part('k', 'k')} kernel {part('nk', `${k}×${k}`)}
          </p>
          <p class="stepper-chips">
            {part('m', `m = ${m0}`)} {part('n', `n = ${n0}`)}
          </p>
        </div>
        <span class="stepper-op" aria-hidden="true">
          =
        </span>
        <div class={`stepper-block stepper-block--output${stale ? ' demo-is-stale' : ''}`} data-stale={stale}>
          <EditableGrid
            id={props.id('output')}
            mode="pick"
            label={`Output y, ${plan.outH}×${plan.outW}: pick a cell; arrow keys move the window`}
            rows={plan.outH}
            cols={plan.outW}
            values={output.flat()}
            display={(i) => (i <= props.revealedUpTo ? formatNumber(output.flat()[i] ?? 0) : '')}
            selected={selected}
            onSelect={props.onSelect}
            cellTestId="output-cell"
            cellLabel={(i) => `Output row ${Math.floor(i / plan.outW) + 1}, column ${(i % plan.outW) + 1}`}
            decorate={(i) => ({
              className: [i === selected ? 'is-window' : '', lit.output.has(i) ? 'is-lit' : '']
                .filter(Boolean)
                .join(' '),
            })}
            onCellPoint={(i) => props.onPointCell(i === null ? null : ['y', 'i', 'j'])}
          />
          <p class="demo-grid__label">
            {part('y', 'y')} output{' '}
            {part('ny', <span data-testid="output-shape">{`${plan.outH}×${plan.outW}`}</span>)}
            {stale && <span class="demo-stale-badge">out of date</span>}
          </p>
          <p class="stepper-chips">
            {part('i', `i = ${i0}`)} {part('j', `j = ${j0}`)}
          </p>
        </div>
      </div>
    </div>
  );
}
