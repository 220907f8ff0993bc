import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseTextModel } from '~/compute/text-cnn-file';
import { checkGuess, signed } from '~/islands/text-classifier/format';
import {
  classifierFromFile,
  classify,
  DEFAULT_TEXT,
  EMPTY_MESSAGE,
  MAX_CHARS,
  typeText,
} from '~/islands/text-classifier/model';
import { staticClassifierFigure } from '~/islands/text-classifier/static-figure';

const model = classifierFromFile(
  parseTextModel(JSON.parse(readFileSync('public/data/text/text-cnn.json', 'utf8'))),
);

describe('classify', () => {
  test('the build-time figure is the live view of the default sentence, number for number', () => {
    expect(staticClassifierFigure(DEFAULT_TEXT).start).toEqual(classify(model, DEFAULT_TEXT));
  });
  test('bias + word shares + padding = spam score; one word view per word read; 24 filters', () => {
    const v = classify(model, 'Re: [ILUG] cheap mortgage rates!!! 👋🏽');
    const sum = v.bias + v.padding + v.words.reduce((a, w) => a + w.value, 0);
    expect(sum).toBeCloseTo(v.spamScore, 4);
    expect(v.words.map((w) => w.text)).toEqual([
      're',
      ':',
      '[',
      'ilug',
      ']',
      'cheap',
      'mortgage',
      'rates',
      '!',
      '👋🏽',
    ]);
    expect(v.words.at(-1)?.known).toBe(false);
    expect(v.filters).toHaveLength(24);
    expect(v.probabilities[0] + v.probabilities[1]).toBeCloseTo(1, 6);
  });
});

describe('typeText', () => {
  test('empty or blank text: a sentence, and no text (the last good one stays)', () => {
    expect(typeText('', 20)).toEqual({ draft: '', text: null, message: EMPTY_MESSAGE, tone: 'error' });
    expect(typeText('   ', 20).text).toBeNull();
  });
  test('a 10,000-character paste is cut to MAX_CHARS, with the count', () => {
    const t = typeText('a'.repeat(10_000), 20);
    expect(t.draft).toHaveLength(MAX_CHARS);
    expect(t.message).toContain('10,000 characters');
  });
  test('emoji with a skin tone are never cut in half', () => {
    const t = typeText('👋🏽'.repeat(250), 20);
    expect(t.draft).toBe('👋🏽'.repeat(MAX_CHARS));
  });
  test('more words than the network reads, and HTML, each get a sentence', () => {
    expect(typeText('a '.repeat(30), 20).message).toContain('first 20 of its 30 words');
    expect(typeText('<b>free</b>', 20).message).toContain('plain text');
  });
});

test('signed numbers', () => {
  expect([signed(0.424), signed(-0.18), signed(0.001)]).toEqual(['+0.42', '−0.18', '0.00']);
});

test('the predict question: a guess within 15 points is right; nonsense gets a sentence', () => {
  expect(checkGuess('40', 0.5).correct).toBe(true);
  expect(checkGuess('90%', 0.5).correct).toBe(false);
  expect(checkGuess('lots', 0.5).feedback).toContain('percentage');
});
