/**
 * npm run import:jekyll on a copy of the fixture site: what lands on disk, the report, the last
 * line, a dry run that writes nothing, a second run that changes nothing, and an edited post that
 * is only overwritten with --force.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { SITE } from './mdx';

const SCRIPT = resolve('scripts/import-jekyll.ts');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return {
    status: result.status,
    out: result.stdout,
    err: result.stderr,
    last: result.stdout.trim().split('\n').at(-1),
  };
}

/** Every file under `dir` but the report (which says "unchanged" the second time), with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'import-report.md') {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length)] = readFileSync(path).toString('base64');
    }
  }
  return files;
}

test('imports a _posts folder: posts, pictures, report and the closing count; again, nothing changes', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'jekyll-'));
  cpSync(SITE, join(cwd, 'site'), { recursive: true });
  const first = run(cwd, 'site/_posts', '--out', 'posts');
  expect(first.status).toBe(0);
  expect(first.last).toBe('Imported 4 posts; 3 need attention.');
  expect(readdirSync(join(cwd, 'posts')).sort()).toEqual([
    '2016-03-02-edge-detectors',
    '2016-04-10-pooling-notes',
    '2017-01-05-plain-words',
    '2017-02-14-odds-and-ends',
  ]);
  expect(readdirSync(join(cwd, 'posts', '2016-03-02-edge-detectors')).sort()).toEqual([
    'grid.png',
    'index.mdx',
    'kernel.png',
  ]);
  const report = readFileSync(join(cwd, 'import-report.md'), 'utf8');
  expect(report).toContain('| file | line | what | what to do |');
  expect(report).toContain(
    '| site/_posts/2017-01-05-plain-words.md | 9 | picture /assets/img/missing.png not found in the Jekyll site (assets/img/missing.png) | copy it into the post’s folder and link it as ./name.png |',
  );
  const before = snapshot(cwd);
  const second = run(cwd, 'site/_posts', '--out', 'posts');
  expect(second.out).toContain(
    'site/_posts/2016-03-02-edge-detectors.md → posts/2016-03-02-edge-detectors/index.mdx: unchanged',
  );
  expect(Object.keys(before)).toHaveLength(8 + 9); // the site (8 files), four posts with five pictures
  expect(snapshot(cwd)).toEqual(before);
  expect(second.last).toBe('Imported 4 posts; 3 need attention.');
});

test('an edited post is kept unless --force; --dry-run writes nothing', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'jekyll-'));
  cpSync(SITE, join(cwd, 'site'), { recursive: true });
  const dry = run(cwd, 'site/_posts/2017-01-05-plain-words.md', '--out', 'posts', '--dry-run');
  expect(dry.last).toBe('Imported 1 post; 1 needs attention.');
  expect(dry.out).toContain('dry run: nothing written');
  expect(existsSync(join(cwd, 'posts'))).toBe(false);
  expect(existsSync(join(cwd, 'import-report.md'))).toBe(false);

  run(cwd, 'site/_posts/2016-04-10-pooling-notes.markdown', '--out', 'posts');
  const target = join(cwd, 'posts', '2016-04-10-pooling-notes', 'index.mdx');
  writeFileSync(target, 'edited by hand\n');
  const kept = run(cwd, 'site/_posts/2016-04-10-pooling-notes.markdown', '--out', 'posts');
  expect(kept.last).toBe('Imported 0 posts; 1 needs attention.');
  expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
  expect(readFileSync(join(cwd, 'import-report.md'), 'utf8')).toContain(
    'run again with --force to overwrite it',
  );
  const forced = run(cwd, 'site/_posts/2016-04-10-pooling-notes.markdown', '--out', 'posts', '--force');
  expect(forced.last).toBe('Imported 1 post; 0 need attention.');
  expect(readFileSync(target, 'utf8')).toContain('title: "Pooling notes"');
});

test('a wrong option or no input says how to call it', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'jekyll-'));
  const none = run(cwd);
  expect(none.status).toBe(2);
  expect(none.err).toContain('import:jekyll: give a post (.md) or a _posts folder');
  expect(run(cwd, 'x.md', '--fast').err).toContain('unknown option --fast');
});
