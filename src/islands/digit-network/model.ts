/**
 * The digit network demo's pure logic: what the reader types (learning rate, batch size, seed)
 * read into values or a sentence, the drawing pad's pixels into the network's input, the stages a
 * figure draws, the one-step update written out, and the charts' scales. No DOM: tested in Node.
 */
import type { UrlCodec } from '../shared/url-state';
import {
  centreDigit,
  DIGIT_NET,
  DIGIT_PIXELS,
  digitNetForwardFast,
  type DigitStages,
  type DigitWeights,
} from '../../compute';
import { DEFAULT_RATE, DEFAULT_SETTINGS, MAX_LEARNING_RATE, type TrainSettings } from './defaults';

export {
  DEFAULT_RATE,
  DEFAULT_SETTINGS,
  EVALUATE_EVERY,
  MAX_LEARNING_RATE,
  type Optimizer,
  type TrainSettings,
} from './defaults';
export const BATCH_SIZES = [1, 8, 16, 32, 64, 128] as const;
export const MAX_SEED = 999_999;

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const number = (text: string) => {
  const t = text.trim().replace(/^−/, '-').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
};

/** η as typed: a number above 0 and at most 10. */
export function readLearningRate(text: string): Read<number> {
  const v = number(text);
  if (text.trim() === '')
    return { ok: false, message: 'Type a learning rate, such as 0.1: the size of each step.' };
  if (Number.isNaN(v))
    return { ok: false, message: `“${text.trim()}” is not a number: type a learning rate such as 0.1.` };
  if (v <= 0)
    return {
      ok: false,
      message: `A learning rate of ${v} never moves the weights: type a number above 0, such as 0.1.`,
    };
  if (v > MAX_LEARNING_RATE)
    return {
      ok: false,
      message: `A learning rate of ${v} throws the weights far past any minimum: type at most ${MAX_LEARNING_RATE}, such as 0.1.`,
    };
  return { ok: true, value: v };
}

/** Batch size as typed: a whole number from 1 to 128. */
export function readBatchSize(text: string): Read<number> {
  const v = number(text);
  if (!Number.isInteger(v) || v < 1 || v > 128)
    return {
      ok: false,
      message: `The batch size must be a whole number of examples from 1 to 128, got “${text.trim()}”.`,
    };
  return { ok: true, value: v };
}

/** Seed as typed: a whole number from 0 to 999,999. */
export function readSeed(text: string): Read<number> {
  const v = number(text);
  if (!Number.isInteger(v) || v < 0 || v > MAX_SEED)
    return { ok: false, message: `The seed must be a whole number from 0 to 999999, got “${text.trim()}”.` };
  return { ok: true, value: v };
}

/** One test digit's bytes (0-255) as the network's input values 0-1. */
export function digitInput(bytes: ArrayLike<number>): Float32Array {
  if (bytes.length !== DIGIT_PIXELS)
    throw new Error(`digitInput: a digit has ${DIGIT_PIXELS} pixels, got ${bytes.length}`);
  return Float32Array.from(bytes as ArrayLike<number>, (b) => b / 255);
}

/**
 * The drawing pad's RGBA pixels (ink is opaque, paper transparent) as the network's 28×28 input,
 * centred and scaled the MNIST way; null for a blank pad.
 */
export function padInput(rgba: Uint8ClampedArray, w: number, h: number): Float32Array | null {
  const ink = new Float32Array(w * h);
  for (let i = 0; i < ink.length; i++) ink[i] = (rgba[i * 4 + 3] as number) / 255;
  return centreDigit(ink, w, h);
}

/** The forward pass of one 784-value picture: every stage of it (batch 1), the reference's floats. */
export function runNetwork(weights: DigitWeights, input: Float32Array): DigitStages {
  const s = DIGIT_NET.inputSize;
  return digitNetForwardFast(weights, { data: input, shape: [1, s, s, 1] });
}

/** Filter f of the first layer as 3 rows of 3 (HWIO [3, 3, 1, 8]). */
export function filterRows(kernel: ArrayLike<number>, f: number): number[][] {
  const k = DIGIT_NET.kernelSize;
  const out = DIGIT_NET.filters1;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => kernel[(i * k + j) * out + f] as number),
  );
}

/** Every first-layer filter as 9 values, row by row. */
export function filtersOf(kernel: ArrayLike<number>): number[][] {
  return Array.from({ length: DIGIT_NET.filters1 }, (_, f) => filterRows(kernel, f).flat());
}

