import * as tf from '@tensorflow/tfjs-core';

/** Live tensors on the active backend: tests and the soak script check it stays flat. */
export function tensorCount(): number {
  return tf.memory().numTensors;
}
