// npm run soak -- digits: the digit network demo on the built site, in headless Chromium: 1,000
// predictions (held-out digits picked one after another) then training from reset for
// SOAK_DIGIT_EPOCHS epochs (default 20, batch 128). Live tensors (the training worker's, reported
// after each run of batches) must be flat from the end of the first epoch on, and the page's JS
// heap after GC must grow by less than 5 MB. Prints a table; exits 1 on a leak.
import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/chromium.ts';
import { withPreview } from './preview.ts';

const HEAP_LIMIT = 5 * 1024 * 1024;

/** Serves dist/ on the port, runs the soak, stops the server. */
export function soakDigits(port: number): Promise<boolean> {
  return withPreview(port, soak);
}

async function soak(base: string): Promise<boolean> {
  const epochs = Number(process.env['SOAK_DIGIT_EPOCHS'] ?? 20);
  const predictions = Number(process.env['SOAK_DIGIT_PREDICTIONS'] ?? 1000);
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(`${base}/writing-a-post/`);
  const root = page.getByTestId('digit-network').first();
  await root.scrollIntoViewIfNeeded();
  await root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
  const heap0 = await heap();

  let start = Date.now();
  const picked = await page.evaluate(async (n) => {
    const el = document.querySelector('[data-testid="digit-network"]') as HTMLElement;
    const button = el.querySelector('[data-testid="pick-test-digit"]') as HTMLButtonElement;
    let done = 0;
    for (let i = 0; i < n; i++) {
      const before = el.dataset['source'];
      button.click();
      for (let t = 0; t < 2000 && el.dataset['source'] === before; t++)
        await new Promise((r) => setTimeout(r, 0));
      if (el.dataset['source'] !== before) done++;
    }
    return done;
  }, predictions);
  const predictSeconds = (Date.now() - start) / 1000;
  const heap1 = await heap();

  await root.getByTestId('batch-size').fill('128');
  await root.getByTestId('reset-weights').click();
  await root.and(page.locator('[data-weights="random"]')).waitFor({ timeout: 120_000 });
  start = Date.now();
  await root.getByTestId('train-toggle').click();
  const examples = async () => Number(await root.getAttribute('data-examples'));
  const tensorsAt: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    while ((await examples()) < epoch * 6000) await page.waitForTimeout(500);
    tensorsAt.push(Number(await root.getAttribute('data-tensors')));
  }
  await root.getByTestId('train-toggle').click();
  const trainSeconds = (Date.now() - start) / 1000;
  await page.waitForTimeout(1500);
  const tensorsEnd = Number(await root.getAttribute('data-tensors'));
  const accuracy = await root.getByTestId('accuracy-value').getAttribute('data-value');
  const heap2 = await heap();
  await browser.close();

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  console.log('\nDigit network soak:\n');
  console.log('| phase | time | JS heap after GC | growth | live tensors (worker) |');
  console.log('| ----- | ---- | ---------------- | ------ | --------------------- |');
  console.log(`| start | - | ${mb(heap0)} | - | - |`);
  console.log(
    `| ${picked} predictions | ${predictSeconds.toFixed(1)} s | ${mb(heap1)} | ${mb(heap1 - heap0)} | - |`,
  );
  console.log(
    `| ${epochs} epochs of training, batch 128 | ${trainSeconds.toFixed(1)} s | ${mb(heap2)} | ${mb(heap2 - heap0)} | after epoch 1: ${tensorsAt[0]}, after epoch ${epochs}: ${tensorsAt.at(-1)}, paused: ${tensorsEnd} |`,
  );
  console.log(`\nHeld-out accuracy at the end: ${accuracy}.`);
  let ok = true;
  if (picked < predictions) {
    console.error(`Only ${picked} of ${predictions} picks changed the digit shown.`);
    ok = false;
  }
  if (new Set([...tensorsAt, tensorsEnd]).size !== 1) {
    console.error(`Tensors not flat over training: ${tensorsAt.join(', ')}, then ${tensorsEnd}.`);
    ok = false;
  }
  if (heap2 - heap0 >= HEAP_LIMIT) {
    console.error(`The heap grew by ${mb(heap2 - heap0)}: the limit is ${mb(HEAP_LIMIT)}.`);
    ok = false;
  }
  return ok;
}
