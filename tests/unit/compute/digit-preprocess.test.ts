import { describe, expect, test } from 'vitest';
import { centreDigit } from '~/compute';

/** A w×h drawing with ink 1 inside [x0, x1) × [y0, y1). */
function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Float32Array {
  return Float32Array.from({ length: w * h }, (_, i) => {
    const x = i % w;
    const y = Math.floor(i / w);
    return x >= x0 && x < x1 && y >= y0 && y < y1 ? 1 : 0;
  });
}

/** Bounding box [top, left, bottom, right] of the ink in a 28×28 picture, and its centre of mass. */
function box(p: Float32Array) {
  let [top, left, bottom, right, mass, cy, cx] = [28, 28, -1, -1, 0, 0, 0];
  p.forEach((v, i) => {
    if (v <= 0) return;
    const y = Math.floor(i / 28);
    const x = i % 28;
    [top, left, bottom, right] = [
      Math.min(top, y),
      Math.min(left, x),
      Math.max(bottom, y),
      Math.max(right, x),
    ];
    mass += v;
    cy += v * (y + 0.5);
    cx += v * (x + 0.5);
  });
  return { top, left, bottom, right, cy: cy / mass, cx: cx / mass };
}

describe('centreDigit: a drawing becomes the picture the network sees (MNIST: 20-pixel box, centred by mass)', () => {
  test('a blank pad gives null, not a picture', () => {
    expect(centreDigit(new Float32Array(100 * 100), 100, 100)).toBeNull();
  });

  test('a tall bar drawn in a corner of a 200×200 pad: 20 pixels high, 5 wide, centred at (14, 14)', () => {
    const p = centreDigit(rect(200, 200, 10, 20, 30, 100), 200, 200) as Float32Array;
    const b = box(p);
    expect(b.bottom - b.top + 1).toBe(20);
    expect(b.right - b.left + 1).toBe(5);
    // Shifts are whole pixels, so the centre lands within half a pixel of (14, 14).
    expect(Math.abs(b.cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(b.cx - 14)).toBeLessThanOrEqual(0.5);
    // The bar was drawn in the top-left corner; it is now in the middle.
    expect(b.left).toBeGreaterThan(8);
    expect(Math.max(...p)).toBeCloseTo(1, 5);
  });

  test('a wide stroke keeps its aspect ratio: 60×15 becomes 20×5', () => {
    const b = box(centreDigit(rect(100, 100, 20, 50, 80, 65), 100, 100) as Float32Array);
    expect(b.right - b.left + 1).toBe(20);
    expect(b.bottom - b.top + 1).toBe(5);
  });

  test('a drawing of the wrong length is refused with a sentence', () => {
    expect(() => centreDigit(new Float32Array(10), 4, 4)).toThrow(
      'centreDigit: a 4×4 drawing has 16 values, got 10',
    );
  });
});
