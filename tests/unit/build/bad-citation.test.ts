/**
 * A real `astro build` of a fixture post that cites an unknown key: the build must fail, and say
 * which file, which line and which key, and what to do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('a post citing an unknown key fails the build, naming the file, the line and the key', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bad-build-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, POSTS_DIR: './tests/fixtures/bad-citation', ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, 'the build fails').not.toBe(0);
  expect(output).toContain(
    'tests/fixtures/bad-citation/bad-key/index.mdx:7: the citation key "goodfelow2016" is not in the bibliography. ' +
      'Add an entry with that key to content/references.bib',
  );
}, 150_000);
