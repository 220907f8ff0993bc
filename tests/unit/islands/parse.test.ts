import { describe, expect, test } from 'vitest';
import { parseCell, readDraft } from '~/islands/shared/parse';

describe('readDraft: what a reader is typing', () => {
  test.each(['', '-', '−', '+', '.', '-.', '1e', '1e-', ' - '])('%j is a draft, not an error', (text) => {
    expect(readDraft(text)).toEqual({ kind: 'draft' });
  });
  test.each([
    ['1.', 1],
    ['-1', -1],
    ['−2.5', -2.5],
    ['0,5', 0.5],
    ['1e2', 100],
  ])('%j is already the number %d', (text, value) => {
    expect(readDraft(text)).toEqual({ kind: 'value', value });
  });
  test.each(['abc', '1-', '--1', '1.2.3', '1e308', 'NaN'])('%j is an error with a sentence', (text) => {
    const read = readDraft(text);
    expect(read.kind).toBe('error');
    if (read.kind === 'error') expect(read.message).toBe((parseCell(text) as { message: string }).message);
  });
  test('a draft committed as is gets parseCell’s sentence', () => {
    expect(parseCell('-')).toEqual({
      ok: false,
      message:
        '“-” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.',
    });
    expect(parseCell('')).toEqual({
      ok: false,
      message: 'A cell cannot be empty: type a number, such as 0.',
    });
  });
});
