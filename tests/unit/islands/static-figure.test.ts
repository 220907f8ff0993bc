import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { depthwiseConv2d, kernelById, renderToRGBA, rgbaToChannels, tileKernel } from '~/compute';
import { decodePng, encodePng, staticFigure } from '~/islands/kernel-playground/static-figure';

describe('the figure computed at build time', () => {
  test('a PNG written and read back gives the same pixels (alpha opaque)', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 0, 255, 0, 128, 255, 255, 1, 2, 3, 255, 250, 251, 252, 255]);
    const png = encodePng(rgba, 2, 2);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(decodePng(png)).toEqual({ rgba, width: 2, height: 2 });
  });

  test('Sobel x on the shapes sample: the reference’s picture, pixel for pixel', () => {
    const figure = staticFigure('/samples/shapes.png', kernelById('sobel-x').values, 3, 'gray');
    const shown = decodePng(Buffer.from(figure.src.replace('data:image/png;base64,', ''), 'base64'));
    const input = decodePng(readFileSync('public/samples/shapes.png'));
    const values = depthwiseConv2d(
      { data: rgbaToChannels(input.rgba, 256, 256, 'gray'), shape: [1, 256, 256, 1] },
      { data: tileKernel(kernelById('sobel-x').values, 3, 1), shape: [3, 3, 1, 1] },
      { padding: 'same' },
    ).data;
    const want = new Uint8ClampedArray(256 * 256 * 4);
    const legend = renderToRGBA(values, 1, 'auto', want);
    expect(shown.width).toBe(256);
    expect(Buffer.from(shown.rgba).equals(Buffer.from(want))).toBe(true);
    expect(figure.legend).toEqual(legend);
    expect(figure.strongest).not.toBeNull();
    // The strongest response inside the 1-pixel border (the border, where padding counts, is left out).
    let best = 0;
    for (let y = 1; y < 255; y++)
      for (let x = 1; x < 255; x++) best = Math.max(best, Math.abs(values[y * 256 + x] ?? 0));
    expect(Math.abs(figure.strongest?.value ?? 0)).toBe(best);
  });
});
