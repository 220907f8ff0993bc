/**
 * Which search results really contain the words searched for. Pagefind answers a word it does
 * not know with the indexed words that start like it, however short the shared start: "kernelzzz"
 * finds "kernel" (useful, a typo), but "xyzzyqq" finds the letter "x" (noise). A result is kept
 * when every word of the query shares a real start with a word Pagefind matched in it: at least
 * half the query word, and at least 3 letters (or the whole word, if shorter).
 */

/** Lowercase words of letters and digits, accents stripped: 'preset="sobel-x"' -> preset, sobel, x. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const sharedStart = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** Letters a matched word must share with the start of `term`. */
export const needed = (term: string): number =>
  Math.min(term.length, Math.max(3, Math.ceil(term.length / 2)));

/** True when every word of `query` is really found among `matched` (the words Pagefind matched). */
export function matchesQuery(query: string, matched: readonly string[]): boolean {
  const terms = searchWords(query);
  const words = matched.flatMap(searchWords);
  return (
    terms.length > 0 && terms.every((term) => words.some((word) => sharedStart(term, word) >= needed(term)))
  );
}
