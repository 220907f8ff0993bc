/** What the build caches between posts gives each post its own copy: one post's changes never reach another. */
import type { Element } from 'hast';
import { expect, test } from 'vitest';
import { parseBibtex } from '~/lib/bibliography';
import { formatReferences } from '~/lib/format-reference';

const BIB = `@book{lecun1998,
  author = {LeCun, Yann and Bottou, Léon},
  title = {Gradient-based learning},
  year = {1998},
  publisher = {IEEE}
}`;

test('parseBibtex: the same file twice gives equal entries in two separate maps', () => {
  const a = parseBibtex(BIB, 'content/references.bib');
  const b = parseBibtex(BIB, 'content/references.bib');
  expect([...a.keys()]).toEqual(['lecun1998']);
  expect(b).toEqual(a);
  expect(b).not.toBe(a);
  a.delete('lecun1998');
  expect(parseBibtex(BIB, 'content/references.bib').has('lecun1998'), 'a third read still has it').toBe(true);
});

test('parseBibtex: an edited file is parsed again, and a bad one still fails naming the file', () => {
  const edited = BIB.replace('year = {1998}', 'year = {1999}');
  expect(parseBibtex(edited, 'content/references.bib').get('lecun1998')?.issued).toEqual({
    'date-parts': [[1999]],
  });
  expect(() => parseBibtex('@book{broken, title = {x}', 'content/bad.bib')).toThrow(/^content\/bad\.bib: /);
  expect(() => parseBibtex('@book{broken, title = {x}', 'content/bad.bib')).toThrow(/^content\/bad\.bib: /);
});

test('formatReferences: the same list twice gives equal references as separate nodes', () => {
  const entries = [...parseBibtex(BIB, 'content/references.bib').values()];
  const first = formatReferences(entries, 'apa');
  const second = formatReferences(entries, 'apa');
  expect(second).toEqual(first);
  const a = first.get('lecun1998');
  const b = second.get('lecun1998');
  expect(a).toBeDefined();
  expect(b).not.toBe(a);
  // One post's tree changed (a plugin adding a class) leaves the next post's copy as it was.
  (a?.find((n): n is Element => n.type === 'element') ?? ({ properties: {} } as Element)).properties['x'] =
    'y';
  (a as unknown[]).push({ type: 'text', value: 'extra' });
  expect(formatReferences(entries, 'apa').get('lecun1998')).toEqual(b);
  expect(JSON.stringify(b)).toContain('Gradient-based learning');
});
