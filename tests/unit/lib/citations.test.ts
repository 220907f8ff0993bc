import { describe, expect, test } from 'vitest';
import { CitationRegistry, splitCitations } from '~/lib/citations';

describe('splitCitations', () => {
  test('text with one marker', () => {
    expect(splitCitations('as shown [@goodfellow2016].')).toEqual([
      { kind: 'text', value: 'as shown ' },
      { kind: 'cite', works: [{ key: 'goodfellow2016' }], raw: '[@goodfellow2016]' },
      { kind: 'text', value: '.' },
    ]);
  });
  test('a locator and several works', () => {
    expect(splitCitations('[@a, ch. 9; @b]')).toEqual([
      { kind: 'cite', works: [{ key: 'a', locator: 'ch. 9' }, { key: 'b' }], raw: '[@a, ch. 9; @b]' },
    ]);
  });
  test('plain brackets are left alone', () => {
    expect(splitCitations('a [link] and [1]')).toEqual([{ kind: 'text', value: 'a [link] and [1]' }]);
  });
  test('a marker it cannot read is an error, not a silent "?"', () => {
    expect(() => splitCitations('see [@a; b]')).toThrowErrorMatchingInlineSnapshot(
      `[Error: the citation [@a; b] is not of the form [@key], [@key, locator] or [@key1; @key2]]`,
    );
  });
});

describe('CitationRegistry', () => {
  test('numbers follow first citation; every citing place gets its own anchor', () => {
    const r = new CitationRegistry();
    expect(r.cite('b')).toEqual({ number: 1, anchor: 'cite-b-1' });
    expect(r.cite('a')).toEqual({ number: 2, anchor: 'cite-a-1' });
    expect(r.cite('b')).toEqual({ number: 1, anchor: 'cite-b-2' });
    expect(r.entries()).toEqual([
      { key: 'b', number: 1, anchors: ['cite-b-1', 'cite-b-2'] },
      { key: 'a', number: 2, anchors: ['cite-a-1'] },
    ]);
  });
});
