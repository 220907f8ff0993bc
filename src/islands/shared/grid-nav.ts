/**
 * Roving focus in a grid of cells, as pure functions: where an arrow key, Home or End moves from a
 * cell, skipping cells that cannot take focus (the stepper's padding, say). Tested in Node.
 */

export interface GridShape {
  rows: number;
  cols: number;
  /** Whether the cell at a row-major index can take focus. Default: all. */
  focusable?: (index: number) => boolean;
}

const STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The cell a key moves to from `index`, or null if the key is not a move (or leads nowhere). */
export function moveInGrid(index: number, key: string, grid: GridShape): number | null {
  const { rows, cols } = grid;
  const ok = grid.focusable ?? (() => true);
  const count = rows * cols;
  if (key === 'Home') {
    for (let i = 0; i < count; i++) if (ok(i)) return i;
    return null;
  }
  if (key === 'End') {
    for (let i = count - 1; i >= 0; i--) if (ok(i)) return i;
    return null;
  }
  const step = STEPS[key];
  if (step === undefined) return null;
  let r = Math.floor(index / cols) + step[0];
  let c = (index % cols) + step[1];
  while (r >= 0 && r < rows && c >= 0 && c < cols) {
    if (ok(r * cols + c)) return r * cols + c;
    r += step[0];
    c += step[1];
  }
  return index;
}

/** The first focusable cell at or after `preferred` (the roving Tab stop), or null if none. */
export function firstFocusable(preferred: number, grid: GridShape): number | null {
  const ok = grid.focusable ?? (() => true);
  const count = grid.rows * grid.cols;
  if (preferred >= 0 && preferred < count && ok(preferred)) return preferred;
  for (let i = 0; i < count; i++) if (ok(i)) return i;
  return null;
}
