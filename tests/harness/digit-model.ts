/**
 * The shipped digit network in a real browser: TensorFlow.js's own layers loader reads
 * model.json and weights.bin over HTTP (as any page would), and the model classifies the first n
 * held-out digits on whichever backend the harness started. The test compares the probabilities
 * with src/compute's reference, computed in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  DIGIT_PIXELS,
  digitsToFloats,
  fetchedDigits,
  parseDigits,
  type DigitsHeader,
} from '../../src/compute';

export interface DigitModelRun {
  backend: string;
  /** n × 10 probabilities, row by row. */
  probabilities: number[];
  /** Live tensors before loading and after predicting and disposing: the ledger. */
  tensorsBefore: number;
  tensorsAfter: number;
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be fetched (${response.status})`);
  return response;
}

export async function shippedDigitModel(
  modelUrl: string,
  digitsUrl: string,
  headerUrl: string,
  n: number,
): Promise<DigitModelRun> {
  const tensorsBefore = tf.memory().numTensors;
  const [model, bytes, header] = await Promise.all([
    tfl.loadLayersModel(modelUrl),
    get(digitsUrl).then(async (r) => fetchedDigits(new Uint8Array(await r.arrayBuffer()))),
    get(headerUrl).then(async (r) => (await r.json()) as DigitsHeader),
  ]);
  const test = parseDigits(bytes, header).test;
  const images = digitsToFloats(test.images.subarray(0, n * DIGIT_PIXELS));
  const p = tf.tidy(() => model.predict(tf.tensor4d(images, [n, 28, 28, 1])) as tf.Tensor);
  const probabilities = Array.from(await p.data());
  p.dispose();
  model.dispose();
  return { backend: tf.getBackend(), probabilities, tensorsBefore, tensorsAfter: tf.memory().numTensors };
}
