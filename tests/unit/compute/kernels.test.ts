import { describe, expect, test } from 'vitest';
import { convolveGrid, KERNELS, kernelById } from '~/compute';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('kernel catalogue', () => {
  test('every kernel is square, its size matches its values, and it has a meaning', () => {
    for (const k of KERNELS) {
      expect(k.values.length, k.id).toBe(k.size * k.size);
      expect(k.meaning.length, k.id).toBeGreaterThan(10);
    }
  });
  test('ids are unique', () => {
    expect(new Set(KERNELS.map((k) => k.id)).size).toBe(KERNELS.length);
  });
  test.each([
    'identity',
    'box-blur-3',
    'box-blur-5',
    'gaussian-3',
    'gaussian-5',
    'sharpen',
    'emboss',
  ] as const)('%s keeps a flat image flat (weights sum to 1)', (id) => {
    expect(sum(kernelById(id).values)).toBeCloseTo(1, 10);
  });
  test.each(['outline', 'sobel-x', 'sobel-y'] as const)(
    '%s is zero on a flat image (weights sum to 0)',
    (id) => {
      expect(sum(kernelById(id).values)).toBe(0);
    },
  );
  test('Sobel x is positive where values increase to the right', () => {
    const ramp = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ];
    const k = kernelById('sobel-x');
    expect(convolveGrid(ramp, [k.values.slice(0, 3), k.values.slice(3, 6), k.values.slice(6, 9)])).toEqual([
      [8],
    ]);
  });
  test('the article kernel is the X from the figure', () => {
    expect(kernelById('seed-x').values).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });
});
