import { describe, expect, test } from 'vitest';
import { effectiveKernelSize, outputSize, paddingSplit } from '~/compute';

describe('outputSize (worked by hand from o = floor((n + pb + pa - d(k-1) - 1) / s) + 1)', () => {
  test.each([
    // n, k, s, padding, d, expected
    [5, 3, 1, 'valid', 1, 3], // the article's example
    [5, 3, 2, 'valid', 1, 2], // floor(2/2)+1
    [7, 3, 3, 'valid', 1, 2], // floor(4/3)+1
    [5, 3, 1, 'same', 1, 5],
    [5, 3, 2, 'same', 1, 3], // ceil(5/2)
    [6, 4, 3, 'same', 1, 2], // ceil(6/3)
    [5, 3, 1, 1, 1, 5], // floor((5+2-3)/1)+1
    [5, 3, 2, 2, 1, 4], // floor((5+4-3)/2)+1
    [7, 3, 1, 'valid', 2, 3], // span 5: 7-5+1
    [4, 3, 1, 'valid', 2, 0], // span 5 > 4: nothing fits
    [2, 3, 1, 'valid', 1, 0],
  ] as const)('n=%i k=%i s=%i p=%s d=%i -> %i', (n, k, s, p, d, expected) => {
    expect(outputSize(n, k, s, p, d)).toBe(expected);
  });
});

describe('paddingSplit', () => {
  test('same, odd total: the smaller half goes before (TensorFlow)', () => {
    // n=6, k=4, s=1: out 6, total = 5*1 + 4 - 6 = 3 -> [1, 2]
    expect(paddingSplit(6, 4, 1, 'same')).toEqual([1, 2]);
  });
  test('same, stride 2: n=5 k=3 -> out 3, total = 2*2 + 3 - 5 = 2 -> [1, 1]', () => {
    expect(paddingSplit(5, 3, 2, 'same')).toEqual([1, 1]);
  });
  test('same, stride 2, even input: n=6 k=3 -> out 3, total = 4 + 3 - 6 = 1 -> [0, 1]', () => {
    expect(paddingSplit(6, 3, 2, 'same')).toEqual([0, 1]);
  });
  test('same with dilation 2: n=5 k=3 -> span 5, total 4 -> [2, 2]', () => {
    expect(paddingSplit(5, 3, 1, 'same', 2)).toEqual([2, 2]);
  });
  test('same never pads negatively: n=7 k=1 s=3 -> [0, 0]', () => {
    expect(paddingSplit(7, 1, 3, 'same')).toEqual([0, 0]);
  });
  test('valid and explicit', () => {
    expect(paddingSplit(5, 3, 1, 'valid')).toEqual([0, 0]);
    expect(paddingSplit(5, 3, 1, 2)).toEqual([2, 2]);
  });
});

test('effectiveKernelSize: d(k-1)+1', () => {
  expect(effectiveKernelSize(3, 1)).toBe(3);
  expect(effectiveKernelSize(3, 2)).toBe(5);
  expect(effectiveKernelSize(5, 3)).toBe(13);
});
