import { describe, expect, test } from 'vitest';
import * as reference from '~/compute';
import { planWindow } from '~/compute/plan';
import { SimdSameFilter, simdSupported } from '~/compute/tf/simd-filter';
import { maxRelativeError, randomArray } from '../random';

const TOLERANCE = 1e-4;

/** The reference's answer for one image and one kernel on every channel, 'same' padding. */
function expected(values: Float32Array, h: number, w: number, c: number, kernel: number[], k: number) {
  return reference.depthwiseConv2d(
    { data: values, shape: [1, h, w, c] },
    { data: reference.tileKernel(kernel, k, c), shape: [k, k, c, 1] },
    { padding: 'same' },
  ).data;
}

const padOf = (h: number, w: number, c: number, k: number) =>
  planWindow('test', [1, h, w, c], k, k, { padding: 'same' }).pad;

test('Node runs WebAssembly SIMD (the kernel below is checked here, not skipped)', () => {
  expect(simdSupported()).toBe(true);
});

// Values in [-1, 1], as the engine's grid (engine.test.ts), so that 1e-4 measures the arithmetic.
// Heights and widths around the 4-float step (a row of 1 to 9 pixels, odd and even widths, and
// rows whose last block runs into the next row), even and odd kernels up to 7, gray and RGB.
const HEIGHTS = [1, 2, 3, 5, 8, 17];
const WIDTHS = [1, 2, 3, 4, 5, 7, 9, 16, 33];
const KERNELS = [1, 2, 3, 4, 5, 7];
const grid = HEIGHTS.flatMap((h) =>
  WIDTHS.flatMap((w) => KERNELS.flatMap((k) => [1, 3].map((c) => ({ h, w, k, c })))),
).filter(({ h, w, k }) => k <= h + k - 1 && k <= w + k - 1);

describe('hand-written WASM SIMD filter = reference depthwise conv, same padding', () => {
  test.each(grid)('x=[1,$h,$w,$c] k=$k', ({ h, w, k, c }) => {
    const seed = h * 1000 + w * 10 + k + c;
    const values = randomArray(h * w * c, seed);
    const kernel = Array.from(randomArray(k * k, seed + 1));
    const filter = new SimdSameFilter();
    filter.setImage(values, h, w, c);
    const got = filter.apply(kernel, k, padOf(h, w, c, k));
    expect(got.length).toBe(h * w * c);
    expect(maxRelativeError(got, expected(values, h, w, c, kernel, k))).toBeLessThanOrEqual(TOLERANCE);
  });

  test('a kernel edit, a size change and a new image each give the reference answer', () => {
    const filter = new SimdSameFilter();
    const first = randomArray(6 * 10 * 3, 1);
    filter.setImage(first, 6, 10, 3);
    for (const [k, seed] of [
      [3, 2],
      [3, 3],
      [5, 4],
      [3, 5],
    ] as const) {
      const kernel = Array.from(randomArray(k * k, seed));
      const got = filter.apply(kernel, k, padOf(6, 10, 3, k));
      expect(maxRelativeError(got, expected(first, 6, 10, 3, kernel, k))).toBeLessThanOrEqual(TOLERANCE);
    }
    const second = randomArray(9 * 4 * 1, 6);
    filter.setImage(second, 9, 4, 1);
    const kernel = Array.from(randomArray(9, 7));
    const got = filter.apply(kernel, 3, padOf(9, 4, 1, 3));
    expect(maxRelativeError(got, expected(second, 9, 4, 1, kernel, 3))).toBeLessThanOrEqual(TOLERANCE);
  });

  test('the returned values are a copy: the next call does not change them', () => {
    const filter = new SimdSameFilter();
    filter.setImage(new Float32Array(4 * 4).fill(10), 4, 4, 1);
    const identity = filter.apply([0, 0, 0, 0, 1, 0, 0, 0, 0], 3, padOf(4, 4, 1, 3));
    filter.apply([0, 0, 0, 0, 2, 0, 0, 0, 0], 3, padOf(4, 4, 1, 3));
    expect([...identity]).toEqual(new Array(16).fill(10));
  });

  test('grows its memory for a large image (512x512x3)', () => {
    const filter = new SimdSameFilter();
    const values = randomArray(512 * 512 * 3, 9);
    filter.setImage(values, 512, 512, 3);
    const kernel = [1, 2, 1, 0, 0, 0, -1, -2, -1];
    const got = filter.apply(kernel, 3, padOf(512, 512, 3, 3));
    expect(maxRelativeError(got, expected(values, 512, 512, 3, kernel, 3))).toBeLessThanOrEqual(TOLERANCE);
  });
});
