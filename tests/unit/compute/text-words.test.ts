import { describe, expect, test } from 'vitest';
import { buildVocabulary, encode, isExplicit, vocabularyOf, words } from '~/compute/text-words';
import { bagOfWordsScore, majorityBaseline, trainBagOfWords } from '~/compute/text-baseline';
import { dequantise, quantise } from '~/compute/text-cnn-file';

describe('words', () => {
  test('lower-cased words and marks; a run of one mark counts once', () => {
    expect(words('FREE!!! Get $2.99 now')).toEqual(['free', '!', 'get', '$', '2.99', 'now']);
  });
  test('combining marks, emoji and right-to-left words stay whole; NFC makes e + U+0301 "é"', () => {
    expect(words('cafe\u0301 👋🏽 שלום')).toEqual(['café', '👋🏽', 'שלום']);
  });
  test('HTML is just marks and words', () => {
    expect(words('<b>hi</b>')).toEqual(['<', 'b', '>', 'hi', '<', '/', 'b', '>']);
  });
  test('empty and blank text have no words', () => {
    expect(words('')).toEqual([]);
    expect(words('   \n')).toEqual([]);
  });
});

describe('vocabulary', () => {
  // counts: b 3, a 2, c 2, d 1
  const v = buildVocabulary(['a b b', 'b c', 'c a d'], 10, 2);
  test('<pad>, <unk>, then words seen twice or more, most frequent first, ties in code-point order', () => {
    expect(v.tokens).toEqual(['<pad>', '<unk>', 'b', 'a', 'c']);
  });
  test('size caps the list', () => {
    expect(buildVocabulary(['a b b', 'b c', 'c a d'], 1, 2).tokens).toEqual(['<pad>', '<unk>', 'b']);
  });
  test('encode: unknown words are 1, padding 0, long text cut', () => {
    expect([...encode('B z a', v, 5).ids]).toEqual([2, 1, 3, 0, 0]);
    const long = encode('a b c a b c', v, 4);
    expect([...long.ids]).toEqual([3, 2, 4, 3]);
    expect(long.total).toBe(6);
    expect(long.tokens).toEqual(['a', 'b', 'c', 'a']);
  });
  test('a list without <pad> and <unk> first is refused', () => {
    expect(() => vocabularyOf(['a', 'b'])).toThrow('ids 0 and 1 must be <pad> and <unk>');
  });
});

describe('baselines', () => {
  const rows = [
    { ids: [2, 0], label: 1 as const },
    { ids: [3, 0], label: 0 as const },
    { ids: [3, 3], label: 0 as const },
  ];
  test('majority: 2 of 3 training rows are ham, so ham; right on 1 of 2 test rows', () => {
    expect(majorityBaseline(rows, [rows[0]!, rows[1]!])).toEqual({ label: 0, accuracy: 0.5 });
  });
  test('bag of words, one step by hand: from 0, P = ½; the gradient of "win" is (½ − 1)/2 = −¼', () => {
    const two = rows.slice(0, 2);
    const m = trainBagOfWords(two, 4, { steps: 1, learningRate: 1, l2: 0 });
    expect(m.weights[2]).toBeCloseTo(0.25, 6);
    expect(m.weights[3]).toBeCloseTo(-0.25, 6);
    expect(m.bias).toBeCloseTo(0, 6);
    // a word counts once however often it appears
    expect(bagOfWordsScore(m, [3, 3])).toBeCloseTo(-0.25, 6);
  });
});

describe('the shipped file', () => {
  test('8-bit weights: scale = max|w|/127, round(w/scale)', () => {
    const q = quantise(Float32Array.of(0.5, -1, 0.25));
    expect(q.scale).toBeCloseTo(1 / 127, 9);
    expect([...dequantise(q)].map((v) => Math.round(v * 127))).toEqual([64, -127, 32]);
  });
  test('long arrays survive the base64 round trip', () => {
    const values = Float32Array.from({ length: 20000 }, (_, i) => ((i % 255) - 127) / 127);
    const back = dequantise(quantise(values));
    expect(back.length).toBe(20000);
    back.forEach((v, i) => expect(Math.abs(v - (values[i] as number))).toBeLessThan(1e-6));
  });
  test('explicit subjects are found by whole words', () => {
    expect(isExplicit('Free Adult Videos')).toBe(true);
    expect(isExplicit('a 31 inch C*ck')).toBe(true);
    expect(isExplicit('Adultery in the news')).toBe(false);
    expect(isExplicit('Herbal Viagra 30 day trial')).toBe(false);
  });
});
