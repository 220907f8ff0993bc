// npm run bench: builds the engine harness (tests/harness), serves it, drives headless Chromium
// and prints a table of full demo updates (filter + draw to a canvas) for every backend that
// starts, beside the naive reference on the same input in the same run. A report, not a test.
import { chromium, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { launchOptions } from '../tests/chromium.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4393);
const URL_BASE = `http://127.0.0.1:${PORT}`;
const CONFIG = 'tests/harness/vite.config.ts';
const SIZES = [64, 256, 512];
const KERNELS = [3, 5];
const BACKENDS = ['wasm', 'webgl', 'cpu'];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench: the harness server did not start at ${url}`);
}

async function open(page: Page, backend: string | null) {
  await page.goto(backend ? `${URL_BASE}/?backend=${backend}` : URL_BASE);
  return page.evaluate(() =>
    window.harnessReady.then(
      (r) => ({
        ok: true as const,
        name: r.name,
        reason: r.reason,
        renderer: r.renderer?.renderer ?? 'none',
      }),
      (e: Error) => ({ ok: false as const, error: e.message }),
    ),
  );
}

const bench = (
  page: Page,
  size: number,
  k: number,
  iterations: number,
  mode: 'edit' | 'frame' | 'reference',
) =>
  page.evaluate(([s, kk, n, ref]) => window.harness.bench(s, kk, n, ref), [
    size,
    k,
    iterations,
    mode,
  ] as const);

console.log('Building the harness…');
execSync(`npx vite build --config ${CONFIG}`, { stdio: 'inherit' });
const server = spawn(
  'npx',
  ['vite', 'preview', '--config', CONFIG, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await waitForServer(URL_BASE);
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage();
  const auto = await open(page, null);
  console.log(
    auto.ok
      ? `\nAutomatic choice: ${auto.name}. ${auto.reason}\nWebGL renderer: ${auto.renderer}\n`
      : `\nAutomatic choice failed: ${auto.error}\n`,
  );

  // The naive reference once per case, in this same browser run.
  const reference = new Map<string, number>();
  for (const size of SIZES) {
    for (const k of KERNELS) {
      const { times } = await bench(page, size, k, size >= 512 ? 5 : 10, 'reference');
      reference.set(`${size}/${k}`, stats(times).median);
    }
  }

  const rows: string[][] = [];
  for (const backend of BACKENDS) {
    const started = await open(page, backend);
    if (!started.ok) {
      rows.push([backend, '-', '-', '-', 'did not start', started.error, '-', '-', '-']);
      continue;
    }
    for (const size of SIZES) {
      for (const k of KERNELS) {
        for (const mode of ['edit', 'frame'] as const) {
          const iterations = backend === 'webgl' && size >= 512 ? 20 : 50;
          const { times, filterTimes } = await bench(page, size, k, iterations, mode);
          const { median, p95 } = stats(times);
          const ref = reference.get(`${size}/${k}`) ?? NaN;
          rows.push([
            backend,
            mode,
            `${size}×${size}×3`,
            `${k}×${k}`,
            median.toFixed(2),
            p95.toFixed(2),
            stats(filterTimes).median.toFixed(2),
            ref.toFixed(1),
            `${(ref / median).toFixed(1)}×`,
          ]);
        }
      }
    }
  }
  await browser.close();
  const header = [
    'backend',
    'update',
    'image',
    'kernel',
    'median ms',
    'p95 ms',
    'filter only ms',
    'reference median ms',
    'speed-up',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    'Full demo update: depthwise filter on every channel (same padding) + colour map + putImageData.',
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
} finally {
  if (server.pid) process.kill(-server.pid);
}
