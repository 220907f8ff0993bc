/**
 * The text classifier's training data, shared by `npm run train:text` (Node) and the browser's
 * training worker, so both train on the same batches: the subjects encoded once (text-words.ts),
 * then each epoch visits the training subjects in a seeded order, mulberry32(seed · 1000 + epoch),
 * `batch` at a time.
 */
import { mulberry32, shuffled } from './seeded.ts';
import type { TextCnnConfig } from './text-cnn.ts';
import { encode, type Vocabulary } from './text-words.ts';

export interface EncodedSet {
  /** n × length ids, row after row. */
  readonly ids: Int32Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

export function encodeSet(
  rows: readonly (readonly [string, 0 | 1])[],
  vocab: Vocabulary,
  length: number,
): EncodedSet {
  const ids = new Int32Array(rows.length * length);
  const labels = new Uint8Array(rows.length);
  rows.forEach(([text, label], i) => {
    ids.set(encode(text, vocab, length).ids, i * length);
    labels[i] = label;
  });
  return { ids, labels, count: rows.length };
}

/** Row i's ids. */
export function rowIds(set: EncodedSet, length: number, i: number): Int32Array {
  return set.ids.subarray(i * length, (i + 1) * length);
}

/** The rows as the reference's { ids, label } list. */
export function labelledRows(set: EncodedSet, length: number): { ids: Int32Array; label: 0 | 1 }[] {
  return Array.from({ length: set.count }, (_, i) => ({
    ids: rowIds(set, length, i),
    label: set.labels[i] as 0 | 1,
  }));
}

/** Every batch of one epoch, in its seeded order. */
export function* epochBatches(
  set: EncodedSet,
  config: TextCnnConfig,
  seed: number,
  epoch: number,
  batch: number,
): Generator<{ ids: Int32Array; labels: Uint8Array }> {
  const order = shuffled(
    Array.from({ length: set.count }, (_, i) => i),
    mulberry32(seed * 1000 + epoch),
  );
  for (let b = 0; b < order.length; b += batch) {
    const pick = order.slice(b, b + batch);
    const ids = new Int32Array(pick.length * config.length);
    const labels = new Uint8Array(pick.length);
    pick.forEach((i, k) => {
      ids.set(rowIds(set, config.length, i), k * config.length);
      labels[k] = set.labels[i] as number;
    });
    yield { ids, labels };
  }
}

/** Share of a set's rows whose larger probability (of [ham, spam] pairs) is the label; ties: ham. */
export function accuracyOf(probabilities: Float32Array, labels: Uint8Array): number {
  let right = 0;
  labels.forEach((l, i) => {
    const spam = (probabilities[2 * i + 1] as number) > (probabilities[2 * i] as number) ? 1 : 0;
    if (spam === l) right++;
  });
  return right / labels.length;
}
