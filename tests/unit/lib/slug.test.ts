import { describe, expect, test } from 'vitest';
import { slugify } from '~/lib/slug';

describe('slugify', () => {
  test.each([
    ['Understanding Convolutions', 'understanding-convolutions'],
    ["A Beginner's Guide", 'a-beginners-guide'],
    ['A Beginner’s Guide (curly apostrophe)', 'a-beginners-guide-curly-apostrophe'],
    ['Crème brûlée à la Ångström', 'creme-brulee-a-la-angstrom'],
    ['Tom & Jerry', 'tom-and-jerry'],
    ['R&D', 'r-and-d'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['CNN: 3×3 kernels, stride=2', 'cnn-3-3-kernels-stride-2'],
    ['ﬁne ligature', 'fine-ligature'],
    ['image processing', 'image-processing'],
    ['ConvNets 2017', 'convnets-2017'],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  test.each([[''], ['   '], ['!!!'], ['— … —'], ["'"], ['卷积']])('%j has nothing usable -> ""', (input) => {
    expect(slugify(input)).toBe('');
  });

  test('is idempotent: a slug slugifies to itself', () => {
    for (const text of ["A Beginner's Guide", 'Crème & brûlée', 'x--y']) {
      expect(slugify(slugify(text))).toBe(slugify(text));
    }
  });
});
