/**
 * Fair baselines for the text classifier, on the same vocabulary and the same split:
 *
 * - the majority class: always answer the class most training subjects have;
 * - bag-of-words logistic regression: each vocabulary word present in a subject (once, however
 *   often it occurs; <pad> never counts, <unk> does) adds its weight to a spam score
 *   s = b + Σ w_word, and P(spam) = 1 / (1 + e^−s). Trained deterministically: weights start at 0,
 *   full-batch gradient descent on the mean cross-entropy plus (λ/2)·Σ w², a fixed number of steps.
 *   No randomness, so every run gives the same weights.
 */
import { PAD_ID } from './text-words.ts';

export interface LabelledIds {
  readonly ids: ArrayLike<number>;
  readonly label: 0 | 1;
}

/** The class most of `rows` have (ties: 0) and the share of `test` that has it. */
export function majorityBaseline(
  rows: readonly LabelledIds[],
  test: readonly LabelledIds[],
): { label: 0 | 1; accuracy: number } {
  const spam = rows.filter((r) => r.label === 1).length;
  const label: 0 | 1 = spam > rows.length - spam ? 1 : 0;
  return { label, accuracy: test.filter((r) => r.label === label).length / test.length };
}

export interface BagOfWords {
  readonly weights: Float32Array;
  readonly bias: number;
}

/** The distinct ids of a subject, <pad> left out. */
export function presentIds(ids: ArrayLike<number>): number[] {
  const set = new Set<number>();
  for (let i = 0; i < ids.length; i++) if (ids[i] !== PAD_ID) set.add(ids[i] as number);
  return [...set].sort((a, b) => a - b);
}

export function bagOfWordsScore(model: BagOfWords, ids: ArrayLike<number>): number {
  let s = model.bias;
  for (const id of presentIds(ids)) s += model.weights[id] ?? 0;
  return s;
}

export interface BagOfWordsOptions {
  readonly steps?: number;
  readonly learningRate?: number;
  readonly l2?: number;
}

export function trainBagOfWords(
  rows: readonly LabelledIds[],
  vocabSize: number,
  options: BagOfWordsOptions = {},
): BagOfWords {
  const { steps = 300, learningRate = 1, l2 = 1e-4 } = options;
  const present = rows.map((r) => presentIds(r.ids));
  const weights = new Float64Array(vocabSize);
  let bias = 0;
  const grad = new Float64Array(vocabSize);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    let gb = 0;
    rows.forEach((r, n) => {
      let s = bias;
      for (const id of present[n] as number[]) s += weights[id] as number;
      const err = 1 / (1 + Math.exp(-s)) - r.label;
      gb += err;
      for (const id of present[n] as number[]) grad[id] = (grad[id] as number) + err;
    });
    for (let i = 0; i < vocabSize; i++) {
      weights[i] =
        (weights[i] as number) -
        learningRate * ((grad[i] as number) / rows.length + l2 * (weights[i] as number));
    }
    bias -= (learningRate * gb) / rows.length;
  }
  return { weights: Float32Array.from(weights), bias };
}

/** Share of rows whose sign of score matches the label (score > 0 means spam). */
export function bagOfWordsAccuracy(model: BagOfWords, rows: readonly LabelledIds[]): number {
  return rows.filter((r) => (bagOfWordsScore(model, r.ids) > 0 ? 1 : 0) === r.label).length / rows.length;
}
