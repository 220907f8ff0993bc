/** Test helpers: run the importer on a fixture, and read its output the way the site's MDX does. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import { convertPost, type ConvertOutput } from '~/lib/jekyll/convert';

export const SITE = 'tests/fixtures/jekyll/site';

/** Imports one post of the fixture site, as the CLI would (pictures resolved in the site). */
export function importFixture(name: string): ConvertOutput {
  const file = join(SITE, '_posts', name);
  return convertPost({
    source: readFileSync(file, 'utf8'),
    fileName: basename(file),
    postDir: '_posts',
    exists: (path) => existsSync(join(SITE, path)),
  });
}

/** The frontmatter as YAML reads it, and the body as MDX (with GFM and math) parses it: throws where MDX would. */
export function readMdx(mdx: string): { data: Record<string, unknown>; tree: Root; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('no frontmatter');
  const body = mdx.slice(match[0].length);
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(body);
  return { data: parse(match[1] ?? '') as Record<string, unknown>, tree, body };
}
