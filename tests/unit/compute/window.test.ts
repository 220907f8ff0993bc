import { describe, expect, test } from 'vitest';
import { planWindow, tapCell, windowTaps, windowTerms } from '~/compute';

/** Input cells read by each tap in row-major kernel order ("-" inside the padding), worked by hand. */
const cells = (taps: ReturnType<typeof windowTaps>) =>
  taps.map((t) => (t.row === null ? '-' : `${t.row},${t.col}`));

describe('window geometry', () => {
  test('x=5×5 k=3 s=1 p=valid d=1, output (0, 1): rows 0–2, columns 1–3', () => {
    const plan = planWindow('test', [1, 5, 5, 1], 3, 3);
    expect(cells(windowTaps(plan, 0, 1))).toEqual([
      '0,1', '0,2', '0,3',
      '1,1', '1,2', '1,3',
      '2,1', '2,2', '2,3',
    ]); // prettier-ignore
  });

  test('x=5×5 k=3 s=2 p=same d=2 (2 padding cells before and after)', () => {
    const plan = planWindow('test', [1, 5, 5, 1], 3, 3, { stride: 2, padding: 'same', dilation: 2 });
    expect([plan.outH, plan.outW, ...plan.pad]).toEqual([3, 3, 2, 2, 2, 2]);
    // output (0, 0): padded rows and columns 0, 2, 4 = input -2, 0, 2
    expect(cells(windowTaps(plan, 0, 0))).toEqual([
      '-', '-', '-',
      '-', '0,0', '0,2',
      '-', '2,0', '2,2',
    ]); // prettier-ignore
    // output (1, 2): padded rows 2, 4, 6 = input 0, 2, 4; padded columns 4, 6, 8 = input 2, 4, (6: outside)
    expect(cells(windowTaps(plan, 1, 2))).toEqual([
      '0,2', '0,4', '-',
      '2,2', '2,4', '-',
      '4,2', '4,4', '-',
    ]); // prettier-ignore
    const last = windowTaps(plan, 1, 2)[8];
    expect(last).toEqual({ m: 2, n: 2, row: null, col: null, paddedRow: 6, paddedCol: 8 });
  });

  test('x=4×4 k=2 s=3 p=1 d=1, output (1, 1): input rows and columns 2–3', () => {
    const plan = planWindow('test', [1, 4, 4, 1], 2, 2, { stride: 3, padding: 1 });
    expect([plan.outH, plan.outW]).toEqual([2, 2]);
    expect(cells(windowTaps(plan, 1, 1))).toEqual(['2,2', '2,3', '3,2', '3,3']);
    expect(tapCell(plan, 0, 0, 0, 0)).toBeNull();
    expect(tapCell(plan, 0, 0, 1, 1)).toEqual([0, 0]);
  });

  test('windowTerms reads the cells windowTaps names', () => {
    const input = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => 10 * r + c));
    const kernel = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    const terms = windowTerms(input, kernel, 1, 2, { stride: 2, padding: 'same', dilation: 2 });
    expect(terms.map((t) => t.value)).toEqual([2, 4, 0, 22, 24, 0, 42, 44, 0]);
    expect(terms.map((t) => t.weight)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
