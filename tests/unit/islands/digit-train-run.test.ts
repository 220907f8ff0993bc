/**
 * A run that diverges stops itself (src/islands/digit-network/train-run.ts, the loop the training
 * worker runs), with the real model on TensorFlow.js in Node: on WASM (the demo's backend) and CPU.
 *
 * No learning rate the demo accepts (at most 10) overflows from its own starting weights: once the
 * softmax saturates, the clipped loss has no gradient left, so steps stop growing. The divergence
 * here is made the way it happens in practice, by a step too large for the scale of the weights:
 * the shipped weights with the first layer ×10¹⁵, the second ×10¹⁵ (its bias ×10³⁰) and the dense
 * layer ÷10³⁰ compute the same probabilities (ReLU and max pooling commute with positive scaling),
 * but the dense layer's gradient is 10³⁰ times larger, so one ordinary step (η = 0.1) throws its
 * weights to ~10²⁹ and the next forward pass overflows float32.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  digitNetForward,
  digitsToFloats,
  gunzip,
  parseDigits,
  weightList,
  weightsFromLayersModel,
  type DigitSet,
  type DigitsHeader,
  type DigitWeights,
  type LayersModelJson,
} from '~/compute';
import { DigitModel } from '~/compute/tf/digit-model';
import { registerWasmTrainingKernels } from '~/compute/tf/wasm-segment-sum';
import { divergedMessage } from '~/islands/digit-network/model';
import { trainRun } from '~/islands/digit-network/train-run';

const shipped = weightsFromLayersModel(
  JSON.parse(readFileSync('public/models/digit-network/model.json', 'utf8')) as LayersModelJson,
  new Uint8Array(readFileSync('public/models/digit-network/weights.bin')),
);
let digits: DigitSet;

beforeAll(async () => {
  registerWasmTrainingKernels();
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  digits = parseDigits(await gunzip(new Uint8Array(readFileSync('public/data/digits/digits.u8.gz'))), header);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const scaled = (a: Float32Array, s: number) => a.map((v) => v * s);

/** The same network on another scale: every probability unchanged, every gradient not. */
function rescaled(w: DigitWeights, s: number): DigitWeights {
  return {
    conv1: {
      kernel: { ...w.conv1.kernel, data: scaled(w.conv1.kernel.data, s) },
      bias: scaled(w.conv1.bias, s),
    },
    conv2: {
      kernel: { ...w.conv2.kernel, data: scaled(w.conv2.kernel.data, s) },
      bias: scaled(w.conv2.bias, s * s),
    },
    dense: {
      kernel: { ...w.dense.kernel, data: scaled(w.dense.kernel.data, 1 / (s * s)) },
      bias: w.dense.bias,
    },
  };
}

/** Training batches in the order of the training split. */
function batches(size: number) {
  let next = 0;
  return () => {
    const indices = Array.from({ length: size }, (_, k) => (next + k) % digits.train.count);
    next += size;
    const images = new Float32Array(size * 784);
    indices.forEach((i, k) =>
      images.set(digitsToFloats(digits.train.images.subarray(i * 784, (i + 1) * 784)), k * 784),
    );
    return { images, labels: Uint8Array.from(indices, (i) => digits.train.labels[i] as number) };
  };
}

/** A clock that moves 1 ms per reading: a run of `ms` trains ms batches, whatever the machine. */
function clock() {
  let t = 0;
  return () => t++;
}

const probabilities = (w: DigitWeights, n: number) =>
  digitNetForward(w, { data: digitsToFloats(digits.test.images.subarray(0, n * 784)), shape: [n, 28, 28, 1] })
    .probabilities.data;

test('the rescaled weights are the same network: the reference gives the same probabilities (20 digits, 1e-4)', () => {
  const want = probabilities(shipped, 20);
  const got = probabilities(rescaled(shipped, 1e15), 20);
  got.forEach((p, i) => expect(Math.abs(p - (want[i] as number))).toBeLessThanOrEqual(1e-4));
});

