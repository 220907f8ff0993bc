// npm run bench -- digits [site address]: the digit network demo in headless Chromium, on the
// built site (npm run build first; without an address it serves dist/ itself on BENCH_PORT).
// A report, not a test. Prints:
// - training throughput in the page (examples/s at batch 32, in the demo's worker) on WebAssembly
//   and on the CPU backend, beside ConvNetJS's published figure for its MNIST demo;
// - the longest main-thread task while training (the page must stay responsive: ≤ 50 ms);
// - one stroke on the pad to every map and bar redrawn (p50, p95; target p95 ≤ 16 ms);
// - from "Reset to random weights" + Train to ≥ 97% held out, with the default settings (SGD) and
//   with Adam: seconds, examples seen, the accuracy shown, examples/s.
import { chromium, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { EVALUATE_EVERY } from '../src/islands/digit-network/defaults.ts';
import { launchOptions } from '../tests/chromium.ts';
import { atAddressOrPreview } from './preview.ts';

const GUIDE = '/writing-a-post/';
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export function table(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  body.forEach((r) => console.log(line(r)));
}

async function openDemo(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(`${base}${GUIDE}${query}`);
  const root = page.getByTestId('digit-network').first();
  await root.scrollIntoViewIfNeeded();
  await page.locator('[data-testid="digit-network"][data-ready="true"]').first().waitFor({ timeout: 60_000 });
}

/** Trains for `seconds` and returns the examples/s the demo reports and the longest main-thread task. */
async function throughput(page: Page, base: string, backend: 'wasm' | 'cpu', seconds: number) {
  await openDemo(page, base, `?backend=${backend}`);
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const root = page.getByTestId('digit-network').first();
  await root.getByTestId('train-toggle').click();
  await page.locator('[data-testid="digit-network"][data-rate]').first().waitFor({ timeout: 60_000 });
  // Tasks while TensorFlow.js starts in the worker are not training; measure from the first run.
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
  const rates: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    await page.waitForTimeout(1000);
    rates.push(Number(await root.getAttribute('data-rate')));
  }
  await root.getByTestId('train-toggle').click();
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  rates.sort((a, b) => a - b);
  return { rate: quantile(rates, 0.5), longest, backend: await root.getAttribute('data-backend') };
}

async function strokes(page: Page, base: string, count: number): Promise<number[]> {
  await openDemo(page, base);
  const pad = page.getByTestId('draw-pad').first();
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (box === null) throw new Error('bench digits: the pad is not on screen');
  await page.evaluate(() => performance.clearMeasures('dn:stroke-to-redraw'));
  for (let i = 0; i < count; i++) {
    const x = box.x + box.width * (0.3 + (0.4 * ((i * 7) % 10)) / 10);
    await page.mouse.move(x, box.y + box.height * 0.2);
    await page.mouse.down();
    for (let s = 1; s <= 6; s++) {
      await page.mouse.move(x + s * 2, box.y + box.height * (0.2 + s * 0.1));
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    if (i % 10 === 9) await page.getByTestId('clear-drawing').first().click();
  }
  return page.evaluate(() => performance.getEntriesByName('dn:stroke-to-redraw').map((e) => e.duration));
}

/**
 * From "Reset to random weights" + Train to the first held-out accuracy ≥ 97% the demo shows, with
 * the demo's default settings or with Adam at the rate the demo gives it.
 */
async function timeTo97(page: Page, base: string, optimizer: 'sgd' | 'adam', limitS: number) {
  await openDemo(page, base);
  const root = page.getByTestId('digit-network').first();
  if (optimizer === 'adam') await root.getByTestId('optimizer-adam').check();
  const rate = await root.getAttribute('data-learning-rate');
  await root.getByTestId('reset-weights').click();
  await page
    .locator('[data-testid="digit-network"][data-weights="random"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="accuracy-value"][data-value]') !== null,
  );
  const start = Date.now();
  await root.getByTestId('train-toggle').click();
  let accuracy = 0;
  let examples = 0;
  const rates: number[] = [];
  while ((Date.now() - start) / 1000 < limitS) {
    await page.waitForTimeout(250);
    accuracy = Number(await root.getByTestId('accuracy-value').getAttribute('data-value'));
    examples = Number(await root.getAttribute('data-examples'));
    const r = Number(await root.getAttribute('data-rate'));
    if (r > 0) rates.push(r);
    if (accuracy >= 0.97) break;
  }
  const seconds = (Date.now() - start) / 1000;
  await root.getByTestId('train-toggle').click();
  rates.sort((a, b) => a - b);
  return { optimizer, rate, seconds, accuracy, examples, trainingRate: quantile(rates, 0.5) };
}

export function benchDigits(address: string | undefined, port: number): Promise<void> {
  return atAddressOrPreview(address, port, async (base) => {
    const loadBefore = loadavg()[0]?.toFixed(2);
    const browser = await chromium.launch(launchOptions);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const wasm = await throughput(page, base, 'wasm', 8);
    const cpu = await throughput(page, base, 'cpu', 10);
    console.log("\nDigit network: training in the page (the demo's worker), batch 32, SGD.\n");
    table(
      ['backend', 'examples/s', 'ms per example', 'longest main-thread task while training'],
      [
        [
          `${wasm.backend}`,
          wasm.rate.toFixed(0),
          (1000 / wasm.rate).toFixed(2),
          `${wasm.longest.toFixed(0)} ms`,
        ],
        [`${cpu.backend}`, cpu.rate.toFixed(0), (1000 / cpu.rate).toFixed(2), `${cpu.longest.toFixed(0)} ms`],
        ['ConvNetJS MNIST demo (published: ~5 ms per example, forward and backward)', '~200', '~5', '-'],
      ],
    );
    const times = (await strokes(page, base, 40)).sort((a, b) => a - b);
    console.log(`\nOne stroke to every map and bar redrawn (${times.length} frames, main thread):\n`);
    table(
      ['p50 ms', 'p95 ms', 'max ms', 'target'],
      [
        [
          quantile(times, 0.5).toFixed(2),
          quantile(times, 0.95).toFixed(2),
          (times.at(-1) ?? NaN).toFixed(2),
          'p95 ≤ 16 ms',
        ],
      ],
    );
    const runs = [await timeTo97(page, base, 'sgd', 120), await timeTo97(page, base, 'adam', 120)];
    console.log(
      `\nFrom "Reset to random weights" + Train to the first held-out accuracy ≥ 97% shown (batch 32, WebAssembly, held-out accuracy measured every ~${EVALUATE_EVERY.toLocaleString('en')} examples):\n`,
    );
    table(
      [
        'setting',
        'seconds',
        'examples seen',
        'held-out accuracy shown',
        'training examples/s (median)',
        'examples/s overall',
        'target',
      ],
      runs.map((r) => [
        `${r.optimizer === 'sgd' ? 'SGD (the default)' : 'Adam'}, η = ${r.rate}`,
        r.seconds.toFixed(1),
        r.examples.toLocaleString('en'),
        `${(r.accuracy * 100).toFixed(1)}%${r.accuracy < 0.97 ? ' (not reached)' : ''}`,
        r.trainingRate.toFixed(0),
        (r.examples / r.seconds).toFixed(0),
        '≤ 30 s',
      ]),
    );
    console.log(`\nLoad average (1 min) before: ${loadBefore}, after: ${loadavg()[0]?.toFixed(2)}.`);
    await browser.close();
  });
}
