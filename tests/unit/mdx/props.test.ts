/**
 * Every demo's props through one schema each (src/mdx/props.ts): the sentence an author reads for
 * each kind of mistake, pinned, and the props the site's own posts use accepted.
 */
import { describe, expect, test } from 'vitest';
import { checkDemoProps, demoPropProblems } from '~/mdx/props';

describe('demo props', () => {
  test('correct props pass, with or without the location prop', () => {
    expect(demoPropProblems('ConvolutionStepper', {})).toEqual([]);
    expect(
      demoPropProblems('ConvolutionStepper', { stride: 2, padding: 'same', __where: 'p.mdx:3' }),
    ).toEqual([]);
    expect(
      demoPropProblems('ConvolutionFigure', {
        input: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        kernel: [[1]],
      }),
    ).toEqual([]);
    expect(
      demoPropProblems('KernelPlayground', { preset: 'sobel-x', mode: 'rgb', caption: 'Edges' }),
    ).toEqual([]);
  });

  test('FeatureMaps: the post’s props pass; an unknown kernel, a pool out of range and a misspelt prop are sentences', () => {
    expect(
      demoPropProblems('FeatureMaps', {
        filters: [{ kernel: 'sobel-x' }, { kernel: 'sobel-y' }],
        relu: true,
        pool: { mode: 'max', size: 2, stride: 2 },
        caption: 'The whole layer',
      }),
    ).toEqual([]);
    expect(demoPropProblems('FeatureMaps', { filters: [{ kernel: 'sobel-z' }] })).toHaveLength(1);
    expect(demoPropProblems('FeatureMaps', { filters: [{ kernel: 'sobel-z' }] })[0]).toMatch(/sobel-z/);
    expect(demoPropProblems('FeatureMaps', { pool: { mode: 'max', size: 9, stride: 2 } })[0]).toMatch(
      /^pool: The pooling window is 2 or 3/,
    );
    expect(demoPropProblems('FeatureMaps', { relus: true })).toMatchInlineSnapshot(`
      [
        "there is no prop "relus"; FeatureMaps takes filters, relu, pool, sample, caption.",
      ]
    `);
  });

  test('a stride out of range, a misspelt prop, a wrong padding: one sentence each', () => {
    expect(demoPropProblems('ConvolutionStepper', { stride: 7 })).toMatchInlineSnapshot(`
      [
        "stride must be a whole number from 1 to 3, got 7.",
      ]
    `);
    expect(demoPropProblems('ConvolutionStepper', { strides: 2, padding: 'full' })).toMatchInlineSnapshot(`
      [
        "padding must be 'valid', 'same' or a whole number of cells, got "full".",
        "there is no prop "strides"; ConvolutionStepper takes input, kernel, stride, padding, dilation, caption, credit.",
      ]
    `);
  });

  test('the stepper’s own limits (grid sizes, an output that does not fit) keep their wording', () => {
    expect(
      demoPropProblems('ConvolutionStepper', {
        input: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "input must be a square grid of 3 to 9 rows, such as [[1, 0], [0, 1]].",
      ]
    `);
  });

  test('the playground names its presets and samples', () => {
    expect(demoPropProblems('KernelPlayground', { preset: 'blurry', mode: 'colour' })).toMatchInlineSnapshot(`
      [
        "there is no preset "blurry"; use one of identity, box-blur-3, box-blur-5, gaussian-3, gaussian-5, sharpen, outline, sobel-x, sobel-y, emboss, seed-x.",
        "mode must be "gray" or "rgb", got "colour".",
      ]
    `);
  });

  test('the wrapper’s check throws with the post’s file and line, and returns the props without it', () => {
    expect(() =>
      checkDemoProps('ConvolutionStepper', { stride: 7, __where: 'content/posts/x/index.mdx:12' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/x/index.mdx:12: <ConvolutionStepper>: stride must be a whole number from 1 to 3, got 7.]`,
    );
    expect(checkDemoProps('KernelPlayground', { preset: 'sharpen', __where: 'x.mdx:1' })).toEqual({
      preset: 'sharpen',
    });
  });
});
