// npm run bench:build [-- 1,50,100,200]: how the build time grows with the number of posts. Each
// row builds a folder of N posts (copies of the 2017 article: prose, math, citations, a stepper and
// a playground with its build-time figure) with `astro build`, and reports the total, the time per
// post, and the time each post adds beyond the smallest build (the slope). Budget: linear, at most
// 100 ms a post. A benchmark, not a test: run it on a quiet machine.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = 'content/posts/understanding-convolutional-neural-networks';
const COUNTS = (process.argv[2] ?? '1,50,100,200').split(',').map(Number);
const BUDGET_MS = 100;

/** N copies of the article, each its own slug and title, none in a series (parts must be unique). */
function makePosts(count: number): string {
  // Inside the project (.cache/ is ignored): Astro resolves a post's imports from the project root.
  mkdirSync('.cache', { recursive: true });
  const dir = mkdtempSync(join('.cache', 'bench-build-'));
  const source = readFileSync(join(SOURCE, 'index.mdx'), 'utf8');
  for (let i = 1; i <= count; i++) {
    const folder = join(dir, `copy-${i}`);
    cpSync(SOURCE, folder, { recursive: true });
    const text = source
      .replace(/^title: (.*)$/m, (_, title: string) => `title: "Copy ${i}: ${title.replace(/"/g, '')}"`)
      .replace(/^(series|part):.*\n/gm, '');
    writeFileSync(join(folder, 'index.mdx'), text);
  }
  return dir;
}

/** A cold build each time: Astro's content caches remember the last folder's posts. */
function forgetContent(): void {
  for (const cache of ['.astro', 'node_modules/.astro']) rmSync(cache, { recursive: true, force: true });
}

function build(posts: string): number {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-out-'));
  forgetContent();
  const start = performance.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', POSTS_DIR: posts },
  });
  const seconds = (performance.now() - start) / 1000;
  rmSync(outDir, { recursive: true, force: true });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
    throw new Error(`astro build of ${posts} failed (exit ${result.status})`);
  }
  return seconds;
}

const rows: { count: number; seconds: number }[] = [];
for (const count of COUNTS) {
  const posts = makePosts(count);
  try {
    rows.push({ count, seconds: build(posts) });
  } finally {
    rmSync(posts, { recursive: true, force: true });
  }
}

forgetContent(); // the site's own posts again on the next build
const first = rows[0];
console.log(`astro build of N copies of the article (${SOURCE}), one build per row:\n`);
console.log('| posts | build (s) | per post (ms) | each post beyond the first row (ms) |');
console.log('| ----: | --------: | ------------: | ----------------------------------: |');
let worst = 0;
for (const row of rows) {
  const slope =
    first && row.count > first.count
      ? ((row.seconds - first.seconds) * 1000) / (row.count - first.count)
      : NaN;
  if (Number.isFinite(slope)) worst = Math.max(worst, slope);
  console.log(
    `| ${row.count} | ${row.seconds.toFixed(1)} | ${((row.seconds * 1000) / row.count).toFixed(0)} | ${
      Number.isFinite(slope) ? slope.toFixed(0) : '–'
    } |`,
  );
}
console.log(
  `\nEach post adds at most ${worst.toFixed(0)} ms (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? 'within' : 'over'} the budget.`,
);
