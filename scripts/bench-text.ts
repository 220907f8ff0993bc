// npm run bench -- text-classifier [address]: the text classifier on the built site (run
// `npm run build` first, or pass the address of a running one), in headless Chromium. Prints two
// tables: per keystroke, the island's measure from the input event to the figure in the DOM and
// laid out (the reference forward pass, every filter, the pooling and the prediction, Preact's
// update; the wait for the next screen refresh is not counted), and training from scratch in the demo's
// worker (WebAssembly) to its plateau, as the page reports it. A report, not a test.
import { chromium, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { launchOptions } from '../tests/chromium.ts';
import { quantile, table } from './bench-digits.ts';
import { atAddressOrPreview } from './preview.ts';

const GUIDE = '/writing-a-post/';
const SENTENCE = 'Re: [ILUG] cheap mortgage rates for your home business, apply now!!!';

async function openDemo(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(`${base}${GUIDE}${query}`);
  await page.getByTestId('text-classifier').first().scrollIntoViewIfNeeded();
  await page
    .locator('[data-testid="text-classifier"][data-ready="true"]')
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Types SENTENCE a key at a time, `rounds` times; the island's measure from each input event to its figure laid out. */
async function keystrokes(page: Page, rounds: number): Promise<number[]> {
  const input = page.getByTestId('text-classifier').first().getByTestId('text-input');
  await page.evaluate(() => performance.clearMeasures('tx:keystroke-to-redraw'));
  for (let r = 0; r < rounds; r++) {
    await input.fill('');
    await input.pressSequentially(SENTENCE);
  }
  return page.evaluate(() => performance.getEntriesByName('tx:keystroke-to-redraw').map((e) => e.duration));
}

async function training(page: Page, base: string, backend: 'wasm' | 'cpu') {
  await openDemo(page, base, `?backend=${backend}`);
  const root = page.getByTestId('text-classifier').first();
  const t0 = Date.now();
  await root.getByTestId('train-scratch').click();
  const progress = root.getByTestId('train-progress');
  let status = '';
  for (let i = 0; i < 600 && status !== 'done' && status !== 'failed'; i++) {
    await page.waitForTimeout(500);
    status = (await progress.getAttribute('data-status').catch(() => null)) ?? '';
  }
  const wall = (Date.now() - t0) / 1000;
  const text = (await progress.textContent()) ?? '';
  return {
    wall,
    seconds: Number(/; ([\d.]+) s/.exec(text)?.[1]),
    accuracies: /held out ([^;]+);/.exec(text)?.[1] ?? '?',
    backend: /\(([^)]+)\)/.exec(text)?.[1] ?? backend,
  };
}

export function benchText(address: string | undefined, port: number): Promise<void> {
  return atAddressOrPreview(address, port, async (base) => {
    const loadBefore = loadavg()[0]?.toFixed(2);
    const browser = await chromium.launch(launchOptions);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openDemo(page, base);
    await keystrokes(page, 1); // warm-up
    const times = (await keystrokes(page, 4)).sort((a, b) => a - b);
    console.log(
      `\nText classifier: one keystroke to the figure redrawn (${times.length} keystrokes, 390×844):\n`,
    );
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
    const rows: string[][] = [];
    // WASM only: the CPU backend (?backend=cpu) had not finished one epoch after 300 s here.
    for (const backend of ['wasm'] as const) {
      const t = await training(page, base, backend);
      rows.push([
        t.backend,
        '3',
        t.seconds.toFixed(1),
        t.wall.toFixed(1),
        t.accuracies,
        backend === 'wasm' ? '≤ 60 s' : '-',
      ]);
    }
    console.log(
      '\nTraining from scratch in the page (worker, seeded, batch 32, Adam 0.003; plateau at epoch 2-3):\n',
    );
    table(
      ['backend', 'epochs', 'training s (worker)', 'click to done s', 'held out after each epoch', 'target'],
      rows,
    );
    console.log(`\nload average before: ${loadBefore}, after: ${loadavg()[0]?.toFixed(2)} (2 cores shared)`);
    await browser.close();
  });
}
