// npm run bench:build [-- 1,50,100,200]: how the build time grows with the number of posts. Each
// row builds a folder of N posts (copies of the 2017 article: prose, math, citations, a stepper and
// a playground with its build-time figure) with `npm run build:astro` (as `npm run build` does),
// then runs the postbuild steps (CSP, Pagefind, link check) on it, and reports the total, the time
// per post, and the time each post adds beyond the smallest build (the slope), in wall-clock time
// and in CPU time (user + system of every process and thread). Each row is the median of RUNS cold
// builds (default 3; the rows take turns, and each run is printed as it ends). Budget: linear, at
// most 100 ms of build time a post. A benchmark, not a test: run it on a quiet machine.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = 'content/posts/understanding-convolutional-neural-networks';
const COUNTS = (process.argv[2] ?? '1,50,100,200').split(',').map(Number);
const BUDGET_MS = 100;
/** Cold builds of each row (RUNS=1 for a quick look). */
const RUNS = Number(process.env.RUNS ?? 3);

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

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds (user + system, every thread and child): steadier than wall time on a busy machine. */
  cpu: number;
}

/** Runs a command under bash's `time`, in the project, with POSTS_DIR set. */
function timed(command: string, posts: string): Timing {
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='@@time %R %U %S'; time ${command}`], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', POSTS_DIR: posts },
    maxBuffer: 256 * 1024 * 1024,
  });
  const match = /@@time ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
    throw new Error(`${command} failed (exit ${result.status})`);
  }
  return { wall: Number(match[1]), cpu: Number(match[2]) + Number(match[3]) };
}

/** `astro build` of the posts, then the postbuild steps of `npm run build` on its output. */
function build(posts: string): { build: Timing; postbuild: Timing } {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-out-'));
  forgetContent();
  try {
    return {
      build: timed(`npm run --silent build:astro -- --outDir ${outDir}`, posts),
      postbuild: timed(
        // The link check does all its work, but fails here: the header links to the authoring
        // guide, which the folder of copies does not hold.
        `node scripts/csp.ts ${outDir} && npx pagefind --site ${outDir} && (node scripts/check-links.ts ${outDir} >/dev/null 2>&1 || true)`,
        posts,
      ),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The median of a few numbers (the middle one; the mean of the middle two). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Every row is built RUNS times, the rows taking turns (1, 50, 100, 200, 1, 50, …), so that a slow
// minute of a shared machine falls on all rows alike; each row reports its median wall and CPU time.
const folders = new Map(COUNTS.map((count) => [count, makePosts(count)]));
const runs = new Map(COUNTS.map((count) => [count, [] as { build: Timing; postbuild: Timing }[]]));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const count of COUNTS) {
      const timing = build(folders.get(count)!);
      runs.get(count)!.push(timing);
      // Each run as it ends, so that a swing shows (the table takes the medians).
      console.error(
        `run ${run + 1}, ${count} posts: build ${timing.build.wall.toFixed(1)} s, CPU ${timing.build.cpu.toFixed(1)} s`,
      );
    }
  }
} finally {
  for (const folder of folders.values()) rmSync(folder, { recursive: true, force: true });
}
const rows = COUNTS.map((count) => {
  const all = runs.get(count)!;
  const mid = (pick: (r: (typeof all)[number]) => number) => median(all.map(pick));
  return {
    count,
    build: { wall: mid((r) => r.build.wall), cpu: mid((r) => r.build.cpu) },
    postbuild: { wall: mid((r) => r.postbuild.wall), cpu: mid((r) => r.postbuild.cpu) },
  };
});

forgetContent(); // the site's own posts again on the next build
const first = rows[0];
/** Milliseconds each post adds beyond the first row. */
const slope = (row: (typeof rows)[number], pick: (r: (typeof rows)[number]) => number): number =>
  first && row.count > first.count ? ((pick(row) - pick(first)) * 1000) / (row.count - first.count) : NaN;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
console.log(
  `astro build of N copies of the article (${SOURCE}), cold, then postbuild; the median of ${RUNS} runs of each row:\n`,
);
console.log(
  '| posts | build (s) | build CPU (s) | per post (ms) | each post beyond the first row (ms) | same, CPU (ms) | postbuild (s) | postbuild, each post beyond the first (ms) |',
);
console.log(
  '| ----: | --------: | ------------: | ------------: | ----------------------------------: | -------------: | ------------: | -----------------------------------------: |',
);
// Judged on wall time, the time an author waits for the build (each row the median of RUNS runs);
// CPU time is reported beside it: sharp and V8's collector work on a second core meanwhile, so on
// a one-core machine a build would take about its CPU time.
let worst = 0;
let worstCpu = 0;
for (const row of rows) {
  const wall = slope(row, (r) => r.build.wall);
  const cpu = slope(row, (r) => r.build.cpu);
  if (Number.isFinite(wall)) worst = Math.max(worst, wall);
  if (Number.isFinite(cpu)) worstCpu = Math.max(worstCpu, cpu);
  console.log(
    `| ${row.count} | ${row.build.wall.toFixed(1)} | ${row.build.cpu.toFixed(1)} | ${((row.build.wall * 1000) / row.count).toFixed(0)} | ${ms(wall)} | ${ms(cpu)} | ${row.postbuild.wall.toFixed(1)} | ${ms(slope(row, (r) => r.postbuild.wall))} |`,
  );
}
console.log(
  `\nEach post adds at most ${worst.toFixed(0)} ms of build time (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? 'within' : 'over'} the budget. In CPU time, at most ${worstCpu.toFixed(0)} ms.`,
);
