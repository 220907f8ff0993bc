// How long after the kernel playground scrolls into view until its first live filtered picture is
// on screen, on a built site served locally (`npm run build && npm run preview`). A report, not a
// test. Usage: node scripts/first-output.ts [base URL] [runs]   (default http://127.0.0.1:$PREVIEW_PORT)
//
// Two ways a reader reaches the demo: "jump" scrolls straight from the top of the page to the
// demo (a link, a fast flick: the worst case, nothing loaded ahead), "reading" scrolls down at
// about 600 px/s, the way a reader moves through the article. Each is run on the plain local
// network and CPU, and once more throttled like a slow phone: 150 ms latency, 1.6 Mbps down,
// 750 kbps up, CPU 4× slower (Chrome DevTools Protocol).
import { chromium, type Page } from '@playwright/test';
import { launchOptions } from '../tests/chromium.ts';

const base = process.argv[2] ?? `http://127.0.0.1:${process.env.PREVIEW_PORT ?? 4321}`;
const runs = Number(process.argv[3] ?? 7);
const path = '/understanding-convolutional-neural-networks/';

type Way = 'jump' | 'reading';

/** Milliseconds from the playground's first pixel entering the viewport to its first live picture. */
async function once(page: Page, way: Way): Promise<number> {
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return page.evaluate(async (how: Way) => {
    const root = document.querySelector<HTMLElement>('[data-testid="kernel-playground"]');
    if (root === null) throw new Error('no playground on the page');
    let seen = Number.NaN;
    const io = new IntersectionObserver((entries) => {
      if (Number.isNaN(seen) && entries.some((e) => e.isIntersecting)) seen = performance.now();
    });
    io.observe(root);
    const ready = new Promise<number>((resolve) => {
      const check = () => {
        if (root.dataset.ready === 'true') resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    });
    const target = root.getBoundingClientRect().top + window.scrollY - 80;
    if (how === 'jump') window.scrollTo(0, target);
    else {
      for (let y = window.scrollY; y < target; y += 20) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 33));
      }
      window.scrollTo(0, target);
    }
    const done = await ready;
    io.disconnect();
    return Math.max(0, done - seen);
  }, way);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const browser = await chromium.launch(launchOptions);
const rows: string[][] = [];
for (const throttled of [false, true]) {
  for (const way of ['jump', 'reading'] as const) {
    const times: number[] = [];
    const n = throttled ? Math.max(1, Math.ceil(runs / 3)) : runs;
    for (let i = 0; i < n; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      if (throttled) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      times.push(await once(page, way));
      await context.close();
    }
    rows.push([
      throttled ? '150 ms, 1.6 Mbps, 4× CPU' : 'localhost',
      way,
      String(n),
      `${median(times).toFixed(0)} ms`,
      `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`,
    ]);
  }
}
await browser.close();

const header = ['network', 'scrolling', 'runs', 'median', 'range'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log('First live filtered picture after the playground enters the viewport (1280×800):\n');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
rows.forEach((r) => console.log(line(r)));
