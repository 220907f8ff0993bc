/**
 * Draws HWC values onto a canvas through one reused ImageData per canvas: no allocation per
 * frame, no tf.browser.toPixels round trip. Returns the legend of what was drawn.
 */
import { renderToRGBA, type Legend, type Scaling } from '../../compute';

const frames = new WeakMap<HTMLCanvasElement, { image: ImageData; ctx: CanvasRenderingContext2D }>();

export function drawFeatureMap(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  width: number,
  height: number,
  channels: 1 | 3,
  scaling: Scaling,
): Legend {
  let frame = frames.get(canvas);
  if (frame === undefined || frame.image.width !== width || frame.image.height !== height) {
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('drawFeatureMap: this browser gave no 2D canvas context');
    frame = { image: new ImageData(width, height), ctx };
    frames.set(canvas, frame);
  }
  const legend = renderToRGBA(values, channels, scaling, frame.image.data);
  frame.ctx.putImageData(frame.image, 0, 0);
  return legend;
}
