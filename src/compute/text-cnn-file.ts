/**
 * The shipped text classifier, one JSON file written by `npm run train:text`
 * (scripts/train-text.ts): the model's sizes, its vocabulary, its weights quantised to 8 bits
 * (each array as whole numbers −127…127 times one scale, base64), each filter's top n-grams over the
 * training subjects and the held-out accuracies of the model and its baselines. The reference
 * forward pass (build time and browser) and TensorFlow.js both read the dequantised weights, so
 * every number shown comes from the same arrays; the accuracies were measured on them.
 */
import type { NgramScore, TextCnnConfig } from './text-cnn.ts';

/** The file, relative to the site's base path. */
export const TEXT_MODEL_URL = 'data/text/text-cnn.json';
/** The subjects the worker trains on, relative to the site's base path. */
export const TEXT_SUBJECTS_URL = 'data/text/subjects.json';

export interface QuantisedArray {
  readonly scale: number;
  /** int8 values, base64. */
  readonly q: string;
}

export interface TextModelFile {
  readonly format: 'text-cnn-1';
  readonly config: TextCnnConfig;
  readonly seed: number;
  readonly vocabulary: readonly string[];
  /** In textCnnShapes order. */
  readonly weights: readonly QuantisedArray[];
  /** Per filter (width 2's first, …), its top n-grams over the training subjects. */
  readonly topNgrams: readonly (readonly NgramScore[])[];
  readonly accuracy: {
    readonly model: number;
    readonly bagOfWords: number;
    readonly majority: number;
    /** How many held-out subjects the accuracies were measured on. */
    readonly heldOut: number;
  };
  readonly training: { readonly epochs: number; readonly batch: number; readonly learningRate: number };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** 8-bit quantisation: scale = max |w| / 127, q = round(w / scale). */
export function quantise(values: Float32Array): QuantisedArray {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 127;
  const q = new Int8Array(values.length);
  values.forEach((v, i) => (q[i] = Math.round(v / scale)));
  let text = '';
  const bytes = new Uint8Array(q.buffer);
  for (let i = 0; i < bytes.length; i += 8190) text += toBase64(bytes.subarray(i, i + 8190));
  return { scale, q: text };
}

export function dequantise(a: QuantisedArray): Float32Array {
  const q = new Int8Array(fromBase64(a.q).buffer);
  return Float32Array.from(q, (v) => v * a.scale);
}

/** The file, checked enough that a wrong one fails with a sentence. */
export function parseTextModel(json: unknown): TextModelFile {
  const f = json as Partial<TextModelFile> | null;
  if (f === null || typeof f !== 'object' || f.format !== 'text-cnn-1')
    throw new Error(`${TEXT_MODEL_URL}: not a text-cnn-1 file`);
  if (!Array.isArray(f.vocabulary) || f.vocabulary.length !== f.config?.vocabSize)
    throw new Error(`${TEXT_MODEL_URL}: the vocabulary does not have config.vocabSize tokens`);
  if (!Array.isArray(f.weights) || !Array.isArray(f.topNgrams))
    throw new Error(`${TEXT_MODEL_URL}: weights and topNgrams must be lists`);
  return f as TextModelFile;
}
