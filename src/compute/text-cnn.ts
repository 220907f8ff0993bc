/**
 * The text classifier's executable spec (Kim 2014's shape, small): a subject line's word ids →
 * embedding rows → 1-D convolutions of widths 2, 3 and 4 (conv1d.ts, 'valid') → ReLU → global max
 * pooling → one dense layer → softmax over [ham, spam]. Readable loops over plain arrays; the
 * TensorFlow.js model (tf/text-cnn-model.ts) is tested against it.
 *
 * Pooling: max(ReLU(x)) = ReLU(max x), so each filter keeps ReLU of its best window's score, and
 * that window (the first of equals) is the n-gram the filter "picked". A filter whose best score
 * is below zero is silent: its pooled value is 0 and it pushes nothing.
 *
 * How much each word pushed: with two classes, the spam probability is the logistic function of the
 * spam score d = z_spam − z_ham = b + Σ_j h_j·v_j (h_j the pooled value of filter j, v_j its
 * weight to spam minus its weight to ham, b the bias difference). Filter j's push h_j·v_j is shared
 * equally among the w_j words of its winning window; a word's contribution is the sum of its shares.
 * So the contributions, the bias b and the shares that fell on padding add up to d exactly.
 */
import { conv1d, maxOverTime, sequence, type Sequence } from './conv1d.ts';
import { PAD_ID, UNK_ID } from './text-words.ts';

export interface TextCnnConfig {
  /** Words read per subject (cut or padded to this). */
  readonly length: number;
  /** Ids in the vocabulary, <pad> and <unk> included. */
  readonly vocabSize: number;
  /** Numbers per word vector. */
  readonly embedding: number;
  /** Filter widths, one convolution each, e.g. [2, 3, 4]. */
  readonly widths: readonly number[];
  /** Filters per width. */
  readonly filters: number;
}

export const TEXT_CNN_CLASSES = 2;

export interface TextCnnWeights {
  /** [vocabSize, embedding]: row i is word i's vector. */
  readonly embedding: Float32Array;
  /** One per width: kernel [width, embedding, filters] (conv1d's layout) and bias [filters]. */
  readonly convs: readonly { readonly kernel: Float32Array; readonly bias: Float32Array }[];
  /** kernel [widths.length · filters, 2], bias [2]. */
  readonly dense: { readonly kernel: Float32Array; readonly bias: Float32Array };
}

/** The sizes of every weight array, in model.getWeights() order. */
export function textCnnShapes(c: TextCnnConfig): number[][] {
  return [
    [c.vocabSize, c.embedding],
    ...c.widths.flatMap((w) => [[w, c.embedding, c.filters], [c.filters]]),
    [c.widths.length * c.filters, TEXT_CNN_CLASSES],
    [TEXT_CNN_CLASSES],
  ];
}

export function textCnnWeightList(w: TextCnnWeights): Float32Array[] {
  return [w.embedding, ...w.convs.flatMap((c) => [c.kernel, c.bias]), w.dense.kernel, w.dense.bias];
}

/** Weights from arrays in textCnnShapes order; sizes checked. */
export function textCnnWeightsFromList(c: TextCnnConfig, list: readonly Float32Array[]): TextCnnWeights {
  const shapes = textCnnShapes(c);
  if (list.length !== shapes.length)
    throw new Error(`textCnnWeights: ${list.length} arrays given, the model has ${shapes.length}`);
  shapes.forEach((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    if (list[i]?.length !== size)
      throw new Error(`textCnnWeights: array ${i} holds ${list[i]?.length} values, [${shape}] needs ${size}`);
  });
  const at = (i: number) => list[i] as Float32Array;
  return {
    embedding: at(0),
    convs: c.widths.map((_, k) => ({ kernel: at(1 + 2 * k), bias: at(2 + 2 * k) })),
    dense: { kernel: at(list.length - 2), bias: at(list.length - 1) },
  };
}

/** What one filter did with one subject. */
export interface FilterPick {
  readonly width: number;
  /** Its index in the pooled features (width group · filters + filter). */
  readonly feature: number;
  /** First position of its best window. */
  readonly position: number;
  /** The best window's score, before ReLU. */
  readonly score: number;
  /** ReLU of the score: what the dense layer reads. */
  readonly pooled: number;
  /** pooled × (weight to spam − weight to ham): how far this filter moved the spam score. */
  readonly push: number;
}

export interface TextCnnResult {
  /** [ham, spam], summing to 1. */
  readonly probabilities: [number, number];
  /** z_spam − z_ham: the spam score (log-odds) the probabilities come from. */
  readonly spamScore: number;
  /** The dense layer's bias difference, b_spam − b_ham. */
  readonly bias: number;
  readonly picks: FilterPick[];
  /** One per position of the input: the summed shares of the filters whose window covers it. */
  readonly contributions: Float32Array;
}

