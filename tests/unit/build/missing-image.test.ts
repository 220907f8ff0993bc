/**
 * A real `astro build` of a fixture post whose figure file does not exist: the build must fail,
 * naming the post's file, the line, and the missing image.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('a post importing an image that is not there fails the build, naming the file and the image', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'missing-image-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, POSTS_DIR: './tests/fixtures/missing-image', ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, 'the build fails').not.toBe(0);
  expect(output).toContain("Could not resolve './missing.png'");
  expect(output).toContain('tests/fixtures/missing-image/2026-01-01-no-image/index.mdx:11');
}, 150_000);
