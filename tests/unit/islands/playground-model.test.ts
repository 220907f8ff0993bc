import { describe, expect, test } from 'vitest';
import { depthwiseConv2d, kernelById, rgbaToChannels, tileKernel } from '~/compute';
import {
  arrowStep,
  centrePixel,
  distance,
  strongestPixel,
  fitImage,
  matchingPreset,
  pixelAfterKey,
  pixelTerms,
  pixelUnder,
  resizeKernel,
} from '~/islands/kernel-playground/model';

describe('fitImage', () => {
  test('small images keep their size', () => {
    expect(fitImage(40, 30)).toEqual({ ok: true, width: 40, height: 30, scaled: false });
  });
  test('a 12000×12000 image is worked at 512×512', () => {
    expect(fitImage(12000, 12000)).toEqual({ ok: true, width: 512, height: 512, scaled: true });
  });
  test('a wide image keeps its shape: 2000×500 -> 512×128', () => {
    expect(fitImage(2000, 500)).toEqual({ ok: true, width: 512, height: 128, scaled: true });
  });
  test('a 0×0 image is refused with a sentence', () => {
    expect(fitImage(0, 0)).toEqual({
      ok: false,
      message: 'This image is 0×0 pixels: there is nothing to filter. Pick another image.',
    });
  });
});

describe('resizeKernel keeps the centre', () => {
  test('3×3 -> 5×5 adds a ring of zeros', () => {
    const grown = resizeKernel([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 5);
    expect(grown.slice(6, 9)).toEqual([1, 2, 3]);
    expect(grown[12]).toBe(5);
    expect(grown.filter((v) => v !== 0)).toHaveLength(9);
  });
  test('5×5 -> 3×3 keeps the middle', () => {
    expect(resizeKernel([...Array(25).keys()], 5, 3)).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18]);
  });
});

test('matchingPreset finds a preset by its values, and nothing for custom values', () => {
  expect(matchingPreset([...kernelById('sharpen').values], 3)?.id).toBe('sharpen');
  expect(matchingPreset([0, 0, 0, 0, 2, 0, 0, 0, 0], 3)).toBeUndefined();
});

test('pixelTerms sums to the reference depthwise output, corners and 5×5 included', () => {
  const w = 6;
  const h = 4;
  const rgba = Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i * 53) % 256);
  const image = rgbaToChannels(rgba, w, h, 'rgb');
  const kernel = kernelById('gaussian-5');
  const expected = depthwiseConv2d(
    { data: image, shape: [1, h, w, 3] },
    { data: tileKernel(kernel.values, 5, 3), shape: [5, 5, 3, 1] },
    { padding: 'same' },
  ).data;
  for (const [x, y] of [
    [0, 0],
    [5, 3],
    [2, 1],
  ] as const) {
    for (let c = 0; c < 3; c++) {
      const { sum, terms } = pixelTerms(image, w, h, 3, c, x, y, kernel.values, 5);
      expect(terms).toHaveLength(25);
      expect(sum).toBeCloseTo(expected[(y * w + x) * 3 + c] as number, 3);
    }
  }
});

describe('the pixel inspector moves by keyboard and follows the pointer, never leaving the picture', () => {
  test('a 64×48 picture: arrows move one visible step of 1 pixel (64 / 64), Shift ten; edges hold', () => {
    expect(arrowStep(64, 48)).toBe(1);
    expect(pixelAfterKey({ x: 5, y: 5 }, 'ArrowRight', false, 64, 48)).toEqual({ x: 6, y: 5 });
    expect(pixelAfterKey({ x: 5, y: 5 }, 'ArrowUp', true, 64, 48)).toEqual({ x: 5, y: 0 });
    expect(pixelAfterKey({ x: 60, y: 47 }, 'ArrowRight', true, 64, 48)).toEqual({ x: 63, y: 47 });
    expect(pixelAfterKey({ x: 0, y: 47 }, 'ArrowDown', false, 64, 48)).toEqual({ x: 0, y: 47 });
    expect(pixelAfterKey({ x: 5, y: 5 }, 'Enter', false, 64, 48)).toBeNull();
    expect(centrePixel(64, 48)).toEqual({ x: 32, y: 24 });
    expect(centrePixel(5, 3)).toEqual({ x: 2, y: 1 });
  });
  test('a 256×256 picture moves 4 pixels a press (40 with Shift), a 512-wide one 8', () => {
    expect(arrowStep(256, 256)).toBe(4);
    expect(arrowStep(512, 128)).toBe(8);
    expect(pixelAfterKey({ x: 100, y: 100 }, 'ArrowLeft', false, 256, 256)).toEqual({ x: 96, y: 100 });
    expect(pixelAfterKey({ x: 100, y: 100 }, 'ArrowDown', true, 256, 256)).toEqual({ x: 100, y: 140 });
  });
  test('a canvas of 64×48 pixels drawn 128×96 CSS pixels at (10, 20): each pixel is 2×2 on screen', () => {
    const box = { left: 10, top: 20, width: 128, height: 96 };
    expect(pixelUnder(10, 20, box, 64, 48)).toEqual({ x: 0, y: 0 });
    expect(pixelUnder(13.9, 21.9, box, 64, 48)).toEqual({ x: 1, y: 0 });
    expect(pixelUnder(137.9, 115.9, box, 64, 48)).toEqual({ x: 63, y: 47 });
    expect(pixelUnder(500, -5, box, 64, 48), 'outside the box: the nearest edge pixel').toEqual({
      x: 63,
      y: 0,
    });
  });
});

describe('strongestPixel: where the kernel responds most', () => {
  test('the largest magnitude wins, of either sign, on any channel', () => {
    // 4×3, one channel; the border of a 3×3 kernel (1 pixel) is left out: only (1,1) and (2,1) count.
    const values = [900, 900, 900, 900, 900, 5, -7, 900, 900, 900, 900, 900];
    expect(strongestPixel(values, 4, 3, 1, 3)).toEqual({ x: 2, y: 1, value: -7 });
  });
  test('RGB: the channel with the largest magnitude gives the value', () => {
    // 3×3, three channels; only the centre pixel (1,1) is inside the border.
    const values = Array<number>(27).fill(0);
    values[(1 * 3 + 1) * 3 + 2] = 12;
    values[(1 * 3 + 1) * 3 + 0] = -3;
    expect(strongestPixel(values, 3, 3, 3, 3)).toEqual({ x: 1, y: 1, value: 12 });
  });
  test('ties go to the first pixel in reading order; a picture no larger than the border has none', () => {
    expect(strongestPixel([0, 0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0], 4, 3, 1, 3)).toEqual({
      x: 1,
      y: 1,
      value: 4,
    });
    expect(strongestPixel([1, 2, 3, 4], 2, 2, 1, 3)).toBeNull();
  });
  test('distance is rounded Euclidean pixels: (0,0) to (3,4) is 5', () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
  });
});
