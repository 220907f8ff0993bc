/**
 * The seed article's own Jekyll source imports into a post that carries every paragraph of the
 * seed word for word and in order: the comparison the article's end-to-end test makes on the page
 * (tests/e2e/seed.ts), made here on the imported MDX's paragraphs as MDX parses them.
 */
import { readFileSync } from 'node:fs';
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { expect, test } from 'vitest';
import { convertPost } from '~/lib/jekyll/convert';
import { postSchema } from '~/lib/post-schema';
import { seedParagraphs, seedTitle } from '../../../e2e/seed';
import { readMdx } from './mdx';

const source = readFileSync('tests/fixtures/seed/understanding-cnn.md', 'utf8');
const imported = convertPost({
  source,
  fileName: '2017-01-11-understanding-convolutional-neural-networks.md',
});

test('the imported seed has the seed’s title, and every paragraph word for word and in order', () => {
  const { data, tree } = readMdx(imported.mdx);
  expect(data['title']).toBe(seedTitle);
  const paragraphs = tree.children
    .filter((node): node is Paragraph => node.type === 'paragraph')
    .map((p) => toString(p, { includeImageAlt: false }).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  expect(seedParagraphs.length).toBeGreaterThanOrEqual(2);
  expect(paragraphs).toEqual(seedParagraphs);
});

test('the imported seed’s frontmatter passes the schema, and its two remote pictures are reported', () => {
  const { data } = readMdx(imported.mdx);
  const parsed = postSchema.parse(data);
  expect(parsed.date.toISOString()).toBe('2017-01-11T12:54:47.000Z');
  expect(parsed.comments).toBe(true);
  expect(imported.findings.attention.map((f) => f.line)).toEqual([12, 17]);
});
