/**
 * The text classifier's view: what the figure shows for one subject line, as a pure function of the
 * weights and the text (src/compute's reference forward pass). The .astro wrapper calls it at build
 * time for the static figure, the island on every keystroke: one function, two call sites, the
 * same numbers. Pure: tested in Node.
 */
import {
  textCnnForward,
  textCnnWeightsFromList,
  windowText,
  type NgramScore,
  type TextCnnConfig,
  type TextCnnWeights,
} from '../../compute/text-cnn';
import { dequantise, type TextModelFile } from '../../compute/text-cnn-file';
import { cutCharacters, encode, vocabularyOf, words, type Vocabulary } from '../../compute/text-words';

/** How many characters the box reads; a longer paste is cut, with a notice. */
export const MAX_CHARS = 200;
export const DEFAULT_TEXT = 'Make $500 a week from home, free!';
/** How many of each filter's top n-grams over the corpus are shown. */
export const TOP_SHOWN = 3;

export interface Classifier {
  readonly config: TextCnnConfig;
  readonly vocab: Vocabulary;
  readonly weights: TextCnnWeights;
  /** Per filter: its top n-grams over the training subjects, for these weights. */
  readonly topNgrams: readonly (readonly NgramScore[])[];
}

export function classifierFromFile(file: TextModelFile): Classifier {
  return {
    config: file.config,
    vocab: vocabularyOf(file.vocabulary),
    weights: textCnnWeightsFromList(file.config, file.weights.map(dequantise)),
    topNgrams: file.topNgrams,
  };
}

export interface WordView {
  /** As typed (lower case). */
  readonly text: string;
  /** False when the word is not in the vocabulary (it reads as <unk>). */
  readonly known: boolean;
  /** Its share of the spam score (see src/compute/text-cnn.ts). */
  readonly value: number;
}

export interface FilterView {
  /** 0-based, width 2's filters first. */
  readonly index: number;
  readonly width: number;
  /** Its best window in this subject ('' when that window is padding only). */
  readonly pick: string;
  readonly score: number;
  readonly pooled: number;
  readonly push: number;
  readonly top: readonly NgramScore[];
}

export interface ClassifierView {
  readonly text: string;
  /** [not spam, spam]. */
  readonly probabilities: readonly [number, number];
  readonly spamScore: number;
  readonly bias: number;
  /** Shares that fell on the padding after the last word. */
  readonly padding: number;
  readonly words: readonly WordView[];
  /** How many words the text has (only the first config.length are read). */
  readonly totalWords: number;
  readonly filters: readonly FilterView[];
}

export function classify(model: Classifier, text: string): ClassifierView {
  const { config, vocab, weights } = model;
  const encoded = encode(text, vocab, config.length);
  const r = textCnnForward(config, weights, encoded.ids);
  const contributions = [...r.contributions];
  const read = encoded.tokens.length;
  return {
    text,
    probabilities: r.probabilities,
    spamScore: r.spamScore,
    bias: r.bias,
    padding: contributions.slice(read).reduce((a, b) => a + b, 0),
    words: encoded.tokens.map((t, i) => ({
      text: t,
      known: vocab.index.has(t),
      value: contributions[i] as number,
    })),
    totalWords: encoded.total,
    filters: r.picks.map((p) => ({
      index: p.feature,
      width: p.width,
      pick: windowText(vocab.tokens, encoded.ids, p.position, p.width),
      score: p.score,
      pooled: p.pooled,
      push: p.push,
      top: (model.topNgrams[p.feature] ?? []).slice(0, TOP_SHOWN),
    })),
  };
}

export interface Typed {
  /** What the box should hold (the cut text after a long paste). */
  readonly draft: string;
  /** The text to classify, or null to keep the last good one. */
  readonly text: string | null;
  readonly message: string;
  readonly tone: 'error' | 'notice';
}

export const EMPTY_MESSAGE =
  'Type a subject line: this one has no words, so the figure still shows the last one that had.';

/** What a keystroke (or a paste) does: bad input gets a sentence, and the last good text stays. */
export function typeText(draft: string, length: number): Typed {
  const { text, total } = cutCharacters(draft, MAX_CHARS);
  const cut = total > MAX_CHARS;
  const count = words(text).length;
  if (count === 0) return { draft: text, text: null, message: EMPTY_MESSAGE, tone: 'error' };
  const notes: string[] = [];
  if (cut)
    notes.push(
      `The text had ${total.toLocaleString('en')} characters; the box keeps the first ${MAX_CHARS}.`,
    );
  if (count > length) notes.push(`The network reads the first ${length} of its ${count} words.`);
  if (/<\/?[a-z!]/i.test(text)) notes.push('Tags are plain text here: nothing typed is run as HTML.');
  return { draft: text, text, message: notes.join(' '), tone: 'notice' };
}
