import { describe, expect, test } from 'vitest';
import { diverging, renderToRGBA } from '~/compute';

/** Colours are bytes; a rounding step either way is invisible. */
const near = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) =>
    expect(Math.abs(g - (want[i] as number)), `byte ${i}: ${g} vs ${want[i]}`).toBeLessThanOrEqual(1),
  );
};

const draw = (values: number[], channels: 1 | 3, scaling: 'clip' | 'normalize') => {
  const out = new Uint8ClampedArray((values.length / channels) * 4);
  const legend = renderToRGBA(Float32Array.from(values), channels, scaling, out);
  return { pixels: [...out], legend };
};

describe('renderToRGBA', () => {
  test('RGB, clip: pixel units kept, out-of-range clamped, alpha opaque', () => {
    const { pixels, legend } = draw([10, 300, -5, 128, 0, 255], 3, 'clip');
    expect(pixels).toEqual([10, 255, 0, 255, 128, 0, 255, 255]);
    expect(legend).toMatchObject({ kind: 'rgb', low: 0, high: 255, min: -5, max: 300 });
  });
  test('gray, normalize: the actual range stretched to 0..255', () => {
    const { pixels, legend } = draw([50, 100, 150], 1, 'normalize');
    near(pixels, [0, 0, 0, 255, 127.5, 127.5, 127.5, 255, 255, 255, 255, 255]);
    expect(legend).toMatchObject({ kind: 'gray', low: 50, high: 150 });
  });
  test('gray, signed: diverging, zero is the neutral colour, the legend is symmetric', () => {
    const { pixels, legend } = draw([-100, 0, 50], 1, 'normalize');
    near(pixels.slice(0, 3), diverging(-1));
    near(pixels.slice(4, 7), diverging(0));
    near(pixels.slice(8, 11), diverging(0.5));
    expect(legend).toMatchObject({ kind: 'diverging', low: -100, high: 100, min: -100, max: 50 });
  });
  test('gray, signed, clip: the scale is ±255 whatever the data', () => {
    expect(draw([-255, 510], 1, 'clip').legend).toMatchObject({ low: -255, high: 255 });
  });
  test('RGB, signed, normalize: zero maps to mid-grey', () => {
    const { pixels } = draw([-10, 0, 10], 3, 'normalize');
    near(pixels, [0, 127.5, 255, 255]);
  });
  test('diverging: blue below zero, near-white at zero, red above', () => {
    const [rn, , bn] = diverging(-1);
    const [rp, , bp] = diverging(1);
    expect(bn).toBeGreaterThan(rn);
    expect(rp).toBeGreaterThan(bp);
    expect(Math.min(...diverging(0))).toBeGreaterThan(240);
  });
  test('a buffer of the wrong size is refused with a sentence', () => {
    expect(() =>
      renderToRGBA(new Float32Array(3), 3, 'clip', new Uint8ClampedArray(8)),
    ).toThrowErrorMatchingInlineSnapshot(`[Error: renderToRGBA: 1 pixels need 4 RGBA bytes, got 8]`);
  });
});
