/**
 * npm run bench:import: how long `npm run import:jekyll` takes for 60 posts (the budget:
 * 10 s). Makes a Jekyll site in a temporary folder from the fixture posts and the seed article
 * (60 posts, each with a new date and slug, with their pictures), runs the importer's CLI on its
 * _posts folder three times into fresh folders, and prints a markdown table (median of the runs).
 * A report, not a test: it exits 1 only when the median is over the budget.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { convertPost } from '../src/lib/jekyll/convert.ts';

const POSTS = 60;
const BUDGET_S = 10;
const RUNS = 3;
const FIXTURE = resolve('tests/fixtures/jekyll/site');

const site = mkdtempSync(join(tmpdir(), 'bench-import-'));
cpSync(FIXTURE, site, { recursive: true });
const sources = [
  ...readdirSync(join(FIXTURE, '_posts'))
    .filter((name) => /\.(md|markdown)$/.test(name))
    .map((name) => readFileSync(join(FIXTURE, '_posts', name), 'utf8')),
  readFileSync(resolve('tests/fixtures/seed/understanding-cnn.md'), 'utf8'),
];
for (const name of readdirSync(join(site, '_posts')))
  if (/\.(md|markdown)$/.test(name)) rmSync(join(site, '_posts', name));
let bytes = 0;
for (let i = 0; i < POSTS; i++) {
  const day = new Date(Date.UTC(2015, 0, 1 + i * 9)).toISOString().slice(0, 10);
  const text = (sources[i % sources.length] ?? '').replace(/^date:.*$/m, '');
  bytes += text.length;
  writeFileSync(join(site, '_posts', `${day}-bench-post-${i + 1}.md`), text);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// The whole command, as an author runs it (Node start-up, reading, converting, writing, copying).
const cli: number[] = [];
let lastLine = '';
for (let run = 0; run < RUNS; run++) {
  const out = join(site, `out-${run}`);
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      resolve('scripts/import-jekyll.ts'),
      join(site, '_posts'),
      '--out',
      out,
      '--report',
      join(site, `report-${run}.md`),
    ],
    {
      encoding: 'utf8',
    },
  );
  cli.push((performance.now() - start) / 1000);
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(1);
  }
  lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
}

// The conversion alone, in this process.
const names = readdirSync(join(site, '_posts')).filter((name) => name.endsWith('.md'));
const texts = names.map((name) => readFileSync(join(site, '_posts', name), 'utf8'));
const convert: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  names.forEach((name, i) => convertPost({ source: texts[i] ?? '', fileName: name }));
  convert.push((performance.now() - start) / 1000);
}
rmSync(site, { recursive: true, force: true });

const total = median(cli);
console.log(
  `Importing ${POSTS} Jekyll posts (${Math.round(bytes / 1024)} KB of Markdown), median of ${RUNS} runs: ${lastLine}\n`,
);
console.log('| step | total | per post | budget |');
console.log('| ---- | ----: | -------: | -----: |');
console.log(
  `| npm run import:jekyll (whole command) | ${total.toFixed(2)} s | ${((total * 1000) / POSTS).toFixed(1)} ms | ${BUDGET_S} s |`,
);
console.log(
  `| conversion only (src/lib/jekyll) | ${median(convert).toFixed(3)} s | ${((median(convert) * 1000) / POSTS).toFixed(2)} ms | |`,
);
console.log(`\n${total <= BUDGET_S ? 'Within' : 'OVER'} the budget of ${BUDGET_S} s for ${POSTS} posts.`);
process.exit(total <= BUDGET_S ? 0 : 1);
