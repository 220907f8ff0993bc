/** Turns a sample URL, an uploaded file or a video frame into RGBA pixels at a workable size. */
import { fitImage } from './model';

export type Loaded =
  | { ok: true; rgba: Uint8ClampedArray; width: number; height: number; notice: string }
  | { ok: false; message: string };

const IMAGE_TYPES = 'PNG, JPEG, GIF, WebP or SVG';

/** Draws any image source at (width, height) and reads its pixels back. */
export function pixelsOf(source: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('This browser gave no 2D canvas to read the image with.');
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/** Loads an image; never throws: a problem comes back as a sentence for the reader. */
export async function loadImage(source: string | File): Promise<Loaded> {
  const name = typeof source === 'string' ? 'The sample image' : `“${source.name}”`;
  if (typeof source !== 'string' && !source.type.startsWith('image/')) {
    return {
      ok: false,
      message: `${name} is not an image (its type is ${source.type || 'unknown'}). Choose a ${IMAGE_TYPES} file.`,
    };
  }
  const url = typeof source === 'string' ? source : URL.createObjectURL(source);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    return {
      ok: false,
      message: `${name} could not be read as an image: the file may be damaged, or in a format this browser cannot open (try ${IMAGE_TYPES}).`,
    };
  } finally {
    if (typeof source !== 'string') URL.revokeObjectURL(url);
  }
  const fit = fitImage(img.naturalWidth, img.naturalHeight);
  if (!fit.ok) return { ok: false, message: `${name}: ${fit.message}` };
  try {
    const rgba = pixelsOf(img, fit.width, fit.height);
    const notice = fit.scaled
      ? `${name} is ${img.naturalWidth}×${img.naturalHeight} pixels; it was scaled down to ${fit.width}×${fit.height} to keep the demo fast.`
      : '';
    return { ok: true, rgba, width: fit.width, height: fit.height, notice };
  } catch {
    return { ok: false, message: `${name} is too large for this browser to open. Try a smaller image.` };
  }
}
