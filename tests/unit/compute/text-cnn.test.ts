import { describe, expect, test } from 'vitest';
import {
  textCnnForward,
  textCnnWeightsFromList,
  topNgrams,
  windowText,
  type TextCnnConfig,
} from '~/compute/text-cnn';
import { randomArray } from './random';

// A hand-worked network: vocabulary <pad> <unk> free money hi, one number per word
// (0, 0, 1, 2, −1), one filter of width 2 that adds its two words' numbers (weights 1, 1) with bias −1,
// and a dense layer that reads the pooled value with weight 0 for ham and 1 for spam, biases 0 and 0.5.
const tokens = ['<pad>', '<unk>', 'free', 'money', 'hi'];
const tiny: TextCnnConfig = { length: 4, vocabSize: 5, embedding: 1, widths: [2], filters: 1 };
const tinyWeights = textCnnWeightsFromList(tiny, [
  Float32Array.of(0, 0, 1, 2, -1),
  Float32Array.of(1, 1),
  Float32Array.of(-1),
  Float32Array.of(0, 1),
  Float32Array.of(0, 0.5),
]);

describe('textCnnForward, worked by hand', () => {
  test('"free money hi" (ids 2 3 4 0): windows score 1+2−1=2, 2−1−1=0, −1+0−1=−2; "free money" wins', () => {
    const r = textCnnForward(tiny, tinyWeights, [2, 3, 4, 0]);
    expect(r.picks).toHaveLength(1);
    const pick = r.picks[0]!;
    expect(pick.position).toBe(0);
    expect(pick.score).toBe(2);
    expect(pick.pooled).toBe(2);
    // push = pooled × (spam weight 1 − ham weight 0) = 2
    expect(pick.push).toBe(2);
    // logits: ham 0, spam 2·1 + 0.5 = 2.5; P(spam) = 1 / (1 + e^−2.5) = 0.9241418
    expect(r.spamScore).toBeCloseTo(2.5, 6);
    expect(r.bias).toBeCloseTo(0.5, 6);
    expect(r.probabilities[1]).toBeCloseTo(0.9241418, 6);
    expect(r.probabilities[0]).toBeCloseTo(0.0758582, 6);
    // the push of 2 is shared by the window's two words: 1 each; "hi" and the padding get nothing
    expect([...r.contributions]).toEqual([1, 1, 0, 0]);
  });

  test('"hi hi" (ids 4 4 0 0): every window is below zero, so the filter is silent and P(spam) comes from the bias alone', () => {
    const r = textCnnForward(tiny, tinyWeights, [4, 4, 0, 0]);
    // windows: −1−1−1 = −3, −1+0−1 = −2, 0+0−1 = −1: the best is the last, −1, and ReLU makes it 0
    expect(r.picks[0]!.score).toBe(-1);
    expect(r.picks[0]!.position).toBe(2);
    expect(r.picks[0]!.pooled).toBe(0);
    expect(r.spamScore).toBeCloseTo(0.5, 6);
    expect([...r.contributions]).toEqual([0, 0, 0, 0]);
  });

  test('ties: "money money money" (3 3 3 0) scores 3, 3, 1; the first window wins', () => {
    const r = textCnnForward(tiny, tinyWeights, [3, 3, 3, 0]);
    expect(r.picks[0]!.position).toBe(0);
    expect(r.picks[0]!.score).toBe(3);
  });

  test('a wrong number of ids, or an id outside the vocabulary, is named', () => {
    expect(() => textCnnForward(tiny, tinyWeights, [2, 3])).toThrow('2 ids given, the model reads 4');
    expect(() => textCnnForward(tiny, tinyWeights, [2, 9, 0, 0])).toThrow('id 9 at position 1');
  });
});

describe('contributions add up to the spam score', () => {
  const config: TextCnnConfig = { length: 12, vocabSize: 30, embedding: 5, widths: [2, 3, 4], filters: 3 };
  const shapes = [30 * 5, 2 * 5 * 3, 3, 3 * 5 * 3, 3, 4 * 5 * 3, 3, 9 * 2, 2];
  const weights = textCnnWeightsFromList(
    config,
    shapes.map((n, i) => randomArray(n, 100 + i)),
  );
  test.each([1, 2, 3, 4, 5])(
    'random subject %i: bias + Σ word shares = z_spam − z_ham, and P = logistic(score)',
    (s) => {
      const ids = Array.from(randomArray(12, s), (v) => Math.floor((v + 1) * 15));
      const r = textCnnForward(config, weights, ids);
      const sum = r.bias + [...r.contributions].reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(r.spamScore, 5);
      expect(r.probabilities[1]).toBeCloseTo(1 / (1 + Math.exp(-r.spamScore)), 6);
      expect(r.picks).toHaveLength(9);
    },
  );
});

describe('n-grams', () => {
  test('windowText shows <unk> as "?" and leaves padding out', () => {
    expect(windowText(tokens, [2, 1, 0, 0], 0, 2)).toBe('free ?');
    expect(windowText(tokens, [2, 1, 0, 0], 1, 3)).toBe('?');
    expect(windowText(tokens, [2, 1, 0, 0], 2, 2)).toBe('');
  });

  test('topNgrams: "money money" (3) above "free money" (2); silent picks are left out', () => {
    // "free money hi": best window "free money", 2. "money money": 2+2−1 = 3. "hi hi": silent.
    const top = topNgrams(tiny, tinyWeights, tokens, [
      [2, 3, 4, 0],
      [3, 3, 0, 0],
      [4, 4, 0, 0],
    ]);
    expect(top).toEqual([
      [
        { text: 'money money', score: 3 },
        { text: 'free money', score: 2 },
      ],
    ]);
  });
});
