import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dequantise, parseTextModel } from '~/compute/text-cnn-file';
import { textCnnAccuracy, textCnnWeightsFromList } from '~/compute/text-cnn';
import { parseSubjects } from '~/compute/text-data';
import { encodeSet, labelledRows } from '~/compute/text-training';
import { buildVocabulary, vocabularyOf } from '~/compute/text-words';

const file = parseTextModel(JSON.parse(readFileSync('public/data/text/text-cnn.json', 'utf8')));
const subjects = parseSubjects(JSON.parse(readFileSync('public/data/text/subjects.json', 'utf8')));

describe('public/data/text/text-cnn.json', () => {
  test('its vocabulary is the one the training subjects give (2,000 words seen twice or more)', () => {
    expect(file.vocabulary).toEqual(
      buildVocabulary(
        subjects.train.map((r) => r[0]),
        2000,
      ).tokens,
    );
  });
  test("its held-out accuracy is what the reference measures on its 8-bit weights; it beats the baselines' it states", () => {
    const weights = textCnnWeightsFromList(file.config, file.weights.map(dequantise));
    const test = labelledRows(
      encodeSet(subjects.test, vocabularyOf(file.vocabulary), file.config.length),
      file.config.length,
    );
    expect(test).toHaveLength(file.accuracy.heldOut);
    expect(textCnnAccuracy(file.config, weights, test)).toBe(file.accuracy.model);
    expect(file.accuracy.model).toBeGreaterThan(file.accuracy.majority);
  });
  test('no explicit word reaches the top n-grams', () => {
    const shown = file.topNgrams
      .flat()
      .map((n) => n.text)
      .join(' ');
    expect(shown).not.toMatch(/\b(sex|porn|adult|xxx|nude)\b/);
  });
});
