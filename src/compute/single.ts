import { fromRows, toRows } from './shape';
import { planWindow } from './plan';
import { conv2d } from './reference';
import { windowTaps } from './window';
import type { Conv2DOptions } from './types';

type Rows = readonly (readonly number[])[];

/** Cross-correlates one single-channel grid with one kernel, both as rows; returns rows. */
export function convolveGrid(input: Rows, kernel: Rows, options: Conv2DOptions = {}): number[][] {
  const k = fromRows(kernel);
  const [, kH, kW] = k.shape;
  return toRows(conv2d(fromRows(input), { data: k.data, shape: [kH, kW, 1, 1] }, options));
}

/** One product in the sum behind an output value. Input coordinates are null inside the padding. */
export interface WindowTerm {
  readonly row: number | null;
  readonly col: number | null;
  readonly value: number;
  readonly weight: number;
}

/** The kernel-tap-by-tap products that sum to output (row, col), in row-major kernel order. */
export function windowTerms(
  input: Rows,
  kernel: Rows,
  row: number,
  col: number,
  options: Conv2DOptions = {},
): WindowTerm[] {
  const x = fromRows(input);
  const k = fromRows(kernel);
  const [, kH, kW] = k.shape;
  const plan = planWindow('windowTerms', x.shape, kH, kW, options);
  if (row < 0 || row >= plan.outH || col < 0 || col >= plan.outW) {
    throw new Error(`windowTerms: output (${row}, ${col}) is outside the ${plan.outH}x${plan.outW} output`);
  }
  return windowTaps(plan, row, col).map((tap) => ({
    row: tap.row,
    col: tap.col,
    value: tap.row === null || tap.col === null ? 0 : (input[tap.row]?.[tap.col] ?? 0),
    weight: kernel[tap.m]?.[tap.n] ?? 0,
  }));
}
