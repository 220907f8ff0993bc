/**
 * 1-D convolution over a sequence of vectors, and global max-over-time pooling: the executable
 * spec of the text demo (readable loops; the TensorFlow.js path in tf/text-conv.ts is tested
 * against it). A sequence is [length, channels] in row-major order (one row per token); a filter
 * bank is [width, inChannels, outChannels], TensorFlow's conv1d layout.
 *
 * out[t, o] = bias[o] + sum over k < width, c of in[t*s + k*d - padBefore, c] * w[k, c, o]
 * (cross-correlation, as CNN libraries compute it; positions in the zero padding add nothing).
 */
import { outputSize, paddingSplit } from './shape.ts';
import type { Padding } from './types.ts';

/** A sequence of `length` vectors of `channels` numbers, row-major. */
export interface Sequence {
  readonly data: Float32Array;
  readonly length: number;
  readonly channels: number;
}

/** A bank of `outChannels` filters, each `width` taps of `inChannels` weights: [width, in, out]. */
export interface Filter1 {
  readonly data: Float32Array;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

export interface Conv1DOptions {
  /** Step of the window, in tokens. Default 1. */
  readonly stride?: number;
  /** 'valid' (default), 'same' (TensorFlow's split: the smaller half before) or a number of zero rows on each side. */
  readonly padding?: Padding;
  /** Gap between taps (1 = neighbouring tokens). Default 1. */
  readonly dilation?: number;
  /** One number per filter, added to every output. Default zeros. */
  readonly bias?: ArrayLike<number>;
}

/** The geometry of one 1-D convolution: where each output's window starts, and how long the output is. */
export interface Plan1D {
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
  readonly padAfter: number;
  readonly outLength: number;
}

const whole = (op: string, name: string, v: number) => {
  if (!Number.isInteger(v) || v < 1)
    throw new Error(`${op}: ${name} must be a whole number of at least 1, got ${v}`);
};

export function planConv1d(op: string, length: number, width: number, options: Conv1DOptions = {}): Plan1D {
  const stride = options.stride ?? 1;
  const dilation = options.dilation ?? 1;
  const padding = options.padding ?? 'valid';
  whole(op, 'stride', stride);
  whole(op, 'dilation', dilation);
  whole(op, 'filter width', width);
  if (typeof padding === 'number' && (!Number.isInteger(padding) || padding < 0)) {
    throw new Error(`${op}: padding must be 'valid', 'same' or a whole number of cells, got ${padding}`);
  }
  const [padBefore, padAfter] = paddingSplit(length, width, stride, padding, dilation);
  return {
    stride,
    dilation,
    padBefore,
    padAfter,
    outLength: outputSize(length, width, stride, padding, dilation),
  };
}

/** The input position tap k of output t reads, or null when it falls in the zero padding. */
export function tapPosition(plan: Plan1D, length: number, t: number, k: number): number | null {
  const p = t * plan.stride + k * plan.dilation - plan.padBefore;
  return p >= 0 && p < length ? p : null;
}

export function sequence(length: number, channels: number, data?: ArrayLike<number>): Sequence {
  if (data !== undefined && data.length !== length * channels) {
    throw new Error(
      `sequence: [${length}, ${channels}] holds ${length * channels} values, but ${data.length} were given`,
    );
  }
  return {
    length,
    channels,
    data: data === undefined ? new Float32Array(length * channels) : Float32Array.from(data),
  };
}

function checkFinite1(op: string, what: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]))
      throw new Error(`${op}: ${what} value ${i} is ${data[i]}, not a finite number`);
  }
}

export function conv1d(input: Sequence, filter: Filter1, options: Conv1DOptions = {}): Sequence {
  const op = 'conv1d';
  if (filter.inChannels !== input.channels) {
    throw new Error(
      `${op}: filter depth ${filter.inChannels} does not match input channels ${input.channels}`,
    );
  }
  if (filter.data.length !== filter.width * filter.inChannels * filter.outChannels) {
    throw new Error(
      `${op}: the filter bank holds ${filter.data.length} values, not ${filter.width}×${filter.inChannels}×${filter.outChannels}`,
    );
  }
  const bias = options.bias ?? new Float32Array(filter.outChannels);
  if (bias.length !== filter.outChannels) {
    throw new Error(`${op}: ${bias.length} biases given for ${filter.outChannels} filters`);
  }
  checkFinite1(op, 'input', input.data);
  checkFinite1(op, 'filter', filter.data);
  checkFinite1(op, 'bias', bias);
  const plan = planConv1d(op, input.length, filter.width, options);
  const { channels } = input;
  const { width, outChannels } = filter;
  const out = new Float32Array(plan.outLength * outChannels);
  for (let t = 0; t < plan.outLength; t++) {
    for (let o = 0; o < outChannels; o++) {
      let sum = bias[o] as number;
      for (let k = 0; k < width; k++) {
        const p = tapPosition(plan, input.length, t, k);
        if (p === null) continue;
        for (let c = 0; c < channels; c++) {
          sum +=
            (input.data[p * channels + c] as number) *
            (filter.data[(k * channels + c) * outChannels + o] as number);
        }
      }
      out[t * outChannels + o] = sum;
    }
  }
  return { data: out, length: plan.outLength, channels: outChannels };
}

export interface MaxOverTime {
  /** The largest value of each channel over the whole sequence. */
  readonly values: Float32Array;
  /** Where each was found: the FIRST position holding the maximum (ties go to the earliest). */
  readonly positions: Int32Array;
}

/**
 * Global max-over-time pooling (Kim 2014): one number per channel, the largest over all positions,
 * and the position it came from. Ties: the first position wins (as TensorFlow's argMax does).
 */
export function maxOverTime(input: Sequence): MaxOverTime {
  if (input.length === 0) throw new Error('maxOverTime: the sequence is empty, so there is no maximum');
  const values = new Float32Array(input.channels).fill(-Infinity);
  const positions = new Int32Array(input.channels);
  for (let t = 0; t < input.length; t++) {
    for (let c = 0; c < input.channels; c++) {
      const v = input.data[t * input.channels + c] as number;
      if (v > (values[c] as number)) {
        values[c] = v;
        positions[c] = t;
      }
    }
  }
  return { values, positions };
}

/** One tap of the window at output t: which input position it reads (null: padding) and what it adds. */
export interface Conv1DTerm {
  readonly tap: number;
  readonly position: number | null;
  /** Sum over channels of input × weight at this tap (0 in the padding). */
  readonly product: number;
}

/** The terms of output t of filter o: the stepper's "products and sum", tap by tap. */
export function conv1dTerms(
  input: Sequence,
  filter: Filter1,
  t: number,
  o: number,
  options: Conv1DOptions = {},
): Conv1DTerm[] {
  const plan = planConv1d('conv1dTerms', input.length, filter.width, options);
  return Array.from({ length: filter.width }, (_, k) => {
    const p = tapPosition(plan, input.length, t, k);
    let product = 0;
    if (p !== null) {
      for (let c = 0; c < input.channels; c++) {
        product +=
          (input.data[p * input.channels + c] as number) *
          (filter.data[(k * input.channels + c) * filter.outChannels + o] as number);
      }
    }
    return { tap: k, position: p, product };
  });
}
