/**
 * A real build with giscus configured (the four GISCUS_* variables), then the postbuild CSP step:
 * the post that asks for comments gets the comments section and a policy admitting giscus.app;
 * the post that does not gets neither. (The default build, with no variables, is what every e2e
 * test runs on: there, no page has comments.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('with giscus configured, only posts with comments: true get comments and a CSP that admits giscus', () => {
  const { status, output, outDir } = astroBuild({
    GISCUS_REPO: 'example/convolutions',
    GISCUS_REPO_ID: 'R_test',
    GISCUS_CATEGORY: 'Comments',
    GISCUS_CATEGORY_ID: 'DIC_test',
  });
  expect(status, `the build succeeds:\n${output}`).toBe(0);
  const csp = spawnSync(process.execPath, ['scripts/csp.ts', outDir], { encoding: 'utf8' });
  expect(csp.status, csp.stderr).toBe(0);

  const seed = readFileSync(join(outDir, 'understanding-convolutional-neural-networks/index.html'), 'utf8');
  expect(seed).toContain('<h2 id="comments-heading">Comments</h2>');
  expect(seed).toContain('data-giscus-repo="example/convolutions"');
  expect(seed).toContain('https://github.com/example/convolutions/discussions');
  expect(seed).not.toMatch(/<script[^>]+src="https:\/\/giscus\.app/);
  const policy = /http-equiv="content-security-policy" content="([^"]+)"/.exec(seed)?.[1] ?? '';
  expect(policy).toContain('frame-src https://giscus.app');
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' https:\/\/giscus\.app/);

  const guide = readFileSync(join(outDir, 'writing-a-post/index.html'), 'utf8');
  expect(guide, 'the guide does not ask for comments').not.toContain('comments-heading');
  expect(guide).not.toContain('giscus.app');
}, 300_000);
