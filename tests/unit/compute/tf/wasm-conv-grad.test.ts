import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DigitModel } from '~/compute/tf/digit-model';
import { registerWasmConvGradient } from '~/compute/tf/wasm-conv-grad';
import { maxRelativeError, randomArray } from '../random';

beforeAll(() => registerWasmConvGradient());
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The gradient of sum(conv2d(x, w) · r) for w, on one backend. */
async function filterGradient(
  backend: 'cpu' | 'wasm',
  pad: 'valid' | 'same',
  stride: number,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  const g = tf.tidy(() => {
    const x = tf.tensor4d(randomArray(2 * 9 * 9 * 3, 1), [2, 9, 9, 3]);
    const w = tf.tensor4d(randomArray(3 * 3 * 3 * 4, 2), [3, 3, 3, 4]);
    const f = (k: tf.Tensor) => {
      const y = tf.conv2d(x, k as tf.Tensor4D, stride, pad);
      return tf.sum(tf.mul(y, tf.tensor(randomArray(y.size, 3), y.shape)));
    };
    return tf.grad(f)(w);
  });
  const data = (await g.data()) as Float32Array;
  g.dispose();
  return data;
}

describe('the wasm Conv2DBackpropFilter kernel (a 3-D kernel with depth 1)', () => {
  test.each(['valid', 'same'] as const)(
    "equals the CPU backend's filter gradient, x=[2,9,9,3] k=3 out=4 s=1 p=%s",
    async (pad) => {
      const cpu = await filterGradient('cpu', pad, 1);
      const wasm = await filterGradient('wasm', pad, 1);
      expect(tf.getBackend()).toBe('wasm');
      expect(maxRelativeError(wasm, cpu)).toBeLessThanOrEqual(1e-5);
    },
  );

  test('refuses stride 2 with a sentence instead of a wrong gradient', async () => {
    await expect(filterGradient('wasm', 'valid', 2)).rejects.toThrow(
      'Conv2DBackpropFilter on wasm: only stride 1 is supported, got 2×2',
    );
  });

  test("a DigitModel training step on wasm gives the CPU backend's loss and kernel gradient", async () => {
    const images = randomArray(4 * 784, 5).map((v) => (v + 1) / 2);
    const labels = [1, 7, 3, 0];
    const step = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const model = new DigitModel({ seed: 11 });
      const before = tf.memory().numTensors;
      const result = await model.trainStep(images, labels);
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
      return result;
    };
    const cpu = await step('cpu');
    const wasm = await step('wasm');
    expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThanOrEqual(1e-5);
    expect(maxRelativeError(wasm.conv1Gradient, cpu.conv1Gradient)).toBeLessThanOrEqual(1e-4);
  });
});
