/** The playground's logic as pure functions: image sizing, kernel resizing, presets, pixel sums. */
import { KERNELS, planWindow, windowTaps, type NamedKernel, type WindowTerm } from '../../compute';

/** Longest side the playground works at: big enough to see detail, small enough to stay live. */
export const MAX_SIDE = 512;

export type Fit =
  { ok: true; width: number; height: number; scaled: boolean } | { ok: false; message: string };

/** The size an image is worked at: scaled down (keeping its shape) when its longest side is over MAX_SIDE. */
export function fitImage(width: number, height: number, maxSide = MAX_SIDE): Fit {
  if (!(width >= 1 && height >= 1)) {
    return {
      ok: false,
      message: `This image is ${width}×${height} pixels: there is nothing to filter. Pick another image.`,
    };
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    ok: true,
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    scaled: scale < 1,
  };
}

/** A kernel at a new odd size, keeping its centre: grown with a ring of zeros, or cropped. */
export function resizeKernel(values: readonly number[], from: number, to: number): number[] {
  const shift = (to - from) / 2;
  return Array.from({ length: to * to }, (_, i) => {
    const r = Math.floor(i / to) - shift;
    const c = (i % to) - shift;
    return r >= 0 && r < from && c >= 0 && c < from ? (values[r * from + c] ?? 0) : 0;
  });
}

/** The preset with exactly these values, if any. */
export function matchingPreset(values: readonly number[], size: number): NamedKernel | undefined {
  return KERNELS.find((k) => k.size === size && k.values.every((v, i) => v === values[i]));
}

/**
 * The products behind one output pixel of channel `c`, with 'same' padding as the engine uses:
 * image values are HWC floats (0..255), cells outside the image count as 0. Which input pixel each
 * kernel tap reads comes from the one window geometry (src/compute/window.ts).
 */
export function pixelTerms(
  image: Float32Array,
  width: number,
  height: number,
  channels: number,
  c: number,
  x: number,
  y: number,
  kernel: readonly number[],
  size: number,
): { terms: WindowTerm[]; sum: number } {
  const plan = planWindow('pixelTerms', [1, height, width, channels], size, size, { padding: 'same' });
  const terms: WindowTerm[] = [];
  let sum = 0;
  for (const tap of windowTaps(plan, y, x)) {
    const inside = tap.row !== null && tap.col !== null;
    const value = inside ? (image[((tap.row ?? 0) * width + (tap.col ?? 0)) * channels + c] ?? 0) : 0;
    const weight = kernel[tap.m * size + tap.n] ?? 0;
    sum += value * weight;
    terms.push({ row: tap.row, col: tap.col, value, weight });
  }
  return { terms, sum };
}

/** A pixel of the picture, 0-based from the top left. */
export interface Pixel {
  x: number;
  y: number;
}

const clamp = (value: number, size: number) => Math.min(size - 1, Math.max(0, value));
const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The middle pixel, where the inspector starts. */
export const centrePixel = (width: number, height: number): Pixel => ({
  x: Math.floor(width / 2),
  y: Math.floor(height / 2),
});

/**
 * How far one arrow key moves the inspected pixel: a visible step on screen (about a 64th of the
 * picture, so 4 pixels of 256), never less than 1. Shift moves ten steps.
 */
export const arrowStep = (width: number, height: number): number =>
  Math.max(1, Math.round(Math.max(width, height) / 64));

/** Where the inspected pixel moves on an arrow key (ten steps with Shift), staying inside; null for other keys. */
export function pixelAfterKey(
  at: Pixel,
  key: string,
  shift: boolean,
  width: number,
  height: number,
): Pixel | null {
  const move = ARROWS[key];
  if (!move) return null;
  const step = arrowStep(width, height) * (shift ? 10 : 1);
  return { x: clamp(at.x + move[0] * step, width), y: clamp(at.y + move[1] * step, height) };
}

/**
 * The pixel where a kernel responds most: the largest magnitude (either sign) of any channel,
 * leaving out the border of (size − 1) / 2 pixels, where the padding's zeros would count as a dark
 * frame. Ties go to the first in reading order. Null when nothing is left inside the border.
 */
export function strongestPixel(
  values: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
  size: number,
): (Pixel & { value: number }) | null {
  const border = Math.floor(size / 2);
  let best: (Pixel & { value: number }) | null = null;
  let bestAbs = -1;
  for (let y = border; y < height - border; y++) {
    for (let x = border; x < width - border; x++) {
      for (let c = 0; c < channels; c++) {
        const v = values[(y * width + x) * channels + c] as number;
        if (Math.abs(v) > bestAbs) {
          bestAbs = Math.abs(v);
          best = { x, y, value: v };
        }
      }
    }
  }
  return best;
}

/** Distance in pixels between two pixels, rounded. */
export const distance = (a: Pixel, b: Pixel): number => Math.round(Math.hypot(a.x - b.x, a.y - b.y));

/** The pixel under a pointer on a canvas drawn in `box` (CSS pixels), staying inside the picture. */
export function pixelUnder(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  width: number,
  height: number,
): Pixel {
  return {
    x: clamp(Math.floor(((clientX - box.left) / box.width) * width), width),
    y: clamp(Math.floor(((clientY - box.top) / box.height) * height), height),
  };
}