/** The update of one filter written out: w, g, and w − η·g, each 3×3. */
export interface StepUpdate {
  filter: number;
  learningRate: number;
  before: number[][];
  gradient: number[][];
  after: number[][];
}

export function stepUpdate(
  before: ArrayLike<number>,
  gradient: ArrayLike<number>,
  after: ArrayLike<number>,
  filter: number,
  learningRate: number,
): StepUpdate {
  return {
    filter,
    learningRate,
    before: filterRows(before, filter),
    gradient: filterRows(gradient, filter),
    after: filterRows(after, filter),
  };
}

/**
 * What the reader reads when training stopped itself: where, why, that the weights shown are the
 * last good ones, and what to do (the reset button sits beside it).
 */
export function divergedMessage(at: { loss: number; examples: number }, learningRate: number): string {
  const what = Number.isNaN(at.loss)
    ? 'the loss became NaN (not a number)'
    : `the loss became ${at.loss} (no longer a finite number)`;
  return `Training stopped itself: after ${at.examples.toLocaleString('en')} examples ${what}, because a step of η = ${learningRate} pushed the weights past the largest numbers the arithmetic can hold. The weights shown are the last good ones. Lower the learning rate and train again, or start over from random weights.`;
}

/** A weight or gradient in a grid: 3 significant digits (gradients are often 0.00x), −0 as 0. */
export function formatWeight(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 0.001 && a < 1000 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
  return text.replaceAll('-', '−');
}

/** A number written out in a sentence of arithmetic: 5 significant digits, negatives in brackets. */
export function formatTerm(v: number, bracket = false): string {
  const text = String(Number(v.toPrecision(5))).replaceAll('-', '−');
  return bracket && v < 0 ? `(${text})` : text;
}

/** The most probable digit and its probability. */
export function best(probabilities: ArrayLike<number>): { digit: number; p: number } {
  let digit = 0;
  for (let d = 1; d < probabilities.length; d++)
    if ((probabilities[d] as number) > (probabilities[digit] as number)) digit = d;
  return { digit, p: probabilities[digit] as number };
}

/** Nice axis ticks from 0 to at least max: 0, step, 2·step … with step 1, 2 or 5 × 10^k. */
export function ticks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A point of a training curve: examples seen so far, and the value then. */
export interface CurvePoint {
  x: number;
  y: number;
}

/** Keeps a curve to at most `limit` points by averaging neighbours in pairs, as often as needed. */
export function thin(points: readonly CurvePoint[], limit = 400): CurvePoint[] {
  let out = points.slice();
  while (out.length > limit) {
    const next: CurvePoint[] = [];
    for (let i = 0; i + 1 < out.length; i += 2) {
      const a = out[i] as CurvePoint;
      const b = out[i + 1] as CurvePoint;
      next.push({ x: b.x, y: (a.y + b.y) / 2 });
    }
    if (out.length % 2 === 1) next.push(out[out.length - 1] as CurvePoint);
    out = next;
  }
  return out;
}

/**
 * The training settings in the page's address (url-state.ts): o optimiser, e learning rate,
 * b batch size, s seed. A wrong field gives the sentence of the field that would refuse it.
 */
export const settingsCodec: UrlCodec<TrainSettings> = {
  version: 1,
  encode: (s) => ({ o: s.optimizer, e: String(s.learningRate), b: String(s.batchSize), s: String(s.seed) }),
  decode: (fields) => {
    const optimizer = fields.o ?? DEFAULT_SETTINGS.optimizer;
    if (optimizer !== 'sgd' && optimizer !== 'adam')
      return { ok: false, message: `the optimiser “${optimizer}” is neither sgd nor adam.` };
    const rate = readLearningRate(fields.e ?? String(DEFAULT_RATE[optimizer]));
    if (!rate.ok) return rate;
    const batch = readBatchSize(fields.b ?? String(DEFAULT_SETTINGS.batchSize));
    if (!batch.ok) return batch;
    const seed = readSeed(fields.s ?? String(DEFAULT_SETTINGS.seed));
    if (!seed.ok) return seed;
    return {
      ok: true,
      value: { optimizer, learningRate: rate.value, batchSize: batch.value, seed: seed.value },
    };
  },
};

/** The filmstrip's next frame after `examples` seen: 500, then 1,000, 2,000, 4,000 … */
export function nextFrameAt(examples: number): number {
  return examples <= 500 ? 500 : 2 ** Math.ceil(Math.log2(examples / 500)) * 500;
}
