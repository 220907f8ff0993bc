/**
 * Draws values onto a canvas through one reused ImageData per canvas: no allocation per frame, no
 * tf.browser.toPixels round trip. drawFeatureMap draws HWC values and returns the legend of what was
 * drawn; drawStageMap draws a stage of a layer (convolution, ReLU, pooling) in the stage colours.
 */
import { renderToRGBA, stageColours, type Legend, type Scaling } from '../../compute';

interface Frame {
  image: ImageData;
  ctx: CanvasRenderingContext2D;
}

const frames = new WeakMap<HTMLCanvasElement, Frame>();

/** The canvas sized to width × height with its reused ImageData; null if it gives no 2D context. */
function frameFor(canvas: HTMLCanvasElement, width: number, height: number): Frame | null {
  let frame = frames.get(canvas);
  if (frame === undefined || frame.image.width !== width || frame.image.height !== height) {
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) return null;
    frame = { image: new ImageData(width, height), ctx };
    frames.set(canvas, frame);
  }
  return frame;
}

export function drawFeatureMap(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  width: number,
  height: number,
  channels: 1 | 3,
  scaling: Scaling,
): Legend {
  const frame = frameFor(canvas, width, height);
  if (frame === null) throw new Error('drawFeatureMap: this browser gave no 2D canvas context');
  const legend = renderToRGBA(values, channels, scaling, frame.image.data);
  frame.ctx.putImageData(frame.image, 0, 0);
  return legend;
}

/**
 * Draws one stage's map (h × w values, one pixel each) in src/compute's stage colours; after ReLU,
 * `zeroedFrom` (the map before it) marks the cells ReLU set to 0.
 */
export function drawStageMap(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  w: number,
  h: number,
  zeroedFrom?: Float32Array,
): void {
  const frame = frameFor(canvas, w, h);
  if (frame === null) return;
  stageColours(values, frame.image.data, zeroedFrom);
  frame.ctx.putImageData(frame.image, 0, 0);
}
