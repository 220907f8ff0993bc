import { describe, expect, test } from 'vitest';
import {
  depthwiseConv2d,
  diverging,
  KERNELS,
  renderToRGBA,
  rgbaToChannels,
  tileKernel,
  type Scaling,
} from '~/compute';

/** Every expected byte below is worked out by hand in the comment beside it. */
const draw = (values: number[], channels: 1 | 3, scaling: Scaling) => {
  const out = new Uint8ClampedArray((values.length / channels) * 4);
  const legend = renderToRGBA(Float32Array.from(values), channels, scaling, out);
  return { pixels: [...out], legend };
};

describe('renderToRGBA, automatic scale (the default)', () => {
  test('grey values inside 0..255 are drawn as they are', () => {
    const { pixels, legend } = draw([0, 100, 255], 1, 'auto');
    expect(pixels).toEqual([0, 0, 0, 255, 100, 100, 100, 255, 255, 255, 255, 255]);
    expect(legend).toMatchObject({ kind: 'gray', low: 0, high: 255, scaling: 'clip', clipped: 0 });
  });

  test('the article’s X: values 396..1161 leave 0..255, so they are stretched, not all white', () => {
    // 765 = 3 × 255, so a byte is (v − 396) / 3: 396 → 0, 696 → 100, 1161 → 255.
    const { pixels, legend } = draw([396, 696, 1161], 1, 'auto');
    expect(pixels).toEqual([0, 0, 0, 255, 100, 100, 100, 255, 255, 255, 255, 255]);
    expect(legend).toMatchObject({ kind: 'gray', low: 396, high: 1161, min: 396, max: 1161 });
    expect(legend.scaling).toBe('normalize');
  });

  test('signed grey values go on the diverging scale, symmetric around zero', () => {
    // m = 100: −100 is full blue (33,102,172), 0 the neutral (247,247,247), 100 full red
    // (178,24,43), 20 is a fifth of the way to red: 247 − 69·0.2 = 233.2, 247 − 223·0.2 = 202.4,
    // 247 − 204·0.2 = 206.2.
    const { pixels, legend } = draw([-100, 0, 20, 100], 1, 'auto');
    expect(pixels).toEqual([33, 102, 172, 255, 247, 247, 247, 255, 233, 202, 206, 255, 178, 24, 43, 255]);
    expect(legend).toMatchObject({ kind: 'diverging', low: -100, high: 100, min: -100, max: 100 });
  });

  test('the symmetric range follows the larger magnitude: −30..60 is drawn on −60..60', () => {
    // −30 is half way to blue: 247 − 214·0.5 = 140, 247 − 145·0.5 = 174.5 → 175 (the table
    // samples t = −0.5 exactly), 247 − 75·0.5 = 209.5 → 210.
    const { pixels, legend } = draw([-30, 60], 1, 'auto');
    expect(legend).toMatchObject({ low: -60, high: 60 });
    expect(pixels.slice(0, 3)).toEqual(diverging(-0.5));
    expect(pixels.slice(4, 7)).toEqual([178, 24, 43]);
  });

  test('RGB over 255: one linear stretch for all channels, so colours keep their balance', () => {
    // min 300, max 1065: 765 = 3 × 255, a byte is (v − 300) / 3.
    // pixel 1: 300 → 0, 600 → 100, 1065 → 255; pixel 2: 450 → 50, 750 → 150, 900 → 200.
    const { pixels, legend } = draw([300, 600, 1065, 450, 750, 900], 3, 'auto');
    expect(pixels).toEqual([0, 100, 255, 255, 50, 150, 200, 255]);
    expect(legend).toMatchObject({ kind: 'rgb', low: 300, high: 1065 });
    expect(legend.channels).toEqual([
      { min: 300, max: 450 },
      { min: 600, max: 750 },
      { min: 900, max: 1065 },
    ]);
  });

  test('RGB signed: symmetric range, zero at mid-grey', () => {
    // m = 10: a byte is (v + 10) · 255 / 20: −10 → 0, 2 → 153, 10 → 255.
    const { pixels, legend } = draw([-10, 2, 10], 3, 'auto');
    expect(pixels).toEqual([0, 153, 255, 255]);
    expect(legend).toMatchObject({ kind: 'rgb', low: -10, high: 10 });
  });
});

describe('renderToRGBA, the reader’s choices', () => {
  test('clip keeps pixel units: over 255 is white, below 0 is black, and the legend says 0–255', () => {
    const { pixels, legend } = draw([396, 1179, -50, 30], 1, 'clip');
    expect(pixels).toEqual([255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 30, 30, 30, 255]);
    expect(legend).toMatchObject({ kind: 'gray', low: 0, high: 255, min: -50, max: 1179, clipped: 3 });
  });

  test('RGB clip: pixel units kept, out-of-range clamped, alpha opaque', () => {
    const { pixels, legend } = draw([10, 300, -5, 128, 0, 255], 3, 'clip');
    expect(pixels).toEqual([10, 255, 0, 255, 128, 0, 255, 255]);
    expect(legend).toMatchObject({ kind: 'rgb', low: 0, high: 255, min: -5, max: 300, clipped: 2 });
  });

  test('stretch fills the scale even when the values fit 0..255', () => {
    // 50..150: a byte is (v − 50) · 2.55: 50 → 0, 110 → 153, 150 → 255.
    const { pixels, legend } = draw([50, 110, 150], 1, 'normalize');
    expect(pixels).toEqual([0, 0, 0, 255, 153, 153, 153, 255, 255, 255, 255, 255]);
    expect(legend).toMatchObject({ kind: 'gray', low: 50, high: 150, scaling: 'normalize' });
  });

  test('a flat picture does not divide by zero', () => {
    const { pixels, legend } = draw([400, 400], 1, 'normalize');
    expect(pixels).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
    expect(legend).toMatchObject({ low: 400, high: 401 });
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

describe('every preset gives a visible picture with the automatic scale', () => {
  // A 32×32 picture with a bright square on a dark gradient, in three different channels.
  const size = 32;
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x >= 8 && x < 24 && y >= 10 && y < 22;
      const at = (y * size + x) * 4;
      rgba.set([inside ? 240 : 4 * x, inside ? 200 : 3 * y, inside ? 60 : 100, 255], at);
    }
  }
  for (const kernel of KERNELS) {
    for (const mode of ['gray', 'rgb'] as const) {
      test(`${kernel.name}, ${mode}`, () => {
        const channels = mode === 'rgb' ? 3 : 1;
        const values = depthwiseConv2d(
          { data: rgbaToChannels(rgba, size, size, mode), shape: [1, size, size, channels] },
          {
            data: tileKernel(kernel.values, kernel.size, channels),
            shape: [kernel.size, kernel.size, channels, 1],
          },
          { padding: 'same' },
        ).data;
        const out = new Uint8ClampedArray(size * size * 4);
        renderToRGBA(values, channels, 'auto', out);
        // Spread of the brightest channel over the picture: a blank (all white / all one colour)
        // picture has a spread near 0; a visible one uses a good part of the 0..255 range.
        const spread = [0, 1, 2].map((c) => {
          let lo = 255;
          let hi = 0;
          for (let i = c; i < out.length; i += 4) {
            lo = Math.min(lo, out[i] as number);
            hi = Math.max(hi, out[i] as number);
          }
          return hi - lo;
        });
        expect(Math.max(...spread), 'largest per-channel spread of bytes').toBeGreaterThan(100);
      });
    }
  }
});
