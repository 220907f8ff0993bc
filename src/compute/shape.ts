import type { Padding, Pair, Shape4, Tensor4 } from './types';

/** [rows, columns] from a number or a pair. */
export function pair(value: Pair): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** Span of a kernel of `size` taps spread `dilation` cells apart: d(k - 1) + 1. */
export function effectiveKernelSize(size: number, dilation = 1): number {
  return dilation * (size - 1) + 1;
}

/**
 * Zero cells added [before, after] one axis. For 'same', TensorFlow's convention: the total is
 * what makes the output ceil(n / s) long, and the smaller half goes before.
 */
export function paddingSplit(
  inputSize: number,
  kernelSize: number,
  stride: number,
  padding: Padding,
  dilation = 1,
): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (padding === 'same') {
    const out = Math.ceil(inputSize / stride);
    const span = effectiveKernelSize(kernelSize, dilation);
    const total = Math.max((out - 1) * stride + span - inputSize, 0);
    const before = Math.floor(total / 2);
    return [before, total - before];
  }
  return [padding, padding];
}

/**
 * Length of the output along one axis: floor((n + p_before + p_after - d(k - 1) - 1) / s) + 1,
 * or 0 when the (dilated) kernel does not fit in the padded input.
 */
export function outputSize(
  inputSize: number,
  kernelSize: number,
  stride: number,
  padding: Padding,
  dilation = 1,
): number {
  const [before, after] = paddingSplit(inputSize, kernelSize, stride, padding, dilation);
  const room = inputSize + before + after - effectiveKernelSize(kernelSize, dilation);
  return room < 0 ? 0 : Math.floor(room / stride) + 1;
}

/** Number of values a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A tensor of the given shape, zero-filled or wrapping `data` after checking its length. */
export function tensor4(shape: Shape4, data?: ArrayLike<number>): Tensor4 {
  const size = sizeOf(shape);
  if (data !== undefined && data.length !== size) {
    throw new Error(
      `tensor4: shape [${shape.join(', ')}] holds ${size} values, but ${data.length} were given`,
    );
  }
  return { shape, data: data === undefined ? new Float32Array(size) : Float32Array.from(data) };
}

/** A single-channel image [1, h, w, 1] from rows of numbers. */
export function fromRows(rows: readonly (readonly number[])[]): Tensor4 {
  const h = rows.length;
  const w = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== w) throw new Error(`fromRows: row ${i} has ${row.length} values, row 0 has ${w}`);
  });
  return tensor4([1, h, w, 1], rows.flat());
}

/** Rows of numbers from channel `c` of image `n` of a tensor. */
export function toRows(t: Tensor4, n = 0, c = 0): number[][] {
  const [, h, w, channels] = t.shape;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => t.data[((n * h + y) * w + x) * channels + c] ?? 0),
  );
}
