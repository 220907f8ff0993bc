import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import * as reference from '~/compute';
import type { Padding, Tensor4 } from '~/compute';
import * as engine from '~/compute/tf';
import { maxRelativeError, randomArray } from '../random';

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs both sides; they must agree on the values, or throw the same sentence. */
async function agree(run: (ops: typeof engine | typeof reference) => Tensor4 | Promise<Tensor4>) {
  let expected: Tensor4 | Error;
  try {
    expected = await run(reference);
  } catch (error) {
    expected = error as Error;
  }
  if (expected instanceof Error) {
    await expect(async () => run(engine)).rejects.toThrow(expected.message);
    return;
  }
  const got = await run(engine);
  expect(got.shape).toEqual(expected.shape);
  expect(maxRelativeError(got.data, expected.data)).toBeLessThanOrEqual(TOLERANCE);
}

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 32];
const KERNELS = [1, 2, 3, 5];
const STRIDES = [1, 2, 3];
const PADDINGS: Padding[] = ['valid', 'same', 1, 2];
const DILATIONS = [1, 2];
const CHANNELS = [1, 3];

const grid = SIZES.flatMap((n) =>
  KERNELS.flatMap((k) =>
    STRIDES.flatMap((s) =>
      PADDINGS.flatMap((p) => DILATIONS.flatMap((d) => CHANNELS.map((c) => ({ n, k, s, p, d, c })))),
    ),
  ),
);

describe('engine (tfjs cpu) = reference on the grid', () => {
  test.each(grid)('conv2d x=[1,$n,$n,$c] k=$k s=$s p=$p d=$d out=2', async ({ n, k, s, p, d, c }) => {
    const seed = n * 1000 + k * 100 + s * 10 + d + c;
    const input = { data: randomArray(n * n * c, seed), shape: [1, n, n, c] as const };
    const filter = { data: randomArray(k * k * c * 2, seed + 1), shape: [k, k, c, 2] as const };
    await agree((ops) => ops.conv2d(input, filter, { stride: s, padding: p, dilation: d }));
  });

  test.each(grid.filter((g) => g.c === 3))(
    'depthwiseConv2d x=[1,$n,$n,3] k=$k s=$s p=$p d=$d',
    async ({ n, k, s, p, d }) => {
      const input = { data: randomArray(n * n * 3, n + k), shape: [1, n, n, 3] as const };
      const filter = { data: randomArray(k * k * 3, s + d), shape: [k, k, 3, 1] as const };
      await agree((ops) => ops.depthwiseConv2d(input, filter, { stride: s, padding: p, dilation: d }));
    },
  );

  const pools = SIZES.flatMap((n) =>
    [2, 3].flatMap((size) => ['valid', 'same'].map((p) => ({ n, size, p: p as Padding }))),
  );
  test.each(pools)('maxPool and avgPool x=[1,$n,$n,3] size=$size p=$p', async ({ n, size, p }) => {
    const input = { data: randomArray(n * n * 3, n), shape: [1, n, n, 3] as const };
    await agree((ops) => ops.maxPool(input, { size, padding: p }));
    await agree((ops) => ops.avgPool(input, { size, padding: p }));
  });

  test('relu x=[1,9,9,3]', async () => {
    const input = { data: randomArray(243, 7), shape: [1, 9, 9, 3] as const };
    await agree((ops) => ops.relu(input));
  });
});

describe('engine errors read like the reference', () => {
  const input = { data: new Float32Array(9), shape: [1, 3, 3, 1] as const };
  test.each([
    ['kernel larger than the padded input', { data: new Float32Array(16), shape: [4, 4, 1, 1] as const }, {}],
    ['stride 0', { data: new Float32Array(4), shape: [2, 2, 1, 1] as const }, { stride: 0 }],
    ['dilation 0', { data: new Float32Array(4), shape: [2, 2, 1, 1] as const }, { dilation: 0 }],
    ['NaN weight', { data: Float32Array.from([Number.NaN]), shape: [1, 1, 1, 1] as const }, {}],
    ['channel mismatch', { data: new Float32Array(3), shape: [1, 1, 3, 1] as const }, {}],
  ])('%s', async (_name, filter, options) => {
    await agree((ops) => ops.conv2d(input, filter, options));
  });
});

describe('tensor ownership', () => {
  test('no tensor outlives 200 calls of every op, failing calls included', async () => {
    const before = engine.tensorCount();
    const input = { data: randomArray(5 * 5 * 3, 1), shape: [1, 5, 5, 3] as const };
    const filter = { data: randomArray(27 * 2, 2), shape: [3, 3, 3, 2] as const };
    const dw = { data: randomArray(27, 3), shape: [3, 3, 3, 1] as const };
    for (let i = 0; i < 200; i++) {
      await engine.conv2d(input, filter, { stride: 2, dilation: 2, padding: 'same' });
      await engine.depthwiseConv2d(input, dw, { padding: 1 });
      await engine.maxPool(input, { size: 2 });
      await engine.relu(input);
      await expect(engine.conv2d(input, filter, { dilation: 9 })).rejects.toThrow(/larger than/);
    }
    expect(engine.tensorCount()).toBe(before);
  });
});

