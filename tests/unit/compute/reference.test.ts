import { describe, expect, test } from 'vitest';
import {
  avgPool,
  conv2d,
  convolveGrid,
  depthwiseConv2d,
  fromRows,
  maxPool,
  relu,
  SEED_INPUT,
  SEED_KERNEL,
  tensor4,
  toRows,
  windowTerms,
} from '~/compute';

describe('conv2d, hand-computed cases', () => {
  test('the article: 5x5 binary input, X kernel, valid -> [[4,3,4],[2,4,3],[2,3,4]]', () => {
    expect(convolveGrid(SEED_INPUT, SEED_KERNEL)).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
  });

  test('x=[1,3,3,1] k=2 s=1 valid', () => {
    // [[1,2,3],[4,5,6],[7,8,9]] * [[1,0],[0,-1]]: 1-5, 2-6, 4-8, 5-9
    expect(
      convolveGrid(
        [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        [
          [1, 0],
          [0, -1],
        ],
      ),
    ).toEqual([
      [-4, -4],
      [-4, -4],
    ]);
  });

  test('x=[1,3,3,1] k=3 p=1 (zero border): box sums', () => {
    // all-ones 3x3 kernel over [[1,2,3],[4,5,6],[7,8,9]] with one ring of zeros
    expect(
      convolveGrid(
        [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        { padding: 1 },
      ),
    ).toEqual([
      [12, 21, 16],
      [27, 45, 33],
      [24, 39, 28],
    ]);
  });

  test('x=[1,5,5,1] k=3 s=2 valid on the article input', () => {
    // outputs at (0,0), (0,2), (2,0), (2,2) of the stride-1 result
    expect(convolveGrid(SEED_INPUT, SEED_KERNEL, { stride: 2 })).toEqual([
      [4, 4],
      [2, 4],
    ]);
  });

  test('x=[1,5,5,1] k=3 s=2 p=same: pads 1 each side', () => {
    // same padding [1,1]: window centred on input (2r, 2c), so each output is that cell plus its
    // four diagonal neighbours (0 outside). (2,4): x24 + x13 + x33 = 3; (4,0): x40 + x31 = 0.
    expect(convolveGrid(SEED_INPUT, SEED_KERNEL, { stride: 2, padding: 'same' })).toEqual([
      [2, 3, 1],
      [1, 4, 3],
      [0, 2, 1],
    ]);
  });

  test('x=[1,5,5,1] k=2 d=2 valid: taps two cells apart', () => {
    // kernel [[1,0],[0,1]] dilated: out(i,j) = x(i,j) + x(i+2,j+2); e.g. (1,0) = x10 + x32 = 0 + 1
    expect(
      convolveGrid(
        SEED_INPUT,
        [
          [1, 0],
          [0, 1],
        ],
        { dilation: 2 },
      ),
    ).toEqual([
      [2, 2, 2],
      [1, 2, 1],
      [1, 0, 1],
    ]);
  });

  test('two input channels, two filters', () => {
    // x: 1x1 image with channels [2, 3]; w: 1x1 kernel, filter 0 = [1, 1], filter 1 = [10, -1]
    const x = tensor4([1, 1, 1, 2], [2, 3]);
    const out = conv2d(x, { data: Float32Array.from([1, 10, 1, -1]), shape: [1, 1, 2, 2] });
    expect(out.shape).toEqual([1, 1, 1, 2]);
    expect([...out.data]).toEqual([5, 17]);
  });
});

describe('depthwiseConv2d', () => {
  test('each channel uses its own kernel slice', () => {
    // 2x2 image, channel 0 = [[1,2],[3,4]], channel 1 = [[10,20],[30,40]]; 2x2 kernels
    // channel 0 kernel all ones -> 10; channel 1 kernel [[1,0],[0,0]] -> 10
    const x = tensor4([1, 2, 2, 2], [1, 10, 2, 20, 3, 30, 4, 40]);
    const w = { data: Float32Array.from([1, 1, 1, 0, 1, 0, 1, 0]), shape: [2, 2, 2, 1] as const };
    const out = depthwiseConv2d(x, w);
    expect(out.shape).toEqual([1, 1, 1, 2]);
    expect([...out.data]).toEqual([10, 10]);
  });
});

describe('pooling and ReLU', () => {
  const x = fromRows([
    [1, -2, 3, 0],
    [4, 5, -6, 2],
    [0, 1, 7, 8],
    [-1, 2, 3, 4],
  ]);
  test('maxPool 2x2 stride 2', () => {
    expect(toRows(maxPool(x, { size: 2 }))).toEqual([
      [5, 3],
      [2, 8],
    ]);
  });
  test('avgPool 2x2 stride 2', () => {
    expect(toRows(avgPool(x, { size: 2 }))).toEqual([
      [2, -0.25],
      [0.5, 5.5],
    ]);
  });
  test('avgPool 3x3 same at a corner averages only real cells', () => {
    // top-left window covers rows 0-1, cols 0-1: (1 - 2 + 4 + 5) / 4 = 2
    expect(toRows(avgPool(x, { size: 3, stride: 1, padding: 'same' }))[0]?.[0]).toBe(2);
  });
  test('relu', () => {
    expect(toRows(relu(x))[0]).toEqual([1, 0, 3, 0]);
  });
});

describe('windowTerms', () => {
  test('the article, output (0,0): nine products summing to 4', () => {
    const terms = windowTerms(SEED_INPUT, SEED_KERNEL, 0, 0);
    expect(terms.map((t) => t.value)).toEqual([1, 1, 1, 0, 1, 1, 0, 0, 1]);
    expect(terms.map((t) => t.weight)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(terms.reduce((s, t) => s + t.value * t.weight, 0)).toBe(4);
  });
  test('padding cells have no input coordinates', () => {
    const terms = windowTerms(SEED_INPUT, SEED_KERNEL, 0, 0, { padding: 1 });
    expect(terms[0]).toEqual({ row: null, col: null, value: 0, weight: 1 });
    expect(terms[4]).toEqual({ row: 0, col: 0, value: 1, weight: 1 });
  });
});

describe('bad arguments name the op and the values', () => {
  const k3 = { data: new Float32Array(9), shape: [3, 3, 1, 1] as const };
  test('kernel larger than the padded input', () => {
    expect(() => conv2d(fromRows([[1, 2]]), k3)).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: kernel height 3 is larger than the padded input height 1 (1 + 0 + 0 padding)]`,
    );
  });
  test('dilated kernel larger than the input', () => {
    expect(() => convolveGrid(SEED_INPUT, SEED_KERNEL, { dilation: 3 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: kernel height 3 (spanning 7 cells at dilation 3) is larger than the padded input height 5 (5 + 0 + 0 padding)]`,
    );
  });
  test('stride below 1', () => {
    expect(() => convolveGrid(SEED_INPUT, SEED_KERNEL, { stride: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: stride must be a whole number of at least 1, got 0]`,
    );
  });
  test('dilation below 1', () => {
    expect(() => convolveGrid(SEED_INPUT, SEED_KERNEL, { dilation: 0.5 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: dilation must be a whole number of at least 1, got 0.5]`,
    );
  });
  test('NaN and infinite weights', () => {
    expect(() => convolveGrid(SEED_INPUT, [[Number.NaN]])).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: kernel value at index 0 is NaN; values must be finite numbers]`,
    );
    expect(() =>
      convolveGrid(SEED_INPUT, [[1, Number.POSITIVE_INFINITY]]),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: kernel value at index 1 is Infinity; values must be finite numbers]`,
    );
  });
  test('channel counts that do not match', () => {
    const rgb = tensor4([1, 4, 4, 3]);
    expect(() => conv2d(rgb, k3)).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: kernel depth 1 does not match input channels 3]`,
    );
  });
  test('negative padding', () => {
    expect(() => convolveGrid(SEED_INPUT, SEED_KERNEL, { padding: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: conv2d: padding must be 'valid', 'same' or a whole number of at least 0, got -1]`,
    );
  });
});
