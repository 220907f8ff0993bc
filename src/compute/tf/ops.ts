/**
 * The reference ops on TensorFlow.js, for whichever backend is active. Each call builds its
 * tensors inside tf.tidy, reads the one result back with async data(), disposes it, and returns
 * plain typed arrays: after any number of calls tf.memory().numTensors is where it started.
 * Arguments are checked by the same planWindow as the reference, so errors read the same.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkFinite, checkShape4, planWindow, type WindowPlan } from '../plan';
import { pair } from '../shape';
import type { Conv2DOptions, Filter4, PoolOptions, Tensor4 } from '../types';

/** Reads a tensor this module owns into a Tensor4 and disposes it. */
async function take(t: tf.Tensor): Promise<Tensor4> {
  try {
    const data = (await t.data()) as Float32Array;
    const [n = 1, h = 1, w = 1, c = 1] = t.shape;
    return { data, shape: [n, h, w, c] };
  } finally {
    t.dispose();
  }
}

const asTensor = (t: Tensor4 | Filter4) =>
  tf.tensor4d(t.data, [t.shape[0], t.shape[1], t.shape[2], t.shape[3]], 'float32');

/**
 * A convolution on tensors (call inside tf.tidy). Padding is always explicit, from the plan, so
 * TensorFlow and the reference agree by construction. TensorFlow.js refuses a stride and a
 * dilation both above 1; then the stride-1 result is subsampled, which gives the same values.
 */
export function convolve(x: tf.Tensor4D, w: tf.Tensor4D, p: WindowPlan, depthwise: boolean): tf.Tensor4D {
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [p.pad[0], p.pad[1]],
    [p.pad[2], p.pad[3]],
    [0, 0],
  ];
  const op = depthwise ? tf.depthwiseConv2d : tf.conv2d;
  const dilations: [number, number] = [p.dilationH, p.dilationW];
  const strided = p.strideH > 1 || p.strideW > 1;
  const dilated = p.dilationH > 1 || p.dilationW > 1;
  if (strided && dilated) {
    const full = op(x, w, 1, pad, 'NHWC', dilations);
    return tf.stridedSlice(full, [0, 0, 0, 0], full.shape, [1, p.strideH, p.strideW, 1]) as tf.Tensor4D;
  }
  return op(x, w, [p.strideH, p.strideW], pad, 'NHWC', dilations);
}

function checkConv(op: string, input: Tensor4, filter: Filter4, options: Conv2DOptions): WindowPlan {
  checkShape4(op, 'kernel', filter.shape);
  const [kH, kW, kIn, kOut] = filter.shape;
  if (kIn !== input.shape[3]) {
    throw new Error(`${op}: kernel depth ${kIn} does not match input channels ${input.shape[3]}`);
  }
  if (op === 'depthwiseConv2d' && kOut !== 1) {
    throw new Error(`${op}: channel multiplier must be 1, got ${kOut}`);
  }
  checkFinite(op, 'kernel', filter.data);
  checkFinite(op, 'input', input.data);
  return planWindow(op, input.shape, kH, kW, options);
}

export async function conv2d(input: Tensor4, filter: Filter4, options: Conv2DOptions = {}): Promise<Tensor4> {
  const plan = checkConv('conv2d', input, filter, options);
  return await take(tf.tidy(() => convolve(asTensor(input), asTensor(filter), plan, false)));
}

export async function depthwiseConv2d(
  input: Tensor4,
  filter: Filter4,
  options: Conv2DOptions = {},
): Promise<Tensor4> {
  const plan = checkConv('depthwiseConv2d', input, filter, options);
  return await take(tf.tidy(() => convolve(asTensor(input), asTensor(filter), plan, true)));
}

async function pool(op: 'maxPool' | 'avgPool', input: Tensor4, options: PoolOptions): Promise<Tensor4> {
  const [kH, kW] = pair(options.size);
  const stride = options.stride ?? options.size;
  const padding = options.padding ?? 'valid';
  checkFinite(op, 'input', input.data);
  const p = planWindow(op, input.shape, kH, kW, { stride, padding });
  const fn = op === 'maxPool' ? tf.maxPool : tf.avgPool;
  return await take(tf.tidy(() => fn(asTensor(input), [kH, kW], [p.strideH, p.strideW], padding)));
}

export const maxPool = (input: Tensor4, options: PoolOptions) => pool('maxPool', input, options);
export const avgPool = (input: Tensor4, options: PoolOptions) => pool('avgPool', input, options);

export async function relu(input: Tensor4): Promise<Tensor4> {
  return await take(tf.tidy(() => tf.relu(asTensor(input))));
}
