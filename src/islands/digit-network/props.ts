/**
 * What the .astro wrapper hands the island: the author's choice of test digit and the figure
 * computed for it at build time (static-figure.ts), so the server renders the same numbers the
 * live demo then computes. Pure.
 */

/** How many held-out digits the shipped asset has (public/data/digits/digits.json). */
export const TEST_DIGITS = 1000;

/** The test digit shown first: no. 10 is a 7, like the article's cover. */
export const DEFAULT_DIGIT = 10;

export interface StartFigure {
  /** Index of the test digit among the held-out digits. */
  index: number;
  label: number;
  /** Its 784 bytes (0 paper, 255 ink), base64. */
  pixels: string;
  /** The pretrained network's ten probabilities for it. */
  probabilities: number[];
  /** The first layer's 8 filters, 9 values each, row by row. */
  filters: number[][];
}

export function checkDigitNetworkProps(props: { digit?: unknown }): string | null {
  const d = props.digit;
  if (d === undefined) return null;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d >= TEST_DIGITS)
    return `digit must be the number of a held-out digit, a whole number from 0 to ${TEST_DIGITS - 1}, got ${JSON.stringify(d)}`;
  return null;
}

/** base64 → bytes, in the browser and in Node. */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