/** The ids' embedding rows as a [length, embedding] sequence. */
export function embed(c: TextCnnConfig, w: TextCnnWeights, ids: ArrayLike<number>): Sequence {
  const seq = sequence(ids.length, c.embedding);
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t] as number;
    if (!Number.isInteger(id) || id < 0 || id >= c.vocabSize)
      throw new Error(`embed: id ${id} at position ${t} is not in the vocabulary of ${c.vocabSize}`);
    seq.data.set(w.embedding.subarray(id * c.embedding, (id + 1) * c.embedding), t * c.embedding);
  }
  return seq;
}

/** The whole network on one subject's `length` ids, with each filter's pick and each word's share. */
export function textCnnForward(c: TextCnnConfig, w: TextCnnWeights, ids: ArrayLike<number>): TextCnnResult {
  if (ids.length !== c.length)
    throw new Error(`textCnnForward: ${ids.length} ids given, the model reads ${c.length}`);
  const x = embed(c, w, ids);
  const { kernel, bias } = w.dense;
  const spamWeight = (j: number) =>
    (kernel[j * TEXT_CNN_CLASSES + 1] as number) - (kernel[j * TEXT_CNN_CLASSES] as number);
  const picks: FilterPick[] = [];
  c.widths.forEach((width, g) => {
    const conv = w.convs[g];
    if (conv === undefined) throw new Error(`textCnnForward: no weights for width ${width}`);
    const out = conv1d(
      x,
      { data: conv.kernel, width, inChannels: c.embedding, outChannels: c.filters },
      { bias: conv.bias },
    );
    const best = maxOverTime(out);
    for (let f = 0; f < c.filters; f++) {
      const feature = g * c.filters + f;
      const score = best.values[f] as number;
      const pooled = Math.max(0, score);
      picks.push({
        width,
        feature,
        position: best.positions[f] as number,
        score,
        pooled,
        push: pooled * spamWeight(feature),
      });
    }
  });
  const logits = [0, 1].map((o) => {
    let z = bias[o] as number;
    for (const p of picks) z += p.pooled * (kernel[p.feature * TEXT_CNN_CLASSES + o] as number);
    return z;
  });
  const [zh, zs] = logits as [number, number];
  const m = Math.max(zh, zs);
  const eh = Math.exp(zh - m);
  const es = Math.exp(zs - m);
  const contributions = new Float32Array(c.length);
  for (const p of picks) {
    for (let k = 0; k < p.width; k++) {
      const t = p.position + k;
      contributions[t] = (contributions[t] as number) + p.push / p.width;
    }
  }
  return {
    probabilities: [eh / (eh + es), es / (eh + es)],
    spamScore: zs - zh,
    bias: (bias[1] as number) - (bias[0] as number),
    picks,
    contributions,
  };
}

/** Predicted class of each subject's ids (0 ham, 1 spam; ties go to ham) and the share right. */
export function textCnnAccuracy(
  c: TextCnnConfig,
  w: TextCnnWeights,
  rows: readonly { ids: ArrayLike<number>; label: 0 | 1 }[],
): number {
  if (rows.length === 0) return Number.NaN;
  let right = 0;
  for (const r of rows) {
    const [ham, spam] = textCnnForward(c, w, r.ids).probabilities;
    if ((spam > ham ? 1 : 0) === r.label) right++;
  }
  return right / rows.length;
}

/** The words of a window as the network sees them: <unk> as "?", padding left out. */
export function windowText(
  tokens: readonly string[],
  ids: ArrayLike<number>,
  start: number,
  width: number,
): string {
  const out: string[] = [];
  for (let k = start; k < start + width && k < ids.length; k++) {
    const id = ids[k] as number;
    if (id === PAD_ID) continue;
    out.push(id === UNK_ID ? '?' : (tokens[id] ?? '?'));
  }
  return out.join(' ');
}

export interface NgramScore {
  readonly text: string;
  readonly score: number;
}

/**
 * Each filter's top n-grams over a corpus: for every subject, the window the filter picked and its
 * score; the distinct windows (as windowText), each with its best score, highest first, `k` kept.
 * Windows of padding only, and silent picks (score ≤ 0), are left out.
 */
export function topNgrams(
  c: TextCnnConfig,
  w: TextCnnWeights,
  tokens: readonly string[],
  corpus: readonly ArrayLike<number>[],
  k = 5,
): NgramScore[][] {
  const best = Array.from({ length: c.widths.length * c.filters }, () => new Map<string, number>());
  for (const ids of corpus) {
    for (const p of textCnnForward(c, w, ids).picks) {
      const text = windowText(tokens, ids, p.position, p.width);
      if (text === '' || p.score <= 0) continue;
      const seen = best[p.feature] as Map<string, number>;
      if (p.score > (seen.get(text) ?? -Infinity)) seen.set(text, p.score);
    }
  }
  return best.map((m) =>
    [...m]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, k)
      .map(([text, score]) => ({ text, score })),
  );
}
