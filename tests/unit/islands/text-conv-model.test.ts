/**
 * The text-convolution demo's model: what the reader sees for each kind of input, worked by hand.
 */
import { describe, expect, test } from 'vitest';
import { encodeState, readState } from '~/islands/shared/url-state';
import {
  addFilterFrom,
  checkPrediction,
  EMPTY_MESSAGE,
  initialState,
  textConvCodec,
  typeText,
  view,
  windowTaps,
} from '~/islands/text-conv/model';
import { textConvPropsProblem } from '~/islands/text-conv/props';

const start = initialState({});

describe('the default figure, worked by hand', () => {
  test('"The cat sat on the mat." with "the" (width 3): windows 1 and 16 read "the" and score 3; the first wins', () => {
    const v = view(start);
    const the = v.filters[0]!;
    // 23 characters, width 3, valid: 21 windows. "The" at 0 (case folded), "the" at 15.
    expect(the.values).toHaveLength(21);
    expect([the.values[0], the.values[15], the.winner, the.max]).toEqual([3, 3, 0, 3]);
    expect(the.windows[0]).toBe('The');
  });
  test('"at" (width 2): "at" in cat, sat, mat at 5, 9, 20 score 2; the first, 5, wins', () => {
    const at = view(start).filters[1]!;
    expect([...at.values.entries()].filter(([, x]) => x === 2).map(([t]) => t)).toEqual([5, 9, 20]);
    expect(at.winner).toBe(5);
  });
  test('the window at 3 for "the" reads " ca": space, c, a weigh 0 → products 0, 0, 0', () => {
    const v = view(start);
    const taps = windowTaps(start, v.tokens, v.result, 0, 3);
    expect(taps.map((t) => [t.position, t.token, t.product])).toEqual([
      [3, ' ', 0],
      [4, 'c', 0],
      [5, 'a', 0],
    ]);
  });
});

describe('bad input keeps the last good figure, with a sentence', () => {
  test('empty text: the state is unchanged and the sentence says so', () => {
    const typed = typeText(start, '');
    expect(typed.state).toBe(start);
    expect(typed.message).toBe(EMPTY_MESSAGE);
  });
  test('a 10,000-character paste: the box and the figure keep the first 80, with a notice', () => {
    const typed = typeText(start, 'x'.repeat(10_000));
    expect([typed.draft.length, typed.state.text.length]).toEqual([80, 80]);
    expect(typed.message).toBe('The text has 10,000 characters; the figure reads the first 80.');
  });
  test('a filter wider than the text: no window, a sentence naming the filter', () => {
    const v = view({ ...start, text: 'at' });
    expect(v.filters[0]!.problem).toBe(
      'Filter 1 spans 3 characters but the text has 2: no window fits. Type more, or choose padding “same”.',
    );
    expect(v.filters[1]!.values).toHaveLength(1);
  });
  test('"make a filter" from nothing, or from 6 characters: a sentence, no change', () => {
    expect(addFilterFrom(start, '').message).toMatch(/^Select 2 to 5 characters/);
    expect(addFilterFrom(start, 'abcdef').state).toBe(start);
    const third = addFilterFrom(start, 'mat').state;
    expect(third.filters).toHaveLength(3);
    expect(addFilterFrom(third, 'on').state.filters[2]!.width).toBe(2);
  });
});

describe('predict, then reveal', () => {
  const the = view(start).filters[0]!;
  test('"the" or "1" is right (the first of a tie); "16" is right too, and says the first wins', () => {
    expect(checkPrediction(the, 'the').correct).toBe(true);
    expect(checkPrediction(the, '1').correct).toBe(true);
    expect(checkPrediction(the, '16').feedback).toMatch(/ties with an earlier window/);
  });
  test('a guess longer than the window holds it: "cat" holds "at" (2), right; "she" holds only "he" (0)', () => {
    const at = view(start).filters[1]!;
    expect(checkPrediction(at, 'cat').correct).toBe(true);
    expect(checkPrediction(at, 'she').feedback).toMatch(/^That window scores 0; the most is 2/); // "he" is its only window
  });
  test('"cat" scores less, "xyz" is in no window', () => {
    expect(checkPrediction(the, 'cat').correct).toBe(false);
    expect(checkPrediction(the, 'xyz').feedback).toMatch(/^No window reads “xyz”/);
  });
});

describe('URL state and author props', () => {
  test('a state with emoji text and an edited filter survives the address', () => {
    const s = { ...start, text: 'héllo 👋🏽 שלום', stride: 2, padding: 'same' as const };
    const back = readState(`#textconv-1=${encodeState(textConvCodec, s)}`, 'textconv-1', textConvCodec);
    expect(back).toEqual({ kind: 'ok', state: s });
  });
  test('a bad stride in a link is a sentence, not a broken figure', () => {
    const back = readState('#textconv-1=v:1~t:ab~s:9~p:valid~d:1~f:[]', 'textconv-1', textConvCodec);
    expect(back.kind === 'problem' && back.message).toMatch(/the stride must be 1, 2 or 3/);
  });
  test('author props: empty text and a one-character filter are sentences', () => {
    expect(textConvPropsProblem({ text: '' })).toMatch(/^text must hold at least one character/);
    expect(textConvPropsProblem({ filters: ['a'] })).toBe(
      'filters[0] "a": a filter is made from 2 to 5 characters',
    );
    expect(textConvPropsProblem({ filters: ['the'] })).toBeNull();
  });
});
