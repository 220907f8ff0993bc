import { describe, expect, test } from 'vitest';
import { conv1d, conv1dTerms, maxOverTime, sequence, type Filter1 } from '~/compute';

/** A one-channel sequence from numbers. */
const seq1 = (values: number[]) => sequence(values.length, 1, values);
/** One filter over one channel: its taps in order. */
const taps = (values: number[]): Filter1 => ({
  data: Float32Array.from(values),
  width: values.length,
  inChannels: 1,
  outChannels: 1,
});
const x = seq1([1, 2, 3, 4, 5]);
const close = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));
};

describe('conv1d, worked by hand on x = [1, 2, 3, 4, 5]', () => {
  test('w=[1,-1] valid: x[t] - x[t+1] = [-1,-1,-1,-1]; with bias 10 each is 9', () => {
    close(conv1d(x, taps([1, -1])).data, [-1, -1, -1, -1]);
    close(conv1d(x, taps([1, -1]), { bias: [10] }).data, [9, 9, 9, 9]);
  });
  test('w=[1,-1] stride 2 valid: windows start at 0 and 2 (a third would need x[5]) → [-1,-1]', () => {
    close(conv1d(x, taps([1, -1]), { stride: 2 }).data, [-1, -1]);
  });
  test('w=[1,1,1] same: one zero each side → [0+1+2, 1+2+3, 2+3+4, 3+4+5, 4+5+0] = [3,6,9,12,9]', () => {
    close(conv1d(x, taps([1, 1, 1]), { padding: 'same' }).data, [3, 6, 9, 12, 9]);
  });
  test('w=[1,10] same: the one zero goes after (TensorFlow) → x[t] + 10 x[t+1] = [21,32,43,54,5]', () => {
    close(conv1d(x, taps([1, 10]), { padding: 'same' }).data, [21, 32, 43, 54, 5]);
  });
  test('w=[1,1] dilation 2 valid: x[t] + x[t+2] = [4,6,8]; with stride 2 too: [4,8]', () => {
    close(conv1d(x, taps([1, 1]), { dilation: 2 }).data, [4, 6, 8]);
    close(conv1d(x, taps([1, 1]), { dilation: 2, stride: 2 }).data, [4, 8]);
  });
  test('padding 1 (a number): w=[1,1,1,1] over 0,1,2,3,4,5,0 → [6,10,14,12]', () => {
    // windows: 0+1+2+3, 1+2+3+4, 2+3+4+5, 3+4+5+0
    close(conv1d(x, taps([1, 1, 1, 1]), { padding: 1 }).data, [6, 10, 14, 12]);
  });
  test('a filter wider than the text (valid) gives no output at all', () => {
    expect(conv1d(seq1([1, 2]), taps([1, 1, 1])).length).toBe(0);
  });
  test('two channels, two filters: "channel 0 then channel 1" and "sum of the window"', () => {
    // rows: [1,0], [0,1], [1,1]. Filter 0: tap 0 reads channel 0, tap 1 reads channel 1.
    // Filter 1: every weight 1. t=0: f0 = 1 + 1 = 2, f1 = 1+0+0+1 = 2; t=1: f0 = 0 + 1 = 1, f1 = 0+1+1+1 = 3.
    const input = sequence(3, 2, [1, 0, 0, 1, 1, 1]);
    // layout [k][c][o]: k0c0 [1,1], k0c1 [0,1], k1c0 [0,1], k1c1 [1,1]
    const bank: Filter1 = {
      data: Float32Array.from([1, 1, 0, 1, 0, 1, 1, 1]),
      width: 2,
      inChannels: 2,
      outChannels: 2,
    };
    const out = conv1d(input, bank);
    expect([out.length, out.channels]).toEqual([2, 2]);
    close(out.data, [2, 2, 1, 3]);
  });
  test('errors name the op and the values', () => {
    const bank: Filter1 = { data: new Float32Array(4), width: 2, inChannels: 2, outChannels: 1 };
    expect(() => conv1d(x, bank)).toThrow('conv1d: filter depth 2 does not match input channels 1');
    expect(() => conv1d(x, taps([1, 1]), { stride: 0 })).toThrow(
      'conv1d: stride must be a whole number of at least 1, got 0',
    );
    expect(() => conv1d(x, taps([1, Number.NaN]))).toThrow('conv1d: filter value 1 is NaN');
    expect(() => conv1d(x, taps([1, 1]), { bias: [1, 2] })).toThrow('conv1d: 2 biases given for 1 filters');
  });
});

describe('conv1dTerms: the stepper products of one window', () => {
  test('w=[1,10] same at t=4: tap 0 reads x[4]=5 (product 5), tap 1 falls in the padding (0)', () => {
    const terms = conv1dTerms(x, taps([1, 10]), 4, 0, { padding: 'same' });
    expect(terms.map((t) => t.position)).toEqual([4, null]);
    close(
      terms.map((t) => t.product),
      [5, 0],
    );
  });
});

describe('maxOverTime: one number per channel and where it came from', () => {
  test('[[3,1],[5,5],[5,2]]: channel 0 ties at 1 and 2 → the first, 1; channel 1 → 5 at 1', () => {
    const m = maxOverTime(sequence(3, 2, [3, 1, 5, 5, 5, 2]));
    expect([...m.values]).toEqual([5, 5]);
    expect([...m.positions]).toEqual([1, 1]);
  });
  test('all negative [-3,-1,-2] → -1 at 1; empty → a sentence', () => {
    const m = maxOverTime(seq1([-3, -1, -2]));
    expect([m.values[0], m.positions[0]]).toEqual([-1, 1]);
    expect(() => maxOverTime(seq1([]))).toThrow('maxOverTime: the sequence is empty');
  });
});
