/**
 * What every tfjs-layers model of the site does the same way: its weights read and written as
 * plain arrays (in model.getWeights() order, shapes checked), and the loss it trains on.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** Clip of probabilities before log, as TensorFlow does (reference: PROBABILITY_EPSILON). */
export const EPSILON = 1e-7;

/** Copies of every weight, in model.getWeights() order. */
export async function readWeights(model: tfl.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map(async (t) => (await t.data()) as Float32Array));
}

/** Replaces every weight; each array must hold as many values as the weight it replaces. */
export function writeWeights(model: tfl.LayersModel, list: readonly Float32Array[]): void {
  const shapes = model.getWeights().map((t) => t.shape);
  if (list.length !== shapes.length)
    throw new Error(`setWeights: ${list.length} arrays given, the model has ${shapes.length} weights`);
  const tensors = list.map((data, i) => tf.tensor(data, shapes[i], 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}

/** Mean categorical cross-entropy of softmax outputs p [n, classes] against integer labels (call inside tidy). */
export function meanCrossEntropy(p: tf.Tensor2D, labels: ArrayLike<number>, classes: number): tf.Scalar {
  const n = p.shape[0];
  const y = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), classes);
  const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
  return tf.div(tf.neg(tf.sum(tf.mul(y, tf.log(clipped)))), n) as tf.Scalar;
}
