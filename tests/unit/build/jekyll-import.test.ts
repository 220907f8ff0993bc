/**
 * A real `astro build` of what the importer makes of the fixture Jekyll site and the seed article:
 * every imported post builds once the hosts of its pictures from other sites are allowed (until
 * then the build names them), its pictures are processed, its math is typeset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('the imported fixture posts and seed build into pages with their pictures and math', () => {
  const posts = mkdtempSync(join(tmpdir(), 'imported-'));
  const imported = spawnSync(
    process.execPath,
    [
      resolve('scripts/import-jekyll.ts'),
      'tests/fixtures/jekyll/site',
      'tests/fixtures/seed/understanding-cnn.md',
      '--out',
      posts,
      '--report',
      join(posts, '..', 'import-report.md'),
    ],
    { encoding: 'utf8' },
  );
  expect(imported.stdout.trim().split('\n').at(-1)).toBe('Imported 5 posts; 4 need attention.');
  // The imports keep their pictures and frames from other sites (reported): the build names them...
  const blocked = astroBuild({ POSTS_DIR: posts, EMBED_HOSTS: '' });
  expect(blocked.status, 'pictures from other sites fail the build').not.toBe(0);
  expect(blocked.output).toMatch(/index\.mdx:\d+: the picture https:\/\/\S+ is on another site \([\w.-]+\)/);
  // ...until their hosts are allowed.
  const hosts = 'example.org,www.youtube.com,adeshpande3.github.io,ujwlkarn.files.wordpress.com';
  const { status, output, outDir } = astroBuild({ POSTS_DIR: posts, EMBED_HOSTS: hosts });
  expect(status, output.slice(-2000)).toBe(0);
  const edge = readFileSync(join(outDir, 'edge-detectors', 'index.html'), 'utf8');
  const has = (pattern: RegExp | string) =>
    typeof pattern === 'string' ? edge.includes(pattern) : pattern.test(edge);
  expect(
    has(/<img src="\/_astro\/kernel\.[\w-]+\.webp"[^>]* alt="A kernel"/),
    'the Markdown picture is processed',
  ).toBe(true);
  expect(
    has(/<img src="\/_astro\/grid\.[\w-]+\.png" width="300" alt="A grid"/),
    'the <img> picture is bundled',
  ).toBe(true);
  expect(has('class="katex-display"'), 'display math is typeset').toBe(true);
  // "<" as any of HTML's escapes for it (the page shows "Jekyll <3" either way).
  expect(
    has(/Jekyll (&lt;|&#x3C;|&#60;)3 kernels, and a budget of \$5 buys none\./i),
    'prose keeps its < and $',
  ).toBe(true);
  expect(existsSync(join(outDir, 'understanding-cnn', 'index.html')), 'the seed is a page').toBe(true);
}, 200_000);