// Batches of 32 as the demo's on WASM; of 8 on the slow CPU backend.
describe.each([
  ['wasm', 32],
  ['cpu', 8],
] as const)('on %s, batches of %i', (backend, size) => {
  test('from the shipped weights, 3 batches at η = 0.1 train on: 3 finite losses, no divergence', async () => {
    await tf.setBackend(backend);
    const model = new DigitModel({ optimizer: 'sgd', learningRate: 0.1 });
    model.setWeights(shipped);
    const run = await trainRun(model, batches(size), { ms: 3, examplesBefore: 0, now: clock() });
    expect(run.diverged).toBeUndefined();
    expect(run.seen).toBe(3 * size);
    expect(run.losses).toHaveLength(3);
    run.losses.forEach((l) => expect(l).toBeLessThan(1));
    model.dispose();
  });

  test('weights on a scale where η = 0.1 overflows: the run stops itself within 3 batches, reports NaN and where, and the weights are the last good ones', async () => {
    await tf.setBackend(backend);
    const start = rescaled(shipped, 1e15);
    const model = new DigitModel({ optimizer: 'sgd', learningRate: 0.1 });
    model.setWeights(start);
    const tensors = tf.memory().numTensors;
    const run = await trainRun(model, batches(size), { ms: 50, examplesBefore: 640, now: clock() });
    expect(run.diverged, 'the run says it diverged').toBeDefined();
    expect(run.diverged?.loss).toBeNaN();
    expect(run.diverged?.examples).toBeGreaterThan(640);
    expect(run.diverged?.examples).toBeLessThanOrEqual(640 + 3 * size);
    expect(run.seen, 'nothing of the run is kept').toBe(0);
    expect(run.losses).toEqual([]);
    const after = weightList(await model.getWeights());
    weightList(start).forEach((w, i) => expect(after[i], `weight array ${i}`).toEqual(w));
    // The model still answers with the last good network's probabilities.
    const images = digitsToFloats(digits.test.images.subarray(0, 10 * 784));
    const got = await model.predict(images);
    const want = probabilities(shipped, 10);
    got.forEach((p, i) => expect(Math.abs(p - (want[i] as number))).toBeLessThanOrEqual(1e-4));
    expect(tf.memory().numTensors, 'the run leaves no tensor behind').toBe(tensors);
    model.dispose();
  });
});

test.each(['wasm', 'cpu'] as const)(
  'on %s, a run of one batch whose weights stay finite but overflow the next forward pass is undone too',
  async (backend) => {
    await tf.setBackend(backend);
    const start = rescaled(shipped, 1e15);
    const model = new DigitModel({ optimizer: 'sgd', learningRate: 0.1 });
    model.setWeights(start);
    // One batch: its step leaves the dense weights at ~10²⁹, finite, so the step itself reports no
    // overflow; only a forward pass through the new weights shows it.
    const run = await trainRun(model, batches(8), { ms: 1, examplesBefore: 0, now: clock() });
    expect(run.diverged).toEqual({ loss: Number.NaN, examples: 8 });
    const after = weightList(await model.getWeights());
    weightList(start).forEach((w, i) => expect(after[i], `weight array ${i}`).toEqual(w));
    model.dispose();
  },
);

test('the sentence the reader reads says what happened, where, what is kept and what to do', () => {
  const text = divergedMessage({ loss: Number.NaN, examples: 1696 }, 0.1);
  expect(text).toContain('Training stopped itself');
  expect(text).toContain('after 1,696 examples');
  expect(text).toContain('NaN');
  expect(text).toContain('η = 0.1');
  expect(text).toContain('The weights shown are the last good ones');
  expect(text).toContain('random weights');
  expect(divergedMessage({ loss: Number.POSITIVE_INFINITY, examples: 32 }, 10)).toContain(
    'the loss became Infinity',
  );
});
