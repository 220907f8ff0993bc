/**
 * The 1-D convolution and max-over-time pooling on TensorFlow.js, tested against the reference in
 * src/compute/conv1d.ts. A sequence [length, channels] runs as a picture one row high
 * ([1, 1, length, channels] through conv2d, the filter bank as [1, width, in, out]) so the padding
 * can be explicit, from the reference's own plan: the two agree by construction on where the window
 * sits. TensorFlow.js refuses a stride and a dilation both above 1; then the stride-1 result is
 * subsampled, which gives the same values. Everything runs in one tf.tidy and comes back as plain
 * typed arrays: tf.memory().numTensors is unchanged after each call.
 */
import * as tf from '@tensorflow/tfjs-core';
import { planConv1d, type Conv1DOptions, type Filter1, type MaxOverTime, type Sequence } from '../conv1d';

export async function conv1dTf(
  input: Sequence,
  filter: Filter1,
  options: Conv1DOptions = {},
): Promise<Sequence> {
  if (filter.inChannels !== input.channels) {
    throw new Error(
      `conv1d: filter depth ${filter.inChannels} does not match input channels ${input.channels}`,
    );
  }
  const plan = planConv1d('conv1d', input.length, filter.width, options);
  if (plan.outLength === 0) return { data: new Float32Array(0), length: 0, channels: filter.outChannels };
  const bias = Float32Array.from(options.bias ?? new Float32Array(filter.outChannels));
  const result = tf.tidy(() => {
    const x = tf.tensor4d(input.data, [1, 1, input.length, input.channels]);
    const w = tf.tensor4d(filter.data, [1, filter.width, filter.inChannels, filter.outChannels]);
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [0, 0],
      [plan.padBefore, plan.padAfter],
      [0, 0],
    ];
    const both = plan.stride > 1 && plan.dilation > 1;
    let y = tf.conv2d(x, w, both ? 1 : [1, plan.stride], pad, 'NHWC', [1, plan.dilation]);
    if (both) y = tf.stridedSlice(y, [0, 0, 0, 0], y.shape, [1, 1, plan.stride, 1]) as tf.Tensor4D;
    return tf.add(y, tf.tensor1d(bias));
  });
  try {
    const data = (await result.data()) as Float32Array;
    return { data, length: result.shape[2] ?? 0, channels: filter.outChannels };
  } finally {
    result.dispose();
  }
}

/** Max over positions per channel, and the first position holding it (tf.argMax's rule for ties). */
export async function maxOverTimeTf(input: Sequence): Promise<MaxOverTime> {
  if (input.length === 0) throw new Error('maxOverTime: the sequence is empty, so there is no maximum');
  const [values, positions] = tf.tidy(() => {
    const x = tf.tensor2d(input.data, [input.length, input.channels]);
    return [tf.max(x, 0), tf.argMax(x, 0)];
  });
  try {
    return {
      values: (await values!.data()) as Float32Array,
      positions: Int32Array.from(await positions!.data()),
    };
  } finally {
    values!.dispose();
    positions!.dispose();
  }
}
