import { describe, expect, test } from 'vitest';
import { firstFocusable, moveInGrid } from '~/islands/shared/grid-nav';

describe('roving focus in a 3×3 grid', () => {
  const grid = { rows: 3, cols: 3 };
  test.each([
    [4, 'ArrowRight', 5],
    [4, 'ArrowLeft', 3],
    [4, 'ArrowUp', 1],
    [4, 'ArrowDown', 7],
    [2, 'ArrowRight', 2], // the edge: stays
    [6, 'ArrowDown', 6],
    [4, 'Home', 0],
    [4, 'End', 8],
    [4, 'a', null], // not a move
  ])('from %d, %s goes to %s', (from, key, to) => {
    expect(moveInGrid(from, key, grid)).toBe(to);
  });

  test('cells that take no focus (a ring of padding in a 5×5) are skipped', () => {
    const padded = { rows: 5, cols: 5, focusable: (i: number) => i % 5 > 0 && i % 5 < 4 && i > 4 && i < 20 };
    expect(firstFocusable(0, padded)).toBe(6);
    expect(moveInGrid(6, 'ArrowLeft', padded)).toBe(6);
    expect(moveInGrid(6, 'ArrowUp', padded)).toBe(6);
    expect(moveInGrid(8, 'ArrowRight', padded)).toBe(8);
    expect(moveInGrid(6, 'End', padded)).toBe(18);
  });
});
