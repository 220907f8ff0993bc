/**
 * Window geometry, once for every demo and for the reference: which input cell a kernel tap reads
 * for an output cell, for any stride s, padding p and dilation d. Output (i, j), tap (m, n) reads
 * input (s·i + d·m − p_top, s·j + d·n − p_left): the cell under the tap, or null when the tap falls
 * in the zero padding. Pure: no DOM, tested in Node against hand-worked cases.
 */
import type { WindowPlan } from './plan';

/** Geometry a window needs: a WindowPlan or anything shaped like one. */
export type WindowGeometry = Pick<
  WindowPlan,
  'inH' | 'inW' | 'outH' | 'outW' | 'kH' | 'kW' | 'strideH' | 'strideW' | 'dilationH' | 'dilationW' | 'pad'
>;

/** One kernel tap of one window: where it sits in the kernel and which cell it reads. */
export interface Tap {
  /** Kernel row and column of the tap. */
  readonly m: number;
  readonly n: number;
  /** The input cell read, or null inside the zero padding. */
  readonly row: number | null;
  readonly col: number | null;
  /** The same cell in padded coordinates (0 = the first padding row/column): always defined. */
  readonly paddedRow: number;
  readonly paddedCol: number;
}

/** Padded coordinates [row, col] that tap (m, n) of output (i, j) covers. */
export function paddedTapCell(
  g: WindowGeometry,
  i: number,
  j: number,
  m: number,
  n: number,
): [number, number] {
  return [i * g.strideH + m * g.dilationH, j * g.strideW + n * g.dilationW];
}

/** Input cell [row, col] read by tap (m, n) of output (i, j), or null when it falls in the padding. */
export function tapCell(
  g: WindowGeometry,
  i: number,
  j: number,
  m: number,
  n: number,
): [number, number] | null {
  const [pr, pc] = paddedTapCell(g, i, j, m, n);
  const row = pr - g.pad[0];
  const col = pc - g.pad[2];
  return row >= 0 && row < g.inH && col >= 0 && col < g.inW ? [row, col] : null;
}

/** Every tap of the window of output (i, j), in row-major kernel order. */
export function windowTaps(g: WindowGeometry, i: number, j: number): Tap[] {
  const taps: Tap[] = [];
  for (let m = 0; m < g.kH; m++) {
    for (let n = 0; n < g.kW; n++) {
      const [paddedRow, paddedCol] = paddedTapCell(g, i, j, m, n);
      const cell = tapCell(g, i, j, m, n);
      taps.push({ m, n, row: cell?.[0] ?? null, col: cell?.[1] ?? null, paddedRow, paddedCol });
    }
  }
  return taps;
}
