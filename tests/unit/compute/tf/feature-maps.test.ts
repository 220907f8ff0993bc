import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureMaps, type LayerSpec, type PoolMode } from '~/compute';
import { FeatureMapEngine } from '~/compute/tf';
import { maxRelativeError, randomArray } from '../random';

const TOLERANCE = 1e-4;
const engine = new FeatureMapEngine();

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => engine.dispose());

function spec(
  seed: number,
  size: number,
  count: number,
  relu: boolean,
  mode: PoolMode,
  pool: number,
  stride: number,
): LayerSpec {
  const values = randomArray(size * size * count + count, seed);
  return {
    size,
    filters: Array.from({ length: count }, (_, f) => ({
      values: [...values.subarray(f * size * size, (f + 1) * size * size)],
      bias: values[size * size * count + f] ?? 0,
    })),
    relu,
    pool: { mode, size: pool, stride },
  };
}

const grid = [7, 12, 33].flatMap((n) =>
  [1, 3].flatMap((c) =>
    [3, 5].flatMap((k) =>
      [1, 4, 8].flatMap((f) =>
        (['max', 'avg'] as const).flatMap((mode) =>
          [2, 3].flatMap((pool) =>
            [1, 2, 3].map((stride) => ({ n, c, k, f, mode, pool, stride, relu: (n + f + stride) % 2 === 0 })),
          ),
        ),
      ),
    ),
  ),
);

describe('FeatureMapEngine (tfjs cpu) = reference featureMaps on a grid', () => {
  test.each(grid)(
    '$n×$n×$c, $f filters $k×$k, relu $relu, $mode pool $pool stride $stride',
    async ({ n, c, k, f, mode, pool, stride, relu }) => {
      const seed = n * 7919 + c * 101 + k * 31 + f * 7 + pool * 3 + stride;
      const layer = spec(seed, k, f, relu, mode, pool, stride);
      const input = {
        data: randomArray(n * n * c, seed + 1),
        shape: [1, n, n, c] as const,
      };
      const expected = featureMaps(input, layer);
      const before = tf.memory().numTensors;
      engine.setInput(input.data, n, n, c);
      const got = await engine.run(layer);
      // The engine keeps the picture, the weights and the biases: three tensors, no more.
      expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 3);
      for (const stage of ['conv', 'relu', 'pool'] as const) {
        expect(got[stage].shape).toEqual(expected[stage].shape);
        expect(maxRelativeError(got[stage].data, expected[stage].data)).toBeLessThanOrEqual(TOLERANCE);
      }
    },
  );
});

describe('the SIMD path (WASM SIMD in Node, no backend needed) = reference', () => {
  const simd = new FeatureMapEngine({ path: 'wasm-simd' });
  afterAll(() => simd.dispose());
  test.each(grid.filter((g) => g.c === 1))(
    '$n×$n×1, $f filters $k×$k, relu $relu, $mode pool $pool stride $stride',
    async ({ n, k, f, mode, pool, stride, relu }) => {
      const seed = n * 7919 + k * 31 + f * 7 + pool * 3 + stride;
      const layer = spec(seed, k, f, relu, mode, pool, stride);
      const input = { data: randomArray(n * n, seed + 1), shape: [1, n, n, 1] as const };
      const expected = featureMaps(input, layer);
      const before = tf.memory().numTensors;
      simd.setInput(input.data, n, n, 1);
      const got = await simd.run(layer);
      expect(simd.path).toBe('wasm-simd');
      expect(tf.memory().numTensors).toBe(before);
      for (const stage of ['conv', 'relu', 'pool'] as const) {
        expect(got[stage].shape).toEqual(expected[stage].shape);
        expect(maxRelativeError(got[stage].data, expected[stage].data)).toBeLessThanOrEqual(TOLERANCE);
      }
    },
  );
});

describe('the SIMD path recomputes only what changed, and every run still equals the reference', () => {
  test('one weight, one bias, ReLU off, another pool, a reorder, a new picture: run after run', async () => {
    const simd = new FeatureMapEngine({ path: 'wasm-simd' });
    const n = 20;
    let layer = spec(11, 3, 4, true, 'max', 2, 2);
    let picture = randomArray(n * n, 12);
    simd.setInput(picture, n, n, 1);
    const check = async (what: string) => {
      const expected = featureMaps({ data: picture, shape: [1, n, n, 1] }, layer);
      const got = await simd.run(layer);
      for (const stage of ['conv', 'relu', 'pool'] as const) {
        expect(got[stage].shape, `${what}: ${stage} shape`).toEqual(expected[stage].shape);
        expect(
          maxRelativeError(got[stage].data, expected[stage].data),
          `${what}: ${stage}`,
        ).toBeLessThanOrEqual(TOLERANCE);
      }
    };
    const edit = (
      f: number,
      change: (filter: LayerSpec['filters'][number]) => LayerSpec['filters'][number],
    ) => {
      layer = { ...layer, filters: layer.filters.map((filter, i) => (i === f ? change(filter) : filter)) };
    };
    await check('first run');
    edit(2, (filter) => ({ ...filter, values: filter.values.map((v, t) => (t === 4 ? v + 3 : v)) }));
    await check('filter 3, one weight edited');
    edit(0, (filter) => ({ ...filter, bias: filter.bias - 2 }));
    await check('filter 1, bias edited');
    layer = { ...layer, relu: false };
    await check('ReLU off');
    layer = { ...layer, pool: { mode: 'avg', size: 3, stride: 1 } };
    await check('average pool 3, stride 1');
    layer = { ...layer, filters: [...layer.filters].reverse() };
    await check('filters reordered');
    picture = randomArray(n * n, 99);
    simd.setInput(picture, n, n, 1);
    await check('a new picture of the same size');
    layer = { ...layer, filters: layer.filters.slice(1) };
    await check('a filter removed');
    simd.dispose();
  });
});

describe('memory', () => {
  test('repeated runs and edits leave the tensor count flat; dispose frees everything', async () => {
    const local = new FeatureMapEngine();
    const start = tf.memory().numTensors;
    local.setInput(randomArray(20 * 20, 5), 20, 20, 1);
    const layer = spec(9, 3, 8, true, 'max', 2, 2);
    await local.run(layer);
    const steady = tf.memory().numTensors;
    expect(steady).toBe(start + 3);
    for (let i = 0; i < 5; i++) {
      const edited = {
        ...layer,
        relu: i % 2 === 0,
        filters: layer.filters.map((fl) => ({ ...fl, bias: i })),
      };
      await local.run(edited);
      expect(tf.memory().numTensors).toBe(steady);
    }
    local.setInput(randomArray(20 * 20 * 3, 6), 20, 20, 3);
    await local.run(layer);
    expect(tf.memory().numTensors).toBe(steady);
    local.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  test('a layer that cannot run throws the reference sentence and leaks nothing', async () => {
    const local = new FeatureMapEngine();
    const start = tf.memory().numTensors;
    local.setInput(randomArray(5 * 5, 1), 5, 5, 1);
    await expect(local.run(spec(1, 5, 2, true, 'max', 2, 2))).rejects.toThrow(
      'A 5×5 picture is too small: a 5×5 kernel leaves 1×1 cells, fewer than the 2×2 pooling window needs.',
    );
    await expect(local.run({ ...spec(1, 3, 2, true, 'max', 2, 2), filters: [] })).rejects.toThrow(
      'A bank holds 1 to 8 filters, not 0.',
    );
    local.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
