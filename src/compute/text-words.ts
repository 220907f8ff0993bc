/**
 * Words for the text classifier: a subject line → tokens → vocabulary ids, deterministic.
 *
 * - Tokens are the text's non-space pieces as Intl.Segmenter's word rules cut them: words
 *   ("don't", "2.99", "café", "שלום") and single marks ("!", "$", an emoji), each lower-cased in
 *   Unicode NFC form (so "FREE" and "free" are one word, and "e" + U+0301 is "é"). A run of the same
 *   mark counts once ("!!!" → "!"). Nothing here is ever HTML: tokens stay plain strings.
 * - The vocabulary lists the training subjects' tokens seen at least `minCount` times, most frequent
 *   first (ties in code-point order), at most `size` of them, after two reserved ids: 0 = <pad>
 *   (the filler after the last word) and 1 = <unk> (any token not in the list).
 * - A subject is read as exactly `length` ids: cut after `length` tokens, padded with <pad> at the end.
 */

export const PAD = '<pad>';
export const UNK = '<unk>';
export const PAD_ID = 0;
export const UNK_ID = 1;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const characters = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The text cut to its first `max` user-perceived characters (an emoji or an accented letter is one),
 * and how many it had. (text-tokens.ts splits the same way; this module stays apart from it so the
 * classifier's code does not share a chunk with the character demo's.)
 */
export function cutCharacters(text: string, max: number): { text: string; total: number } {
  const all = Array.from(characters.segment(text), (s) => s.segment);
  return { text: all.length > max ? all.slice(0, max).join('') : text, total: all.length };
}

/** The tokens of a text, in order (see the module comment). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (segment.trim() === '') continue;
    const token = segment.normalize('NFC').toLowerCase();
    if (!isWordLike && out[out.length - 1] === token) continue;
    out.push(token);
  }
  return out;
}

export interface Vocabulary {
  /** Token of each id: [PAD, UNK, most frequent, …]. */
  readonly tokens: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function vocabularyOf(tokens: readonly string[]): Vocabulary {
  if (tokens[PAD_ID] !== PAD || tokens[UNK_ID] !== UNK) {
    throw new Error(`vocabulary: ids 0 and 1 must be ${PAD} and ${UNK}, got ${tokens[0]} and ${tokens[1]}`);
  }
  const index = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (index.has(t)) throw new Error(`vocabulary: the token ${JSON.stringify(t)} is listed twice`);
    index.set(t, i);
  });
  return { tokens, index };
}

/** The vocabulary of a training set (deterministic: counts, then code-point order). */
export function buildVocabulary(texts: readonly string[], size: number, minCount = 2): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const kept = [...counts]
    .filter(([w, c]) => c >= minCount && w !== PAD && w !== UNK)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, size)
    .map(([w]) => w);
  return vocabularyOf([PAD, UNK, ...kept]);
}

export interface Encoded {
  /** `length` ids: the first tokens' ids, then PAD_ID. */
  readonly ids: Int32Array;
  /** The tokens read (at most `length`), as lower-cased keys. */
  readonly tokens: string[];
  /** How many tokens the whole text had. */
  readonly total: number;
}

export function encode(text: string, vocab: Vocabulary, length: number): Encoded {
  const all = words(text);
  const tokens = all.slice(0, length);
  const ids = new Int32Array(length);
  tokens.forEach((t, i) => (ids[i] = vocab.index.get(t) ?? UNK_ID));
  return { ids, tokens, total: all.length };
}

/**
 * About 90 of the corpus's subjects are sexually explicit (almost all spam). This is a beginner's
 * site, and the classifier shows the n-grams its filters like best, so every subject holding one
 * of these words (as a whole token, any case; "c*ck" is the tokens "c", "*", "ck" and caught by
 * "ck") is left out of the file, in both classes, after the split. Medicine spam ("viagra") stays.
 */
export const EXPLICIT_WORDS: readonly string[] = [
  'adult',
  'babe',
  'babes',
  'ck',
  'cock',
  'cum',
  'erections',
  'erotic',
  'fuck',
  'hardcore',
  'horny',
  'lesbian',
  'naked',
  'nude',
  'orgasm',
  'orgies',
  'penis',
  'porn',
  'pussy',
  'sex',
  'sexy',
  'slut',
  'teen',
  'teens',
  'xxx',
];

const explicit = new Set(EXPLICIT_WORDS);

/** True when the subject holds one of EXPLICIT_WORDS as a token. */
export function isExplicit(subject: string): boolean {
  return words(subject).some((w) => explicit.has(w));
}
