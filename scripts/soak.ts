// npm run soak: 2,000 stepper steps and 10,000 kernel edits in the playground, in headless
// Chromium against the built site. Reports live tensors and the JS heap (after forced garbage
// collection) before and after; fails if tensors are not flat or the heap grew by 5 MB or more.
import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/chromium.ts';
import { withPreview } from './preview.ts';

const PORT = Number(process.env.PREVIEW_PORT ?? 4396);
const STEPS = Number(process.env['SOAK_STEPS'] ?? 2000);
const EDITS = Number(process.env['SOAK_EDITS'] ?? 10000);
const HEAP_LIMIT = 5 * 1024 * 1024;

// `npm run soak -- digits`: the digit network's soak alone (scripts/soak-digits.ts), then exit.
if (process.argv.includes('digits')) {
  const { soakDigits } = await import('./soak-digits.ts');
  process.exit((await soakDigits(PORT)) ? 0 : 1);
}

const passed = await withPreview(PORT, async (base) => {
  let failed = false;
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(`${base}/understanding-convolutional-neural-networks/`);
  const stepper = page.getByTestId('conv-stepper');
  await stepper.scrollIntoViewIfNeeded();
  await stepper.and(page.locator('[data-ready="true"]')).waitFor();
  const playground = page.getByTestId('kernel-playground');
  await playground.scrollIntoViewIfNeeded();
  await playground.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
  const tensors = () => playground.getAttribute('data-tensors').then(Number);

  const heap0 = await heap();
  const tensors0 = await tensors();
  let start = Date.now();
  const moved = await page.evaluate(async (steps) => {
    // Each output cell handles its own keys (one Tab stop, roving focus): press them on the
    // selected cell, and wait for the render after each step so every step is a real update.
    const selected = () =>
      document.querySelector<HTMLElement>(
        '[data-testid="conv-stepper"] [data-testid="output-cell"][aria-pressed="true"]',
      );
    let moves = 0;
    for (let i = 0; i < steps; i++) {
      const before = selected();
      const key = Math.floor(i / 2) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
      before?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      if (selected() !== before) moves++;
    }
    return moves;
  }, STEPS);
  if (moved < STEPS / 2) {
    throw new Error(`soak: only ${moved} of ${STEPS} key presses moved the stepper's window`);
  }
  const stepperSeconds = (Date.now() - start) / 1000;
  const heap1 = await heap();

  start = Date.now();
  await page.evaluate(async (edits) => {
    const root = document.querySelector('[data-testid="kernel-playground"]') as HTMLElement;
    const cells = root.querySelectorAll<HTMLInputElement>('[data-testid="kernel-cell"]');
    for (let i = 0; i < edits; i++) {
      const cell = cells[i % cells.length] as HTMLInputElement;
      const updates = Number(root.dataset['updates']);
      cell.value = String((i % 7) - 3);
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      for (let t = 0; t < 500 && Number(root.dataset['updates']) === updates; t++) {
        await new Promise((r) => setTimeout(r, 0));
      }
    }
  }, EDITS);
  const editSeconds = (Date.now() - start) / 1000;
  await page.waitForTimeout(500);
  const heap2 = await heap();
  const tensors2 = await tensors();
  await browser.close();

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  console.log('| phase | time | JS heap after GC | growth | live tensors |');
  console.log('| ----- | ---- | ---------------- | ------ | ------------ |');
  console.log(`| start | - | ${mb(heap0)} | - | ${tensors0} |`);
  console.log(
    `| ${STEPS} stepper steps | ${stepperSeconds.toFixed(1)} s | ${mb(heap1)} | ${mb(heap1 - heap0)} | - |`,
  );
  console.log(
    `| ${EDITS} kernel edits | ${editSeconds.toFixed(1)} s | ${mb(heap2)} | ${mb(heap2 - heap0)} | ${tensors2} |`,
  );
  if (tensors2 !== tensors0) {
    console.error(`Tensors leaked: ${tensors0} before, ${tensors2} after.`);
    failed = true;
  }
  if (heap2 - heap0 >= HEAP_LIMIT) {
    console.error(`The heap grew by ${mb(heap2 - heap0)}: the limit is ${mb(HEAP_LIMIT)}.`);
    failed = true;
  }
  return !failed;
});
process.exit(passed ? 0 : 1);
