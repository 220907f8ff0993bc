/**
 * A real `astro build` of a post written with Jekyll habits: the build fails before MDX's own
 * "Could not parse expression with acorn", naming each habit with its file and line and what to
 * write instead, all in the one build.
 */
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('a post with Jekyll habits fails the build naming each one, its line, and what to write', () => {
  const { status, output } = astroBuild({ POSTS_DIR: './tests/fixtures/jekyll-habits' });
  expect(status, 'the build fails').not.toBe(0);
  const file = 'tests/fixtures/jekyll-habits/2026-01-01-habits/index.mdx';
  expect(output).toContain(`4 problems MDX cannot read in ${file} (habits from Jekyll and kramdown):`);
  expect(output).toContain(
    `${file}:7: a "<" in a sentence: MDX reads "<" as the start of a tag; write \\< (or &lt;).`,
  );
  expect(output).toContain(
    `${file}:8: a kramdown attribute list, {: …}: MDX reads "{" as the start of JavaScript;`,
  );
  expect(output).toContain(
    `${file}:10: MathJax delimiters, \\\\( … \\\\) or \\\\[ … \\\\]: write $…$ for inline math`,
  );
  expect(output).toContain(
    `${file}:14: a Liquid {% post_url %} tag: write the post’s address instead, /pooling/.`,
  );
  expect(output).not.toContain('Could not parse expression with acorn');
}, 150_000);
