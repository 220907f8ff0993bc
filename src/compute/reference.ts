/**
 * The executable spec: readable nested loops over NHWC Float32Arrays. Every other path (the
 * TensorFlow.js engine, the demos) is tested against these functions, and these against
 * hand-computed cases. Clarity beats speed here.
 */
import { checkFinite, checkShape4, planWindow, type WindowPlan } from './plan';
import { pair } from './shape';
import { tapCell } from './window';
import type { Conv2DOptions, Filter4, PoolOptions, Tensor4 } from './types';

/** Index of (n, y, x, c) in an NHWC array of height h, width w and c channels. */
function at(h: number, w: number, channels: number, n: number, y: number, x: number, c: number): number {
  return ((n * h + y) * w + x) * channels + c;
}

/**
 * The input cell the window of output (oy, ox) reads at tap (i, j) (src/compute/window.ts), or
 * null in the zero padding: those cells are skipped, which is the same as multiplying by 0.
 */
const inputCell: (p: WindowPlan, oy: number, ox: number, i: number, j: number) => [number, number] | null =
  tapCell;

/**
 * 2-D cross-correlation, what CNN libraries call convolution:
 * out[n, oy, ox, o] = sum over i, j, c of in[n, oy*s + i*d - pad, ox*s + j*d - pad, c] * w[i, j, c, o].
 */
export function conv2d(input: Tensor4, filter: Filter4, options: Conv2DOptions = {}): Tensor4 {
  const op = 'conv2d';
  checkShape4(op, 'kernel', filter.shape);
  const [kH, kW, kIn, kOut] = filter.shape;
  const [batch, , , channels] = input.shape;
  if (kIn !== channels) {
    throw new Error(`${op}: kernel depth ${kIn} does not match input channels ${channels}`);
  }
  checkFinite(op, 'kernel', filter.data);
  checkFinite(op, 'input', input.data);
  const p = planWindow(op, input.shape, kH, kW, options);
  const out = new Float32Array(batch * p.outH * p.outW * kOut);
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        for (let o = 0; o < kOut; o++) {
          let sum = 0;
          for (let i = 0; i < kH; i++) {
            for (let j = 0; j < kW; j++) {
              const cell = inputCell(p, oy, ox, i, j);
              if (cell === null) continue;
              for (let c = 0; c < channels; c++) {
                const v = input.data[at(p.inH, p.inW, channels, n, cell[0], cell[1], c)] as number;
                const wt = filter.data[((i * kW + j) * kIn + c) * kOut + o] as number;
                sum += v * wt;
              }
            }
          }
          out[at(p.outH, p.outW, kOut, n, oy, ox, o)] = sum;
        }
      }
    }
  }
  return { data: out, shape: [batch, p.outH, p.outW, kOut] };
}

/**
 * Per-channel (depthwise) convolution with a channel multiplier of 1: channel c of the output
 * is channel c of the input cross-correlated with kernel slice [:, :, c, 0].
 */
export function depthwiseConv2d(input: Tensor4, filter: Filter4, options: Conv2DOptions = {}): Tensor4 {
  const op = 'depthwiseConv2d';
  checkShape4(op, 'kernel', filter.shape);
  const [kH, kW, kIn, multiplier] = filter.shape;
  const [batch, , , channels] = input.shape;
  if (kIn !== channels) {
    throw new Error(`${op}: kernel depth ${kIn} does not match input channels ${channels}`);
  }
  if (multiplier !== 1) {
    throw new Error(`${op}: channel multiplier must be 1, got ${multiplier}`);
  }
  checkFinite(op, 'kernel', filter.data);
  checkFinite(op, 'input', input.data);
  const p = planWindow(op, input.shape, kH, kW, options);
  const out = new Float32Array(batch * p.outH * p.outW * channels);
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        for (let c = 0; c < channels; c++) {
          let sum = 0;
          for (let i = 0; i < kH; i++) {
            for (let j = 0; j < kW; j++) {
              const cell = inputCell(p, oy, ox, i, j);
              if (cell === null) continue;
              const v = input.data[at(p.inH, p.inW, channels, n, cell[0], cell[1], c)] as number;
              sum += v * (filter.data[(i * kW + j) * channels + c] as number);
            }
          }
          out[at(p.outH, p.outW, channels, n, oy, ox, c)] = sum;
        }
      }
    }
  }
  return { data: out, shape: [batch, p.outH, p.outW, channels] };
}

type Reducer = (values: number[]) => number;

function pool(op: string, input: Tensor4, options: PoolOptions, reduce: Reducer): Tensor4 {
  const [kH, kW] = pair(options.size);
  checkFinite(op, 'input', input.data);
  const p = planWindow(op, input.shape, kH, kW, {
    stride: options.stride ?? options.size,
    padding: options.padding ?? 'valid',
  });
  const [batch, , , channels] = input.shape;
  const out = new Float32Array(batch * p.outH * p.outW * channels);
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        for (let c = 0; c < channels; c++) {
          const values: number[] = [];
          for (let i = 0; i < kH; i++) {
            for (let j = 0; j < kW; j++) {
              const cell = inputCell(p, oy, ox, i, j);
              if (cell !== null)
                values.push(input.data[at(p.inH, p.inW, channels, n, cell[0], cell[1], c)] as number);
            }
          }
          out[at(p.outH, p.outW, channels, n, oy, ox, c)] = reduce(values);
        }
      }
    }
  }
  return { data: out, shape: [batch, p.outH, p.outW, channels] };
}

/** Largest value in each window; padding cells are ignored (TensorFlow's convention). */
export function maxPool(input: Tensor4, options: PoolOptions): Tensor4 {
  return pool('maxPool', input, options, (v) => Math.max(...v));
}

/** Mean of each window over the cells inside the input; padding is not counted (TensorFlow's convention). */
export function avgPool(input: Tensor4, options: PoolOptions): Tensor4 {
  return pool('avgPool', input, options, (v) => v.reduce((a, b) => a + b, 0) / v.length);
}

/** max(0, x) element-wise. */
export function relu(input: Tensor4): Tensor4 {
  return { shape: input.shape, data: input.data.map((v) => (v > 0 ? v : 0)) };
}
