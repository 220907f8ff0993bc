// Screenshots of the pages a reader sees, at desktop and phone widths, to look at by eye.
// Usage: npm run screenshots -- [baseURL] [comma-separated paths] (default http://127.0.0.1:4321, a running `npm run preview`).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { launchOptions } from '../tests/chromium.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const pages = (
  process.argv[3] ??
  '/,/understanding-convolutional-neural-networks/,/writing-a-post/,/tags/,/tags/cnn/,/search/?q=biology,/about/,/no-such-page/'
).split(',');
const widths = { desktop: 1280, phone: 390 };
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch(launchOptions);
for (const [name, width] of Object.entries(widths)) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  for (const path of pages) {
    await page.goto(base + path);
    // Scroll through the page so that every client:visible island hydrates, then settle.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 60));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(800);
    const file = `screenshots/${name}${path.replace(/[^a-z0-9]+/gi, '_') || '_'}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
