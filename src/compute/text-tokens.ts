/**
 * Text → tokens → vectors, for the text-convolution demo. A token is one user-perceived character
 * (a grapheme cluster, found by Intl.Segmenter): an emoji with its modifiers or joiners, a letter
 * with its combining marks, a flag, a letter of a right-to-left script, each stays whole. Tokens
 * are compared by a key: the token in Unicode NFC form and lower case, so "e" + U+0301 and "é"
 * share a row, and so do "T" and "t". Tokens stay plain strings: nothing here is ever HTML.
 */
import { sequence, type Sequence } from './conv1d';

/** How many characters the demo reads; a longer text (a paste) is cut, with a notice. */
export const MAX_TOKENS = 80;

/** How a space is drawn in a token cell or a row label (a bare space would look like nothing). */
export const SPACE_MARK = '␣';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The user-perceived characters of a text, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The key two tokens share when they should share a one-hot row. */
export function tokenKey(token: string): string {
  return token.normalize('NFC').toLowerCase();
}

export interface Tokens {
  /** The characters read, as typed (at most `max`). */
  readonly tokens: string[];
  /** tokenKey of each. */
  readonly keys: string[];
  /** How many characters the whole text had. */
  readonly total: number;
  /** True when the text was longer than `max` and only its start is read. */
  readonly cut: boolean;
}

export function tokenize(text: string, max = MAX_TOKENS): Tokens {
  const all = graphemes(text);
  const tokens = all.slice(0, max);
  return { tokens, keys: tokens.map(tokenKey), total: all.length, cut: all.length > max };
}

/** The sentence shown when a text was cut, or '' when it was not. */
export function cutNotice(t: Tokens): string {
  return t.cut
    ? `The text has ${t.total.toLocaleString('en')} characters; the figure reads the first ${t.tokens.length}.`
    : '';
}

/** Distinct keys in order of first appearance: the text's own, then any `extra` (a filter's) not in it. */
export function vocabulary(keys: readonly string[], extra: readonly string[] = []): string[] {
  return [...new Set([...keys, ...extra])];
}

/** One row per token, one column per vocabulary entry: 1 where the token is that entry, 0 elsewhere. */
export function oneHot(keys: readonly string[], vocab: readonly string[]): Sequence {
  const index = new Map(vocab.map((v, i) => [v, i]));
  const seq = sequence(keys.length, vocab.length);
  keys.forEach((key, t) => {
    const c = index.get(key);
    if (c === undefined) throw new Error(`oneHot: the token ${JSON.stringify(key)} is not in the vocabulary`);
    seq.data[t * vocab.length + c] = 1;
  });
  return seq;
}

/** A token as drawn: a space as SPACE_MARK, anything else as itself. */
export function shownToken(token: string): string {
  return token === ' ' ? SPACE_MARK : token.trim() === '' ? '·' : token;
}
