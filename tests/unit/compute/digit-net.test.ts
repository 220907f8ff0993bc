import { describe, expect, test } from 'vitest';
import {
  argmaxRows,
  biasAdd,
  crossEntropy,
  dense,
  DIGIT_WEIGHT_COUNT,
  digitNetForward,
  digitNetLoss,
  digitNetLoss64,
  flatten,
  fromRows,
  softmax,
  tensor4,
  toRows,
  weightList,
  weightsFromList,
  zeroDigitWeights,
  type Tensor2,
} from '~/compute';
import { randomArray } from './random';

const rows = (t: Tensor2) =>
  Array.from({ length: t.shape[0] }, (_, n) => [...t.data.subarray(n * t.shape[1], (n + 1) * t.shape[1])]);

const close = (got: number[][], want: number[][], digits = 6) => {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]?.[j] as number, digits)));
};

describe('biasAdd', () => {
  test('x=[1,2,2,2] bias=[10,-1]: channel 0 gains 10, channel 1 loses 1', () => {
    const x = tensor4([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const out = biasAdd(x, [10, -1]);
    expect(out.shape).toEqual([1, 2, 2, 2]);
    expect([...out.data]).toEqual([11, 1, 13, 3, 15, 5, 17, 7]);
  });
  test('a bias of the wrong length is refused with a sentence', () => {
    expect(() => biasAdd(tensor4([1, 2, 2, 2]), [1, 2, 3])).toThrow(
      'biasAdd: bias has 3 values, the input has 2 channels',
    );
  });
});

describe('flatten', () => {
  test('x=[1,2,2,2] keeps NHWC order: (y·w + x)·c + channel', () => {
    const x = tensor4([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const f = flatten(x);
    expect(f.shape).toEqual([1, 8]);
    expect([...f.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('dense', () => {
  // x = [1, 2], kernel [2, 3] = [[1, 0, 2], [0, 1, -1]], bias = [0.5, 0, 0]
  // out = [1·1 + 2·0 + 0.5, 1·0 + 2·1, 1·2 + 2·(−1)] = [1.5, 2, 0]
  test('x=[1,2] kernel=[2,3] by hand: [1.5, 2, 0]; a second row [0, 1] gives [0.5, 1, -1]', () => {
    const kernel = { data: Float32Array.from([1, 0, 2, 0, 1, -1]), shape: [2, 3] as const };
    const out = dense({ data: Float32Array.from([1, 2, 0, 1]), shape: [2, 2] }, kernel, [0.5, 0, 0]);
    expect(out.shape).toEqual([2, 3]);
    close(rows(out), [
      [1.5, 2, 0],
      [0.5, 1, -1],
    ]);
  });
  test('mismatched sizes are refused with a sentence', () => {
    const kernel = { data: new Float32Array(6), shape: [2, 3] as const };
    expect(() => dense({ data: new Float32Array(3), shape: [1, 3] }, kernel, [0, 0, 0])).toThrow(
      'dense: kernel has 2 inputs, x has 3 values per row',
    );
    expect(() => dense({ data: new Float32Array(2), shape: [1, 2] }, kernel, [0])).toThrow(
      'dense: bias has 1 values, the kernel 3 outputs',
    );
  });
});

describe('softmax', () => {
  test('logits [0, ln 2, ln 3] give [1/6, 2/6, 3/6]', () => {
    const p = softmax({ data: Float32Array.from([0, Math.log(2), Math.log(3)]), shape: [1, 3] });
    close(rows(p), [[1 / 6, 2 / 6, 3 / 6]]);
  });
  test('is stable: [1000, 1000 + ln 3] gives [1/4, 3/4], not NaN; [-1000, 0] gives [0, 1]', () => {
    const p = softmax({ data: Float32Array.from([1000, 1000 + Math.log(3), -1000, 0]), shape: [2, 2] });
    close(
      rows(p),
      [
        [0.25, 0.75],
        [0, 1],
      ],
      // 1000 + ln 3 as a float32 is off by up to 3e-5 (its spacing near 1000 is 6e-5).
      4,
    );
  });
  test('adding the same number to a row changes nothing', () => {
    const a = softmax({ data: Float32Array.from([1, 2, 3]), shape: [1, 3] });
    const b = softmax({ data: Float32Array.from([6, 7, 8]), shape: [1, 3] });
    close(rows(a), rows(b));
  });
});

describe('crossEntropy', () => {
  test('rows [0.25, 0.75] label 1 and [0.5, 0.5] label 0: (−ln 0.75 − ln 0.5) / 2 ≈ 0.49041', () => {
    const p = { data: Float32Array.from([0.25, 0.75, 0.5, 0.5]), shape: [2, 2] as const };
    expect(crossEntropy(p, [1, 0])).toBeCloseTo(0.490415, 5);
  });
  test('a certain right answer costs 0 (clipped: 1e-7), a certain wrong one −ln 1e-7 ≈ 16.118, not Infinity', () => {
    const p = { data: Float32Array.from([1, 0]), shape: [1, 2] as const };
    expect(crossEntropy(p, [0])).toBeCloseTo(0, 6);
    expect(crossEntropy(p, [1])).toBeCloseTo(16.1181, 3);
  });
  test('a label outside the classes is refused', () => {
    const p = { data: Float32Array.from([0.5, 0.5]), shape: [1, 2] as const };
    expect(() => crossEntropy(p, [2])).toThrow('crossEntropy: label 0 is 2, not a class 0-1');
  });
});

describe('weights as plain arrays', () => {
  test('5,258 weights in six arrays, in model.getWeights() order; a wrong length is refused', () => {
    expect(DIGIT_WEIGHT_COUNT).toBe(3 * 3 * 8 + 8 + 3 * 3 * 8 * 16 + 16 + 400 * 10 + 10);
    const w = zeroDigitWeights();
    expect(weightList(w).map((a) => a.length)).toEqual([72, 8, 1152, 16, 4000, 10]);
    expect(() => weightsFromList([new Float32Array(72), new Float32Array(7)])).toThrow(
      'digit network: expected 6 weight arrays, got 2',
    );
    const list = weightList(w);
    list[1] = new Float32Array(7);
    expect(() => weightsFromList(list)).toThrow('digit network: weight 1 has shape [8], 8 values, got 7');
  });
});

/**
 * A hand-made network on a hand-made picture: one ink pixel at row 5, column 5.
 * conv1 filter 0 is the identity (centre tap 1), filter 1 is zero with bias −1 (ReLU must zero it).
 * 'valid' shifts by one: the pixel is at (4, 4) of conv1, (2, 2) after pooling, (1, 1) of conv2
 * (filter 0 copies channel 0), (0, 0) after the second pool, so flat index (0·5 + 0)·16 + 0 = 0.
 * The dense layer sends flat value 0 to class 7 with weight ln 9: logits 0 except ln 9 for 7,
 * so p(7) = 9 / (9 + 9) = 1/2 and each other class 1/18.
 */
describe('digitNetForward, a hand-worked picture', () => {
  const picture = Array.from({ length: 28 }, (_, y) =>
    Array.from({ length: 28 }, (_, x) => (y === 5 && x === 5 ? 1 : 0)),
  );
  const list = weightList(zeroDigitWeights());
  (list[0] as Float32Array)[(1 * 3 + 1) * 8 + 0] = 1; // conv1 kernel [1, 1, 0, 0]
  (list[1] as Float32Array)[1] = -1; // conv1 bias of filter 1
  (list[2] as Float32Array)[((1 * 3 + 1) * 8 + 0) * 16 + 0] = 1; // conv2 kernel [1, 1, 0, 0]
  (list[4] as Float32Array)[0 * 10 + 7] = Math.log(9); // dense kernel [0, 7]
  const weights = weightsFromList(list);
  const s = digitNetForward(weights, fromRows(picture));

  test("every stage has the 'valid' shape: 26, 13, 11, 5, 400, 10", () => {
    expect(s.conv1.shape).toEqual([1, 26, 26, 8]);
    expect(s.pool1.shape).toEqual([1, 13, 13, 8]);
    expect(s.conv2.shape).toEqual([1, 11, 11, 16]);
    expect(s.pool2.shape).toEqual([1, 5, 5, 16]);
    expect(s.flat.shape).toEqual([1, 400]);
    expect(s.probabilities.shape).toEqual([1, 10]);
  });

  test('the pixel moves to (4,4), (2,2), (1,1), (0,0); the −1 bias is cut by ReLU', () => {
    const at = (t: typeof s.conv1, y: number, x: number, c: number) => toRows(t, 0, c)[y]?.[x];
    expect(at(s.conv1, 4, 4, 0)).toBe(1);
    expect(
      toRows(s.conv1, 0, 0)
        .flat()
        .reduce((a, b) => a + b, 0),
    ).toBe(1);
    expect(new Set(toRows(s.conv1, 0, 1).flat())).toEqual(new Set([-1]));
    expect(new Set(toRows(s.relu1, 0, 1).flat())).toEqual(new Set([0]));
    expect(at(s.pool1, 2, 2, 0)).toBe(1);
    expect(at(s.conv2, 1, 1, 0)).toBe(1);
    expect(at(s.pool2, 0, 0, 0)).toBe(1);
    expect(s.flat.data[0]).toBe(1);
    expect([...s.flat.data].reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('logits 0 except ln 9 for class 7: p(7) = 1/2, every other class 1/18; the answer is 7', () => {
    close(rows(s.logits), [[0, 0, 0, 0, 0, 0, 0, Math.log(9), 0, 0]]);
    close(rows(s.probabilities), [[1, 1, 1, 1, 1, 1, 1, 9, 1, 1].map((v) => v / 18)]);
    expect(argmaxRows(s.probabilities)).toEqual([7]);
    expect(digitNetLoss(weights, fromRows(picture), [7])).toBeCloseTo(Math.log(2), 6);
  });

  test('a picture of the wrong size is refused', () => {
    expect(() => digitNetForward(weights, tensor4([1, 27, 27, 1]))).toThrow(
      'digitNetForward: input must be [n, 28, 28, 1], got [1, 27, 27, 1]',
    );
  });
});

describe('digitNetLoss64 (double precision, for gradient checks)', () => {
  test('agrees with the float32 reference loss within 1e-5 on random weights and pictures', () => {
    const list = weightList(zeroDigitWeights()).map((a, i) =>
      randomArray(a.length, 40 + i).map((v) => v * 0.3),
    );
    const weights = weightsFromList(list);
    const images = randomArray(3 * 784, 50).map((v) => (v + 1) / 2);
    const labels = [3, 0, 9];
    const want = digitNetLoss(weights, tensor4([3, 28, 28, 1], images), labels);
    expect(Math.abs(digitNetLoss64(weights, images, labels) - want)).toBeLessThanOrEqual(1e-5);
    expect(want).toBeGreaterThan(0.1);
  });
});
