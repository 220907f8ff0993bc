import { expect, test } from 'vitest';
import { matchesQuery, searchWords } from '~/lib/search-match';

test('words: punctuation and markup split words; accents and case do not matter', () => {
  expect(searchWords('preset="Sobel-x", Café')).toEqual(['preset', 'sobel', 'x', 'cafe']);
});

test.each([
  ['kernel', ['kernel,', 'kernels'], true],
  ['kernelzzz', ['kernel'], true], // a typo: 6 of 9 letters shared
  ['xyzzyqq', ['X.', 'x'], false], // Pagefind's answer to nonsense: one letter
  ['x', ['x,'], true], // a one-letter query wants that letter
  ['sobel', ['sobel-x,', 'Sobel'], true],
  ['pool', ['pooling'], true],
  ['pooling xyzzyqq', ['pooling', 'x'], false], // every word must be found
  ['weird combination', ['weird', 'combination'], true],
  ['', ['anything'], false],
])('%s in %j: %s', (query, matched, expected) => {
  expect(matchesQuery(query, matched)).toBe(expected);
});
