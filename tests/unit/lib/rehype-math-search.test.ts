import { rehypeKatex } from '~/lib/rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { readableTex, rehypeMathSearch } from '~/lib/rehype-math-search';

test.each([
  ['I', 'I'],
  ['d', 'd'],
  ['k \\times k \\times C', 'k × k × C'],
  ['o = \\left\\lfloor \\frac{i + 2p - k}{s} \\right\\rfloor + 1', 'o = ⌊ (i + 2p - k) / s ⌋ + 1'],
  ['\\mathrm{ReLU}(x) = \\max(0, x)', 'ReLU(x) = max(0, x)'],
  ['p_\\text{before} + p_\\text{after}', 'p before + p after'],
  [
    'S(i, j) = \\sum_{m} \\sum_{n} I(i + m,\\, j + n)\\, K(m, n)',
    'S(i, j) = sum m sum n I(i + m, j + n) K(m, n)',
  ],
  ['\\frac{1}{4}', '1 / 4'],
])('readableTex %s', (tex, text) => {
  expect(readableTex(tex)).toBe(text);
});

test('rehype-math-search: every formula carries its readable text for Pagefind to index', () => {
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex)
      .use(rehypeMathSearch)
      .use(rehypeStringify)
      .processSync('An image $I$ and a kernel $K$.\n\n$$\n\\frac{a}{b}\n$$\n'),
  );
  const tagged = [
    ...html.matchAll(
      /<span class="katex" data-search-text="([^"]*)" data-pagefind-index-attrs="data-search-text">/g,
    ),
  ];
  expect(tagged.map((m) => m[1])).toEqual(['I', 'K', 'a / b']);
});
