import { fromRows, toRows } from './shape';
import { planWindow } from './plan';
import { conv2d } from './reference';
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
  const terms: WindowTerm[] = [];
  for (let i = 0; i < kH; i++) {
    for (let j = 0; j < kW; j++) {
      const y = row * plan.strideH + i * plan.dilationH - plan.pad[0];
      const xx = col * plan.strideW + j * plan.dilationW - plan.pad[2];
      const inside = y >= 0 && y < plan.inH && xx >= 0 && xx < plan.inW;
      terms.push({
        row: inside ? y : null,
        col: inside ? xx : null,
        value: inside ? (input[y]?.[xx] ?? 0) : 0,
        weight: kernel[i]?.[j] ?? 0,
      });
    }
  }
  return terms;
}
