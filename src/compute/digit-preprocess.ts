/**
 * A drawing made into the 28×28 picture the network sees, the way MNIST's digits were made
 * (LeCun et al.): the ink's bounding box is scaled, keeping its aspect ratio, so its longer side
 * is 20 pixels, then placed in a 28×28 image so that its centre of mass sits at the centre.
 * Pure: grey values in, grey values out (0 paper, 1 ink), no canvas.
 */
import { DIGIT_SIZE } from './digits.ts';

/** Longer side of the digit's box inside the 28×28 picture, as in MNIST. */
export const DIGIT_BOX = 20;

/** Ink below this counts as paper when finding the digit's box. */
const INK = 0.05;

/**
 * The 28×28 picture (784 values 0-1, row-major) of a w×h drawing, or null when the drawing has
 * no ink (a blank pad: the caller says so instead of predicting).
 */
export function centreDigit(ink: ArrayLike<number>, w: number, h: number): Float32Array | null {
  if (ink.length !== w * h)
    throw new Error(`centreDigit: a ${w}×${h} drawing has ${w * h} values, got ${ink.length}`);
  let top = h;
  let left = w;
  let bottom = -1;
  let right = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((ink[y * w + x] as number) > INK) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const scale = DIGIT_BOX / Math.max(boxW, boxH);
  const outW = Math.max(1, Math.round(boxW * scale));
  const outH = Math.max(1, Math.round(boxH * scale));

  // Area-average resampling: each small pixel is the mean of the drawing cells it covers.
  const small = new Float32Array(outW * outH);
  for (let sy = 0; sy < outH; sy++) {
    for (let sx = 0; sx < outW; sx++) {
      const y0 = top + (sy * boxH) / outH;
      const y1 = top + ((sy + 1) * boxH) / outH;
      const x0 = left + (sx * boxW) / outW;
      const x1 = left + ((sx + 1) * boxW) / outW;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const fy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const fx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += (ink[y * w + x] as number) * fx * fy;
          area += fx * fy;
        }
      }
      small[sy * outW + sx] = Math.min(1, Math.max(0, sum / area));
    }
  }

  // Centre of mass of the scaled digit, moved to the picture's centre (14, 14) in whole pixels.
  let mass = 0;
  let cy = 0;
  let cx = 0;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const v = small[y * outW + x] as number;
      mass += v;
      cy += v * (y + 0.5);
      cx += v * (x + 0.5);
    }
  }
  const offY = Math.round(DIGIT_SIZE / 2 - cy / mass);
  const offX = Math.round(DIGIT_SIZE / 2 - cx / mass);
  const out = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const ty = y + offY;
      const tx = x + offX;
      if (ty >= 0 && ty < DIGIT_SIZE && tx >= 0 && tx < DIGIT_SIZE)
        out[ty * DIGIT_SIZE + tx] = small[y * outW + x] as number;
    }
  }
  return out;
}
