/**
 * One colouring for every picture of the network, live and at build time: src/compute's
 * stageColours (the feature-maps demo's scale). Maps after ReLU are never negative: black is 0,
 * white the map's largest value. Filters are always drawn signed: blue negative, white 0, red
 * positive, each filter on its own symmetric scale (an all-positive filter stays red, not grey). The network's input: black paper (0), white ink (1).
 */
import { diverging, stageColours } from '../../compute';
import { drawStageMap } from '../shared/feature-map';

/** RGBA bytes of a picture of w × h values. */
export function colours(values: Float32Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4);
  stageColours(values, rgba);
  return rgba;
}

/** RGBA bytes of a filter: diverging colours, ±(largest magnitude) at the ends. */
export function filterColours(values: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i] as number));
  const rgba = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    rgba.set([...diverging(m > 0 ? (values[i] as number) / m : 0), 255], i * 4);
  }
  return rgba;
}

/** Draws a filter's 9 values onto a 3×3 canvas. */
export function paintFilter(canvas: HTMLCanvasElement, values: ArrayLike<number>): void {
  canvas.width = 3;
  canvas.height = 3;
  canvas.getContext('2d')?.putImageData(new ImageData(filterColours(values), 3, 3), 0, 0);
  canvas.dataset['drawn'] = 'true';
}

/** Draws values onto a canvas, one pixel per value, reusing its ImageData. */
export function paint(canvas: HTMLCanvasElement, values: Float32Array, w: number, h: number): void {
  drawStageMap(canvas, values, w, h);
  canvas.dataset['drawn'] = 'true';
}
