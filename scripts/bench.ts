// npm run bench: makes sure a Chromium is there (as npm run test:e2e does), builds the engine
// harness (tests/harness), serves it, drives headless Chromium and prints a markdown table of full
// demo updates (filter + colour map + putImageData) for every backend that starts, beside two
// plain-JavaScript baselines timed in the same run: a tight hand-written loop and the readable
// reference. A report, not a test. `npm run bench -- text-conv`: the text demo's keystroke table alone.
import { chromium, type Page } from '@playwright/test';
import { execFileSync, execSync, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FeatureMapsMode, FeatureMapsResult } from '../tests/harness/feature-maps.ts';
import type { BenchMode, BenchResult } from '../tests/harness/main.ts';
import { waitForServer, withPreview } from './preview.ts';

// First, as npm run test:e2e does: find a Chromium, or install one (Debian, as root), or say how.
try {
  const ensure = fileURLToPath(new URL('./ensure-chromium.mjs', import.meta.url));
  execFileSync(process.execPath, [ensure], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
// Imported after the step above, which may have just installed the system Chromium.
const { launchOptions } = await import('../tests/chromium.ts');

const PORT = Number(process.env.BENCH_PORT ?? 4393);

// `npm run bench -- digits-to97 [optimizer:rate:batch[:seed] …]`: examples to 97% held out, in Node.
if (process.argv.includes('digits-to97')) {
  const { benchDigitsTo97 } = await import('./bench-digits-to97.ts');
  await benchDigitsTo97(process.argv.slice(2));
  process.exit(0);
}
// `npm run bench -- digits [address]`: the digit network demo on the built site (its own tables).
if (process.argv.includes('digits')) {
  const { benchDigits } = await import('./bench-digits.ts');
  await benchDigits(
    process.argv.find((a) => a.startsWith('http')),
    PORT,
  );
  process.exit(0);
}
// `npm run bench -- text-classifier [address]`: the text classifier on the built site (its own tables).
if (process.argv.includes('text-classifier')) {
  const { benchText } = await import('./bench-text.ts');
  await benchText(
    process.argv.find((a) => a.startsWith('http')),
    PORT,
  );
  process.exit(0);
}
const URL_BASE = `http://127.0.0.1:${PORT}`;
const CONFIG = 'tests/harness/vite.config.ts';
const SIZES = [64, 256, 512];
const KERNELS = [3, 5];
const BACKENDS = ['wasm', 'webgl', 'cpu'];
const ENGINE_MODES: BenchMode[] = ['edit', 'edit-new-array', 'frame'];
/** `npm run bench -- feature-maps`: only the feature-maps table. */
const ONLY_FEATURE_MAPS = process.argv.includes('feature-maps');

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};
const ms = (v: number) => v.toFixed(2);
/** How many times faster than a baseline's median; '-' where a median rounds to zero. */
const ratio = (base: number | undefined, median: number) =>
  base !== undefined && median > 0 ? `${(base / median).toFixed(1)}×` : '-';
const load = () => loadavg()[0]?.toFixed(2) ?? '?';

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
  mode: BenchMode,
): Promise<BenchResult> =>
  page.evaluate(([s, kk, n, m]) => window.harness.bench(s, kk, n, m), [size, k, iterations, mode] as const);

/**
 * `npm run bench -- text-conv` (needs `npm run build` first): the text-convolution demo in the
 * authoring guide, on the built site, in headless Chromium. Each keystroke sets the sentence box one
 * character longer (from 2 up to 80 characters, then again) and is timed from the input event until
 * Preact has redrawn everything (tokens, one-hot grid, every filter's grid, outputs and winner) and
 * the browser has laid the page out again (painting is not counted). Then the same keystrokes by
 * the browser's own count of main-thread work, painting included, beside a one-character change
 * of plain text for scale. A report, not a test.
 */
