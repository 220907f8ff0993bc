import { effectiveKernelSize, outputSize, pair, paddingSplit } from './shape';
import type { Conv2DOptions, Padding, Shape4 } from './types';

/** Everything a sliding-window op needs to know about its geometry, checked once. */
export interface WindowPlan {
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  /** Zero cells [top, bottom, left, right]. */
  readonly pad: readonly [number, number, number, number];
}

function wholeAtLeast(op: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${op}: ${name} must be a whole number of at least ${min}, got ${value}`);
  }
}

function checkPadding(op: string, padding: Padding): void {
  if (padding === 'valid' || padding === 'same') return;
  if (typeof padding !== 'number' || !Number.isInteger(padding) || padding < 0) {
    throw new Error(
      `${op}: padding must be 'valid', 'same' or a whole number of at least 0, got ${String(padding)}`,
    );
  }
}

export function checkShape4(op: string, what: string, shape: readonly number[]): void {
  if (shape.length !== 4) {
    throw new Error(`${op}: ${what} must have 4 dimensions, got [${shape.join(', ')}]`);
  }
  shape.forEach((d, i) => wholeAtLeast(op, `${what} dimension ${i}`, d, 1));
}

/** Throws, naming the op and the index, if any value is NaN or infinite. */
export function checkFinite(op: string, what: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      throw new Error(`${op}: ${what} value at index ${i} is ${v}; values must be finite numbers`);
    }
  }
}

/**
 * Checks the geometry of a window of kH x kW sliding over an NHWC input, and works out the
 * output size and padding. Throws a sentence naming `op` and the values when it cannot run.
 */
export function planWindow(
  op: string,
  input: Shape4,
  kH: number,
  kW: number,
  options: Conv2DOptions = {},
): WindowPlan {
  checkShape4(op, 'input', input);
  wholeAtLeast(op, 'kernel height', kH, 1);
  wholeAtLeast(op, 'kernel width', kW, 1);
  const [strideH, strideW] = pair(options.stride ?? 1);
  const [dilationH, dilationW] = pair(options.dilation ?? 1);
  wholeAtLeast(op, 'stride', strideH, 1);
  wholeAtLeast(op, 'stride', strideW, 1);
  wholeAtLeast(op, 'dilation', dilationH, 1);
  wholeAtLeast(op, 'dilation', dilationW, 1);
  const padding = options.padding ?? 'valid';
  checkPadding(op, padding);
  const [, inH, inW] = input;
  const [top, bottom] = paddingSplit(inH, kH, strideH, padding, dilationH);
  const [left, right] = paddingSplit(inW, kW, strideW, padding, dilationW);
  const axes: [string, number, number, number, number, number][] = [
    ['height', inH, kH, dilationH, top, bottom],
    ['width', inW, kW, dilationW, left, right],
  ];
  for (const [axis, n, k, d, before, after] of axes) {
    const span = effectiveKernelSize(k, d);
    if (span > n + before + after) {
      const dilated = d > 1 ? ` (spanning ${span} cells at dilation ${d})` : '';
      throw new Error(
        `${op}: kernel ${axis} ${k}${dilated} is larger than the padded input ${axis} ${n + before + after} (${n} + ${before} + ${after} padding)`,
      );
    }
  }
  return {
    inH,
    inW,
    outH: outputSize(inH, kH, strideH, padding, dilationH),
    outW: outputSize(inW, kW, strideW, padding, dilationW),
    kH,
    kW,
    strideH,
    strideW,
    dilationH,
    dilationW,
    pad: [top, bottom, left, right],
  };
}
