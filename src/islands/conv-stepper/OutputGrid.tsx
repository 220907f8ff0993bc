import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../shared/format';
import type { Grid } from './model';

export interface OutputGridProps {
  output: Grid;
  selected: number;
  /** While the animation fills the output, cells after this index are still blank. */
  revealedUpTo: number;
  /** Move focus with the selection (keyboard use), not during playback. */
  followFocus: boolean;
  onSelect: (index: number) => void;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Output cells as buttons: click or tap one, or move with the arrow keys (one tab stop). */
export function OutputGrid({ output, selected, revealedUpTo, followFocus, onSelect }: OutputGridProps) {
  const rows = output.length;
  const cols = output[0]?.length ?? 0;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!followFocus) return;
    const cell = root.current?.querySelectorAll<HTMLButtonElement>('button')[selected];
    if (cell && root.current?.contains(document.activeElement)) cell.focus();
  }, [selected, followFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    let next: number | null = null;
    const move = MOVES[event.key];
    if (move) {
      const r = Math.min(rows - 1, Math.max(0, Math.floor(selected / cols) + move[0]));
      const c = Math.min(cols - 1, Math.max(0, (selected % cols) + move[1]));
      next = r * cols + c;
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows * cols - 1;
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
  };

  return (
    <div class="stepper-grid stepper-grid--output">
      <div
        ref={root}
        class="stepper-grid__cells"
        style={{ gridTemplateColumns: `repeat(${cols}, var(--cell))` }}
        role="group"
        aria-label={`Output, ${rows}×${cols}: pick a cell; arrow keys move the window`}
        onKeyDown={onKeyDown}
      >
        {output.flat().map((value, i) => {
          const shown = i <= revealedUpTo;
          return (
            <button
              key={i}
              type="button"
              class={`cell cell--out${i === selected ? ' is-window' : ''}`}
              data-testid="output-cell"
              tabIndex={i === selected ? 0 : -1}
              aria-pressed={i === selected}
              aria-label={`Output row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1}: ${shown ? formatNumber(value) : 'not computed yet'}`}
              onClick={() => onSelect(i)}
            >
              {shown ? formatNumber(value) : ''}
            </button>
          );
        })}
      </div>
      <p class="stepper-grid__label">
        Output <span class="number-grid__size" data-testid="output-shape">{`${rows}×${cols}`}</span>
      </p>
    </div>
  );
}