async function benchTextConv(): Promise<void> {
  const { encodeFields } = await import('../src/islands/shared/url-state.ts');
  // The demo's URL fields (src/islands/text-conv/model.ts, version 1) for ASCII pieces: weight 1
  // for the piece's k-th character at tap k, as "make a filter that finds this" makes them.
  const fragment = (text: string, pieces: string[]) => {
    const filters = pieces.map((piece) => {
      const rows = new Map<string, number[]>();
      [...piece.toLowerCase()].forEach((ch, k) => {
        const taps = rows.get(ch) ?? new Array<number>(piece.length).fill(0);
        taps[k] = 1;
        rows.set(ch, taps);
      });
      return [piece.length, 0, [...rows]];
    });
    const fields = { v: '1', t: encodeURIComponent(text), s: '1', p: 'valid', d: '1' };
    return encodeFields({ ...fields, f: encodeURIComponent(JSON.stringify(filters)) });
  };
  const sentence =
    'The cat sat on the mat; the dog sat on the log. Then the cat ran at the rat, and that was that!';
  const cases = [
    { name: '1 filter (width 3)', filters: ['the'] },
    { name: '3 filters (widths 2, 3, 5)', filters: ['at', 'the', 'that '] },
  ];
  const rows: string[][] = [];
  const baseline: number[] = [];
  let worst = 0;
  let worstWork = 0;
  await withPreview(
    PORT,
    async (base) => {
      const browser = await chromium.launch(launchOptions);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      for (const c of cases) {
        await page.goto(`${base}/writing-a-post/#textconv-1=${fragment(sentence, c.filters)}`);
        const root = page.getByTestId('text-conv').first();
        await root.scrollIntoViewIfNeeded();
        await root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
        // The demos above it in the guide (feature maps, the playground) wake up too as the page scrolls: let them settle.
        await page.waitForTimeout(4000);
        const times = await page.evaluate(
          async ([text, n]) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="text-input"]')!;
            const root = document.querySelector('[data-testid="text-conv"]')!;
            const out: number[] = [];
            const render: number[] = [];
            for (let i = 0; i < n; i++) {
              const value = text.slice(0, 2 + (i % 79));
              input.value = value;
              const t0 = performance.now();
              input.dispatchEvent(new Event('input', { bubbles: true }));
              // Preact redraws in a microtask (the figure is computed in render, not in an effect):
              // let the microtasks run, then ask for layout, before the browser can slot in a frame.
              for (let k = 0; k < 8; k++) await Promise.resolve();
              render.push(performance.now() - t0);
              void document.body.offsetHeight;
              out.push(performance.now() - t0);
              const shown = root.querySelectorAll('[data-testid="token"]').length;
              if (shown !== value.length)
                throw new Error(`the demo shows ${shown} tokens for ${value.length} characters`);
            }
            return { out, render };
          },
          [sentence, 79 * 4] as const,
        );
        // The same keystrokes again, each one's main-thread work counted by the browser itself
        // (Chromium's TaskDuration: script, style, layout and paint of the frame that shows it).
        // Wall time from the input event (above) can also hold a frame of other work that the
        // browser slots in before the next task; this is the keystroke's own cost.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const taskSeconds = async () =>
          (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ??
          NaN;
        const work: number[] = [];
        for (let i = 0; i < 79 * 2; i++) {
          const before = await taskSeconds();
          await page.evaluate(
            async (value) => {
              const input = document.querySelector<HTMLInputElement>('[data-testid="text-input"]')!;
              input.value = value;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              // Until the frame that shows it has been drawn.
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            },
            sentence.slice(0, 2 + (i % 79)),
          );
          work.push((await taskSeconds()) - before);
        }
        // For scale: the same measure when one character of a plain text line in the demo changes.
        // What that costs is the frame itself on this page (headless Chromium paints in software).
        if (baseline.length === 0) {
          for (let i = 0; i < 80; i++) {
            const before = await taskSeconds();
            await page.evaluate(async (n) => {
              let line = document.getElementById('bench-line');
              if (!line) {
                line = document.createElement('span');
                line.id = 'bench-line';
                document.querySelector('[data-testid="text-conv"]')!.prepend(line);
              }
              line.textContent = String(n % 10);
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            }, i);
            baseline.push((await taskSeconds()) - before);
          }
        }
        await cdp.detach();
        const { median, p95 } = stats(times.out.slice(79));
        const render = stats(times.render.slice(79)).median;
        const own = stats(work.slice(79).map((s) => s * 1000));
        worst = Math.max(worst, p95);
        worstWork = Math.max(worstWork, own.p95);
        rows.push([
          c.name,
          String(times.out.length - 79),
          ms(render),
          ms(median),
          ms(p95),
          p95 <= 16 ? 'yes' : 'NO',
          ms(own.median),
          ms(own.p95),
        ]);
      }
      await browser.close();
    },
    '/writing-a-post/',
  );
  const head = [
    'case',
    'keystrokes timed',
    'redraw only, median ms',
    'to laid out, median ms',
    'to laid out, p95 ms',
    'p95 ≤ 16 ms',
    'with painting: main-thread work, median ms',
    'with painting, p95 ms',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    '\nText convolution, one keystroke to everything redrawn and laid out (2 to 80 characters, one-hot grid included):\n',
  );
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  const frame = stats(baseline.map((s) => s * 1000));
  console.log(
    `\nWorst p95 to laid out: ${ms(worst)} ms (target ≤ 16). With painting, by the browser's count of main-thread work: worst p95 ${ms(worstWork)} ms; for scale, one character of plain text changed in the demo costs ${ms(frame.median)} ms (median, p95 ${ms(frame.p95)}) of that here, where headless Chromium paints in software. Load average (1 min): ${load()}.`,
  );
}

