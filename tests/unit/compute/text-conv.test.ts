import { describe, expect, test } from 'vitest';
import {
  cutNotice,
  filterFromText,
  graphemes,
  oneHot,
  resizeFilter,
  setFilterWeight,
  textConv,
  tokenize,
  vocabulary,
  type TextFilter,
} from '~/compute';

const made = (piece: string): TextFilter => {
  const m = filterFromText(piece);
  if (!m.ok) throw new Error(m.message);
  return m.filter;
};
const valid = { stride: 1, padding: 'valid', dilation: 1 } as const;

describe('tokenize: user-perceived characters, never split', () => {
  test('a family emoji (joiners), a flag, e + combining acute, and Hebrew stay whole', () => {
    expect(graphemes('👨‍👩‍👧🇫🇷e\u0301')).toEqual(['👨‍👩‍👧', '🇫🇷', 'e\u0301']);
    expect(graphemes('שלום')).toEqual(['ש', 'ל', 'ו', 'ם']);
  });
  test('keys fold case and Unicode form: "É", "é" and "e\u0301" share a key', () => {
    const t = tokenize('Ée\u0301é');
    expect(new Set(t.keys).size).toBe(1);
    expect(t.tokens).toHaveLength(3);
  });
  test('HTML is just characters: "<b>" is 3 tokens', () => {
    expect(tokenize('<b>').tokens).toEqual(['<', 'b', '>']);
  });
  test('a 10,000-character paste is cut to the first 80, with a notice saying so', () => {
    const t = tokenize('ab'.repeat(5000));
    expect([t.tokens.length, t.total, t.cut]).toEqual([80, 10000, true]);
    expect(cutNotice(t)).toBe('The text has 10,000 characters; the figure reads the first 80.');
    expect(cutNotice(tokenize('short'))).toBe('');
  });
});

describe('one-hot vectors', () => {
  test('vocabulary in order of first appearance, then the extras not in the text', () => {
    expect(vocabulary(['b', 'a', 'b'], ['a', 'z'])).toEqual(['b', 'a', 'z']);
  });
  test('"aba" over [a, b]: rows [1,0], [0,1], [1,0]', () => {
    expect([...oneHot(['a', 'b', 'a'], ['a', 'b']).data]).toEqual([1, 0, 0, 1, 1, 0]);
  });
});

describe('filters made from text', () => {
  test('"at": a weighs 1 at tap 0, t weighs 1 at tap 1; "aa": a weighs 1 at both', () => {
    expect(made('at').rows).toEqual([
      { key: 'a', taps: [1, 0] },
      { key: 't', taps: [0, 1] },
    ]);
    expect(made('aa').rows).toEqual([{ key: 'a', taps: [1, 1] }]);
  });
  test('1 or 6 characters get a sentence', () => {
    const one = filterFromText('a');
    expect(one.ok ? '' : one.message).toBe(
      'A filter is 2 to 5 characters wide; select 2 to 5 characters ("a" has 1).',
    );
    expect(filterFromText('abcdef').ok).toBe(false);
  });
  test('editing: a weight set to 0 drops its row; resizing cuts taps from the end', () => {
    const f = setFilterWeight(made('at'), 'a', 0, 0);
    expect(f.rows).toEqual([{ key: 't', taps: [0, 1] }]);
    expect(setFilterWeight(f, 'x', 1, 2).rows).toContainEqual({ key: 'x', taps: [0, 2] });
    expect(resizeFilter(made('cat'), 2).rows).toEqual([
      { key: 'c', taps: [1, 0] },
      { key: 'a', taps: [0, 1] },
    ]);
  });
});

describe('textConv: the filter as an n-gram detector, worked by hand', () => {
  test('"at" over "the cat": windows th, he, "e ", " c", ca, at score 0,0,0,0,0,2; the winner is 5', () => {
    const { outputs } = textConv(tokenize('the cat').keys, [made('at')], valid);
    expect([...outputs[0]!.values]).toEqual([0, 0, 0, 0, 0, 2]);
    expect([outputs[0]!.winner, outputs[0]!.max]).toEqual([5, 2]);
  });
  test('"the" over "the the": 3 at positions 0 and 4; the tie goes to the first, 0', () => {
    const { outputs } = textConv(tokenize('the the').keys, [made('the')], valid);
    expect([...outputs[0]!.values]).toEqual([3, 0, 0, 0, 3]);
    expect(outputs[0]!.winner).toBe(0);
  });
  test('bias -1 on "at" over "cat": windows ca, at → -1, 1 ("at" alone is above zero)', () => {
    const f = { ...made('at'), bias: -1 };
    const { outputs, vocab } = textConv(tokenize('cat').keys, [f], valid);
    expect(vocab).toEqual(['c', 'a', 't']);
    expect([...outputs[0]!.values]).toEqual([-1, 1]);
  });
  test('a filter character absent from the text gets a vocabulary row: "zz" over "ab" scores [0]', () => {
    const { outputs, vocab } = textConv(tokenize('ab').keys, [made('zz')], valid);
    expect(vocab).toEqual(['a', 'b', 'z']);
    expect([...outputs[0]!.values]).toEqual([0]);
  });
  test('same padding, stride 2 over "abcde" with "ab": windows ab, cd, "e·" → 2, 0, 0', () => {
    // total padding (3-1)*2 + 2 - 5 = 1, all after; windows start at 0, 2, 4
    const { outputs } = textConv(tokenize('abcde').keys, [made('ab')], {
      ...valid,
      stride: 2,
      padding: 'same',
    });
    expect([...outputs[0]!.values]).toEqual([2, 0, 0]);
  });
  test('dilation 2 over "a_b" with "ab": one window reading a and b (skipping _) → 2', () => {
    const { outputs } = textConv(tokenize('a_b').keys, [made('ab')], { ...valid, dilation: 2 });
    expect([...outputs[0]!.values]).toEqual([2]);
  });
  test('a filter wider than the text: no output, winner -1', () => {
    const { outputs } = textConv(tokenize('ab').keys, [made('abc')], valid);
    expect([outputs[0]!.values.length, outputs[0]!.winner]).toEqual([0, -1]);
  });
});
