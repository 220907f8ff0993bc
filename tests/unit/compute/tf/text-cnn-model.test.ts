import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  textCnnForward,
  textCnnShapes,
  textCnnWeightsFromList,
  type TextCnnConfig,
} from '~/compute/text-cnn';
import { TextCnnModel } from '~/compute/tf/text-cnn-model';
import { registerWasmTrainingKernels } from '~/compute/tf/wasm-segment-sum';
import { maxRelativeError, randomArray } from '../random';

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const GRID: TextCnnConfig[] = [
  { length: 6, vocabSize: 7, embedding: 3, widths: [2], filters: 2 },
  { length: 10, vocabSize: 11, embedding: 4, widths: [2, 3, 4], filters: 3 },
  { length: 20, vocabSize: 50, embedding: 16, widths: [2, 3, 4], filters: 8 },
  { length: 5, vocabSize: 9, embedding: 2, widths: [3, 5], filters: 1 },
];
const name = (c: TextCnnConfig) =>
  `length=${c.length} vocab=${c.vocabSize} embedding=${c.embedding} widths=${c.widths.join('/')} filters=${c.filters}`;

function randomIds(c: TextCnnConfig, n: number, seed: number): Int32Array {
  return Int32Array.from(randomArray(n * c.length, seed), (v) =>
    Math.min(c.vocabSize - 1, Math.floor((v + 1) * 0.5 * c.vocabSize)),
  );
}

describe('TextCnnModel equals the reference (cpu backend)', () => {
  test.each(GRID)('%#: probabilities within 1e-5 for 6 random subjects', async (c) => {
    const model = new TextCnnModel(c, { seed: 3 });
    try {
      // random weights with non-zero biases, so every path is checked
      const weights = textCnnWeightsFromList(
        c,
        textCnnShapes(c).map((s, i) =>
          randomArray(
            s.reduce((a, b) => a * b, 1),
            40 + i,
          ).map((v) => v * 0.8),
        ),
      );
      model.setWeights(weights);
      const ids = randomIds(c, 6, 7);
      const p = await model.predict(ids);
      for (let n = 0; n < 6; n++) {
        const ref = textCnnForward(c, weights, ids.subarray(n * c.length, (n + 1) * c.length));
        expect(maxRelativeError(p.subarray(2 * n, 2 * n + 2), ref.probabilities), name(c)).toBeLessThan(1e-5);
      }
      expect((await model.getWeights()).embedding).toEqual(weights.embedding);
    } finally {
      model.dispose();
    }
  });
});

describe('TextCnnModel training', () => {
  const c = GRID[1] as TextCnnConfig;
  test('seeded: the same seed gives the same weights, another seed different ones', async () => {
    const [a, b, d] = [1, 1, 2].map((seed) => new TextCnnModel(c, { seed }));
    try {
      const [wa, wb, wd] = await Promise.all([a!, b!, d!].map((m) => m.getWeights()));
      expect(wa!.embedding).toEqual(wb!.embedding);
      expect(wa!.convs[0]!.kernel).toEqual(wb!.convs[0]!.kernel);
      expect(wa!.embedding).not.toEqual(wd!.embedding);
    } finally {
      [a, b, d].forEach((m) => m!.dispose());
    }
  });

  test('the tensor ledger: predict and trainStep leave tf.memory().numTensors where it was', async () => {
    const model = new TextCnnModel(c, { seed: 1 });
    try {
      const ids = randomIds(c, 4, 9);
      const labels = [0, 1, 1, 0];
      await model.trainStep(ids, labels); // makes Adam's slots
      const before = tf.memory().numTensors;
      await model.predict(ids);
      const first = await model.trainStep(ids, labels);
      for (let i = 0; i < 20; i++) await model.trainStep(ids, labels);
      const last = await model.trainStep(ids, labels);
      expect(tf.memory().numTensors).toBe(before);
      expect(last).toBeLessThan(first);
    } finally {
      model.dispose();
    }
  });
});

describe('the wasm UnsortedSegmentSum kernel', () => {
  async function embeddingGradient(backend: 'cpu' | 'wasm'): Promise<Float32Array> {
    await tf.setBackend(backend);
    const g = tf.tidy(() => {
      const table = tf.tensor2d(randomArray(9 * 4, 1), [9, 4]);
      const ids = tf.tensor1d([3, 0, 3, 8, 5, 5, 5, 1], 'int32');
      const f = (t: tf.Tensor) =>
        tf.sum(tf.mul(tf.gather(t, ids), tf.tensor2d(randomArray(8 * 4, 2), [8, 4])));
      return tf.grad(f)(table);
    });
    const data = (await g.data()) as Float32Array;
    g.dispose();
    return data;
  }
  test("the embedding gradient (gather's) equals the CPU backend's, ids with repeats, vocab 9 × 4", async () => {
    const cpu = await embeddingGradient('cpu');
    const wasm = await embeddingGradient('wasm');
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-6);
    expect([...cpu.subarray(2 * 4, 3 * 4)]).toEqual([0, 0, 0, 0]); // id 2 is never read
  });
  test('a training step on wasm matches one on cpu', async () => {
    const ids = randomIds(GRID[1]!, 8, 11);
    const labels = [0, 1, 1, 0, 1, 0, 0, 1];
    const run = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const m = new TextCnnModel(GRID[1]!, { seed: 5 });
      try {
        await m.trainStep(ids, labels);
        return (await m.getWeights()).embedding;
      } finally {
        m.dispose();
      }
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-4);
  });
});