if (process.argv.includes('text-conv')) {
  await benchTextConv();
  process.exit(0);
}

console.log('Building the harness…');
execSync(`npx vite build --config ${CONFIG}`, { stdio: 'inherit' });
// Cross-origin isolated, so that performance.now() has 5 µs steps (100 µs otherwise).
const server = spawn(
  'npx',
  ['vite', 'preview', '--config', CONFIG, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore', detached: true, env: { ...process.env, HARNESS_ISOLATED: '1' } },
);
try {
  await waitForServer(URL_BASE);
  const loadBefore = load();
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage();
  const auto = await open(page, null);
  const isolated = await page.evaluate(() => window.crossOriginIsolated);
  if (!isolated) console.log('The harness is not cross-origin isolated: times are in 0.1 ms steps.');
  console.log(
    auto.ok
      ? `\nAutomatic choice: ${auto.name}. ${auto.reason}\nWebGL renderer: ${auto.renderer}\n`
      : `\nAutomatic choice failed: ${auto.error}\n`,
  );

  // The feature-maps demo: 8 filters 3×3 on 256×256 grey, ReLU, 2×2 max pool, 24 maps drawn.
  const fmRows: string[][] = [];
  const fmBench = (mode: FeatureMapsMode, n: number): Promise<FeatureMapsResult> =>
    page.evaluate(([m, k]) => window.harness.benchFeatureMaps(m, k), [mode, n] as const);
  const fmTight = await fmBench('tight-loop', 40);
  const fmReference = await fmBench('reference', 8);
  const fmRow = (backend: string, r: FeatureMapsResult, base?: number) => {
    const { median, p95 } = stats(r.times);
    fmRows.push([
      backend,
      r.path,
      ms(median),
      ms(p95),
      ms(stats(r.computeTimes).median),
      ratio(base, median),
      r.error.toExponential(1),
    ]);
    return { median, p95 };
  };
  const tightMedian = fmRow('plain JS', fmTight).median;
  fmRow('plain JS', fmReference, tightMedian);
  let fmTarget = 'WASM did not start';
  for (const backend of BACKENDS) {
    const started = await open(page, backend);
    if (!started.ok) {
      fmRows.push([backend, '-', 'did not start', started.error, '-', '-', '-']);
      continue;
    }
    const r = fmRow(backend, await fmBench('engine', backend === 'cpu' ? 20 : 60), tightMedian);
    if (backend === 'wasm') {
      fmTarget = `p50 ${ms(r.median)} ms (target ≤ 8), p95 ${ms(r.p95)} ms (target ≤ 12)`;
    }
  }

  if (!ONLY_FEATURE_MAPS) {
    // The two plain-JavaScript baselines, once per case, in this same browser run.
    const header = [
      'backend',
      'path',
      'update',
      'image',
      'kernel',
      'median ms',
      'p95 ms',
      'filter only ms',
      'vs tight JS loop',
      'vs reference',
    ];
    const rows: string[][] = [];
    const tight = new Map<string, number>();
    const reference = new Map<string, number>();
    let tightWorst = 0;
    for (const size of SIZES) {
      for (const k of KERNELS) {
        const key = `${size}/${k}`;
        tightWorst = Math.max(
          tightWorst,
          await page.evaluate(([s, kk]) => window.harness.checkTightLoop(s, kk), [size, k] as const),
        );
        for (const mode of ['tight-loop', 'reference'] as const) {
          const iterations = mode === 'reference' ? (size >= 512 ? 5 : 10) : size >= 512 ? 20 : 50;
          const { times, filterTimes } = await bench(page, size, k, iterations, mode);
          const { median, p95 } = stats(times);
          (mode === 'reference' ? reference : tight).set(key, median);
          rows.push([
            'plain JS',
            mode,
            'edit',
            `${size}×${size}×3`,
            `${k}×${k}`,
            ms(median),
            ms(p95),
            ms(stats(filterTimes).median),
            '',
            '',
          ]);
        }
      }
    }

    const targets: string[] = [];
    for (const backend of BACKENDS) {
      const started = await open(page, backend);
      if (!started.ok) {
        rows.push([backend, '-', '-', '-', '-', 'did not start', started.error, '-', '-', '-']);
        continue;
      }
      for (const size of SIZES) {
        for (const k of KERNELS) {
          for (const mode of ENGINE_MODES) {
            const iterations = backend === 'webgl' && size >= 512 ? 20 : 50;
            const { times, filterTimes, path } = await bench(page, size, k, iterations, mode);
            const { median, p95 } = stats(times);
            rows.push([
              backend,
              path,
              mode,
              `${size}×${size}×3`,
              `${k}×${k}`,
              ms(median),
              ms(p95),
              ms(stats(filterTimes).median),
              ratio(tight.get(`${size}/${k}`), median),
              ratio(reference.get(`${size}/${k}`), median),
            ]);
            if (backend === 'wasm' && mode === 'edit' && k === 3 && size === 256) {
              targets.push(
                `256×256×3, 3×3: p50 ${ms(median)} ms (target ≤ 2), p95 ${ms(p95)} ms (target ≤ 4)`,
              );
            }
            if (backend === 'wasm' && mode === 'edit' && k === 3 && size === 512) {
              targets.push(`512×512×3, 3×3: p50 ${ms(median)} ms (target ≤ 8)`);
            }
          }
        }
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    console.log(
      'Full demo update: depthwise filter on every channel (same padding) + colour map + putImageData.',
    );
    console.log(
      "'edit' changes a kernel value every update, with ImageFilter({ reuseOutput: true }) (one output array, overwritten); 'edit-new-array' is the default, a new array per update; 'frame' keeps the kernel.",
    );
    console.log(
      "'vs tight JS loop' and 'vs reference': the baseline's median over this row's median (above 1× = faster).\n",
    );
    console.log(line(header));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    rows.forEach((r) => console.log(line(r)));
    console.log(
      `\nThe tight loop agrees with the reference within ${tightWorst.toExponential(1)} (largest relative difference).`,
    );
    console.log(`Kernel edit to pixels on screen, WASM backend:\n  ${targets.join('\n  ')}`);
  }
  await browser.close();

  const table = (head: string[], body: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    console.log(line(head));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    body.forEach((r) => console.log(line(r)));
  };
  console.log(
    '\nFeature maps: 256×256 grey, 8 filters 3×3 (one weight edited per update), bias, ReLU, 2×2 max pool stride 2, all 24 maps coloured and drawn.\n',
  );
  table(
    ['backend', 'path', 'median ms', 'p95 ms', 'maps only ms', 'vs tight JS loop', 'pooled vs reference'],
    fmRows,
  );
  console.log(`Feature maps, WASM backend: ${fmTarget}\n`);
  console.log(`Load average (1 min) before: ${loadBefore}, after: ${load()}.`);
} finally {
  if (server.pid) process.kill(-server.pid);
}