describe('ImageFilter (the playground path)', () => {
  const w = 7;
  const h = 5;
  const rgba = Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i * 37) % 256);
  const kernel = reference.kernelById('sobel-x');

  test.each(['rgb', 'gray'] as const)(
    '%s image, Sobel x: equals the reference depthwise conv',
    async (mode) => {
      const filter = new engine.ImageFilter();
      filter.setImage(rgba, w, h, mode);
      const channels = mode === 'rgb' ? 3 : 1;
      const got = await filter.apply(kernel.values, 3);
      const expected = reference.depthwiseConv2d(
        { data: reference.rgbaToChannels(rgba, w, h, mode), shape: [1, h, w, channels] },
        { data: reference.tileKernel(kernel.values, 3, channels), shape: [3, 3, channels, 1] },
        { padding: 'same' },
      );
      expect(got.length).toBe(w * h * channels);
      expect(maxRelativeError(got, expected.data)).toBeLessThanOrEqual(TOLERANCE);
      filter.dispose();
    },
  );

  test('keeps two tensors (image and kernel), whatever the number of kernel edits', async () => {
    const before = engine.tensorCount();
    const filter = new engine.ImageFilter();
    filter.setImage(rgba, w, h, 'rgb');
    for (let i = 0; i < 300; i++) await filter.apply([0, 0, 0, 0, i, 0, 0, 0, 0], 3);
    await filter.apply([1], 1);
    filter.setImage(rgba, w, h, 'gray');
    await filter.apply([1], 1);
    expect(engine.tensorCount()).toBe(before + 2);
    filter.dispose();
    expect(engine.tensorCount()).toBe(before);
  });

  test('reuseOutput: one array, overwritten by each apply with its values, resized with the image', async () => {
    const filter = new engine.ImageFilter({ reuseOutput: true });
    filter.setImage(rgba, w, h, 'gray');
    const gray = reference.rgbaToChannels(rgba, w, h, 'gray');
    const first = await filter.apply([0, 0, 0, 0, 1, 0, 0, 0, 0], 3);
    expect(maxRelativeError(first, gray)).toBeLessThanOrEqual(TOLERANCE);
    const second = await filter.apply([0, 0, 0, 0, 2, 0, 0, 0, 0], 3);
    expect(second).toBe(first);
    expect(
      maxRelativeError(
        second,
        gray.map((v) => 2 * v),
      ),
    ).toBeLessThanOrEqual(TOLERANCE);
    filter.setImage(rgba, w, h, 'rgb');
    const rgb = await filter.apply([1], 1);
    expect(rgb.length).toBe(w * h * 3);
    expect(maxRelativeError(rgb, reference.rgbaToChannels(rgba, w, h, 'rgb'))).toBeLessThanOrEqual(TOLERANCE);
    filter.dispose();
  });

  test('without reuseOutput, each apply returns its own array', async () => {
    const filter = new engine.ImageFilter();
    filter.setImage(rgba, w, h, 'gray');
    const first = await filter.apply([1], 1);
    const copy = Float32Array.from(first);
    const second = await filter.apply([3], 1);
    expect(second).not.toBe(first);
    expect(first).toEqual(copy);
    filter.dispose();
  });

  test('on the cpu backend the filter is TensorFlow.js (the WASM SIMD code runs on the wasm backend)', () => {
    const filter = new engine.ImageFilter();
    filter.setImage(rgba, w, h, 'rgb');
    expect(filter.path).toBe('tfjs');
    filter.dispose();
  });

  test('refuses a NaN kernel value, a kernel of the wrong length and an empty image with sentences', async () => {
    const filter = new engine.ImageFilter();
    expect(() => filter.setImage(new Uint8ClampedArray(0), 0, 0, 'rgb')).toThrowErrorMatchingInlineSnapshot(
      `[Error: rgbaToChannels: an image must be at least 1x1 pixels, got 0x0]`,
    );
    filter.setImage(rgba, w, h, 'rgb');
    await expect(filter.apply([Number.NaN], 1)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: ImageFilter.apply: kernel value at index 0 is NaN; values must be finite numbers]`,
    );
    await expect(filter.apply([1, 2, 3, 4], 3)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: ImageFilter.apply: a 3x3 kernel has 9 values, got 4]`,
    );
    filter.dispose();
  });
});
