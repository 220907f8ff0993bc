import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  digitNetForward,
  digitNetLoss64,
  digitsToFloats,
  gunzip,
  parseDigits,
  weightList,
  weightsFromList,
  type DigitSet,
  type DigitsHeader,
  type DigitWeights,
} from '~/compute';
import { DigitModel } from '~/compute/tf/digit-model';
import { maxRelativeError, randomArray } from '../random';

let digits: DigitSet;
const models: DigitModel[] = [];
const make = (...args: ConstructorParameters<typeof DigitModel>) => {
  const m = new DigitModel(...args);
  models.push(m);
  return m;
};

beforeAll(async () => {
  await tf.setBackend('cpu');
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  digits = parseDigits(await gunzip(new Uint8Array(readFileSync('public/data/digits/digits.u8.gz'))), header);
});

afterAll(() => models.forEach((m) => m.dispose()));

/** n held-out digits from `start`: images as 0-1 values and labels. */
function testBatch(start: number, n: number) {
  return {
    images: digitsToFloats(digits.test.images.subarray(start * 784, (start + n) * 784)),
    labels: digits.test.labels.subarray(start, start + n),
  };
}

/** Seeded weights with non-zero biases, so the bias path is checked too. */
async function weightsWithBiases(model: DigitModel): Promise<DigitWeights> {
  const list = weightList(await model.getWeights());
  list[1] = randomArray(8, 11).map((v) => v * 0.1);
  list[3] = randomArray(16, 12).map((v) => v * 0.1);
  list[5] = randomArray(10, 13).map((v) => v * 0.1);
  return weightsFromList(list);
}

describe('DigitModel is seeded', () => {
  test('seed 7 twice gives the same weights; seed 8 different ones; biases start at 0', async () => {
    const a = weightList(await make({ seed: 7 }).getWeights());
    const b = weightList(await make({ seed: 7 }).getWeights());
    const c = weightList(await make({ seed: 8 }).getWeights());
    a.forEach((w, i) => expect(w).toEqual(b[i]));
    expect(a[0]).not.toEqual(c[0]);
    expect([...(a[1] as Float32Array)]).toEqual(new Array(8).fill(0));
    // Glorot uniform for conv1: |w| ≤ sqrt(6 / (fan in 9 + fan out 72)) ≈ 0.272, and not all tiny.
    const k = [...(a[0] as Float32Array)].map(Math.abs);
    expect(Math.max(...k)).toBeLessThanOrEqual(Math.sqrt(6 / 81));
    expect(Math.max(...k)).toBeGreaterThan(0.1);
  });

  test('the same seed and the same batches replay the same run, loss for loss and weight for weight', async () => {
    const run = async () => {
      const m = make({ seed: 3, learningRate: 0.1 });
      const losses: number[] = [];
      for (let step = 0; step < 3; step++) {
        const { images, labels } = testBatch(step * 4, 4);
        losses.push((await m.trainStep(images, labels)).loss);
      }
      return { losses, weights: weightList(await m.getWeights()) };
    };
    const a = await run();
    const b = await run();
    expect(a.losses).toEqual(b.losses);
    a.weights.forEach((w, i) => expect(w).toEqual(b.weights[i]));
  });
});

describe('DigitModel = the reference forward pass', () => {
  test('100 held-out digits: every stage and the probabilities within 1e-4', async () => {
    const model = make({ seed: 5 });
    const weights = await weightsWithBiases(model);
    model.setWeights(weights);
    const { images } = testBatch(0, 100);
    const input = { data: images, shape: [100, 28, 28, 1] as const };
    const want = digitNetForward(weights, input);
    const got = await model.stages(images);
    for (const stage of ['relu1', 'pool1', 'relu2', 'pool2'] as const) {
      expect(got[stage].shape, stage).toEqual(want[stage].shape);
      expect(maxRelativeError(got[stage].data, want[stage].data), stage).toBeLessThanOrEqual(1e-4);
    }
    expect(maxRelativeError(got.probabilities.data, want.probabilities.data)).toBeLessThanOrEqual(1e-4);
    expect(maxRelativeError(await model.predict(images), want.probabilities.data)).toBeLessThanOrEqual(1e-4);
    // The weights read back are the ones set.
    weightList(await model.getWeights()).forEach((w, i) => expect(w).toEqual(weightList(weights)[i]));
  });
});

describe('DigitModel gradients', () => {
  test('the first-layer kernel gradient equals a finite-difference estimate of the reference loss within 1e-3', async () => {
    const model = make({ seed: 9 });
    const weights = await weightsWithBiases(model);
    model.setWeights(weights);
    const { images, labels } = testBatch(200, 8);
    const got = await model.conv1Gradient(images, labels);
    // Central differences in double precision (float32 rounding would swamp a step this small).
    // The step is tiny because ReLU and max pooling bend the loss: with 8 digits, some unit
    // crosses a bend within 1e-4 of the weights, and a wider step would average two slopes.
    const h = 1e-6;
    // The weights are float32: step to the neighbouring float32 values and divide by their true gap.
    const estimate = Array.from({ length: 72 }, (_, k) => {
      const w = weights.conv1.kernel.data[k] as number;
      const at = (value: number) => {
        const list = weightList(weights).map((a) => a.slice());
        (list[0] as Float32Array)[k] = value;
        return digitNetLoss64(weightsFromList(list), images, labels);
      };
      const up = Math.fround(w + h);
      const down = Math.fround(w - h);
      return (at(up) - at(down)) / (up - down);
    });
    // Relative error per tap, against the larger of the two (a tap whose gradient is near 0
    // is compared with the kernel's largest gradient instead, as an absolute 1e-3 of it).
    const largest = Math.max(...estimate.map(Math.abs));
    const worst = Math.max(
      ...estimate.map(
        (e, k) =>
          Math.abs((got[k] as number) - e) /
          Math.max(Math.abs(e), Math.abs(got[k] as number), largest * 0.01),
      ),
    );
    expect(worst).toBeLessThanOrEqual(1e-3);
  });
});

describe('DigitModel training step', () => {
  test('SGD: after one step the first-layer kernel is w − η·g, with g the gradient the step reports', async () => {
    const model = make({ seed: 4, learningRate: 0.5 });
    const before = (await model.getWeights()).conv1.kernel.data;
    const { images, labels } = testBatch(300, 4);
    const expected = await model.conv1Gradient(images, labels);
    const { loss, conv1Gradient } = await model.trainStep(images, labels);
    expect(loss).toBeGreaterThan(1); // untrained: about ln 10 ≈ 2.3
    expect(maxRelativeError(conv1Gradient, expected)).toBeLessThanOrEqual(1e-6);
    const after = (await model.getWeights()).conv1.kernel.data;
    const update = before.map((w, i) => w - 0.5 * (conv1Gradient[i] as number));
    expect(maxRelativeError(after, update)).toBeLessThanOrEqual(1e-6);
    expect(maxRelativeError(after, before)).toBeGreaterThan(1e-4);
  });

  test('bad input is refused with a sentence: a learning rate of 0 or NaN, a wrong label, a short batch', async () => {
    expect(() => new DigitModel({ learningRate: 0 })).toThrow('the learning rate must be a number above 0');
    expect(() => new DigitModel({ learningRate: Number.NaN })).toThrow('got NaN');
    const model = make({ seed: 1 });
    const { images } = testBatch(0, 2);
    await expect(model.trainStep(images, [1, 10])).rejects.toThrow(
      'trainStep: label 1 is 10, not a digit 0-9',
    );
    await expect(model.trainStep(images, [1])).rejects.toThrow('trainStep: 1 labels for 2 images');
    await expect(model.predict(images.subarray(1))).rejects.toThrow('predict: images must be n × 784 values');
  });
});

describe('DigitModel.configure (the demo changes η or the optimiser between steps)', () => {
  test('a new η applies from the next step: w − 0.2·g; Adam after it frees its slots when switched back', async () => {
    const model = make({ seed: 5, learningRate: 0.5 });
    model.configure({ learningRate: 0.2 });
    expect(model.learningRate).toBe(0.2);
    const before = (await model.getWeights()).conv1.kernel.data;
    const { images, labels } = testBatch(600, 4);
    const { conv1Gradient } = await model.trainStep(images, labels);
    const after = (await model.getWeights()).conv1.kernel.data;
    const update = before.map((w, i) => w - 0.2 * (conv1Gradient[i] as number));
    expect(maxRelativeError(after, update)).toBeLessThanOrEqual(1e-6);
    const held = tf.memory().numTensors;
    model.configure({ optimizer: 'adam', learningRate: 0.003 });
    await model.trainStep(images, labels);
    expect(tf.memory().numTensors).toBeGreaterThan(held);
    model.configure({ optimizer: 'sgd' });
    expect(model.optimizerName).toBe('sgd');
    expect(tf.memory().numTensors).toBe(held);
  });

  test('a bad η (0, NaN, 1e9) throws a sentence and changes nothing', () => {
    const model = make({ seed: 5, learningRate: 0.5 });
    for (const bad of [0, Number.NaN, 1e9]) {
      expect(() => model.configure({ learningRate: bad })).toThrow(
        'the learning rate must be a number above 0',
      );
      expect(model.learningRate).toBe(0.5);
    }
  });
});

describe('DigitModel keeps the tensor ledger flat', () => {
  test('predict, stages, loss, gradient, step, get and set weights: numTensors unchanged after each; dispose frees all', async () => {
    const start = tf.memory().numTensors;
    const model = new DigitModel({ seed: 2 });
    const { images, labels } = testBatch(400, 2);
    const held = tf.memory().numTensors;
    const calls: [string, () => Promise<unknown>][] = [
      ['predict', () => model.predict(images)],
      ['stages', () => model.stages(images)],
      ['loss', () => model.loss(images, labels)],
      ['conv1Gradient', () => model.conv1Gradient(images, labels)],
      ['trainStep', () => model.trainStep(images, labels)],
      ['getWeights', () => model.getWeights()],
      ['setWeights', async () => model.setWeights(await model.getWeights())],
    ];
    for (const [name, call] of calls) {
      await call();
      await call();
      expect(tf.memory().numTensors, name).toBe(held);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  test('Adam keeps its slots from the first step on, and frees them on dispose', async () => {
    const start = tf.memory().numTensors;
    const model = new DigitModel({ seed: 2, optimizer: 'adam' });
    const { images, labels } = testBatch(500, 2);
    await model.trainStep(images, labels);
    const held = tf.memory().numTensors;
    await model.trainStep(images, labels);
    await model.trainStep(images, labels);
    expect(tf.memory().numTensors).toBe(held);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
