import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/chromium.ts';
const browser = await chromium.launch(launchOptions);
const shots: [string, string, number, number, 'light' | 'dark', string?][] = [
  ['http://127.0.0.1:4399/searching-text/', 'p4-390-light', 390, 844, 'light'],
  ['http://127.0.0.1:4399/searching-text/', 'p4-390-dark', 390, 844, 'dark'],
  ['http://127.0.0.1:4399/searching-text/', 'p4-1280-light', 1280, 800, 'light'],
  ['http://127.0.0.1:4398/blog/understanding-convolutional-neural-networks/', 'byline-390-dark', 390, 844, 'dark'],
  ['http://127.0.0.1:4398/blog/understanding-convolutional-neural-networks/', 'byline-1280-light', 1280, 800, 'light'],
  ['http://127.0.0.1:4399/searching-text/', 'tc-390-light', 390, 844, 'light', '[data-testid="text-classifier"]'],
  ['http://127.0.0.1:4399/searching-text/', 'tc-1280-dark', 1280, 800, 'dark', '[data-testid="text-classifier"]'],
  ['http://127.0.0.1:4399/learning-the-filters/', 'dn-390-dark', 390, 844, 'dark', '[data-testid="digit-network"]'],
  ['http://127.0.0.1:4399/learning-the-filters/', 'dn-1280-light', 1280, 800, 'light', '[data-testid="digit-network"]'],
];
for (const [url, name, width, height, scheme, sel] of shots) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, reducedMotion: 'reduce', hasTouch: width < 500, isMobile: width < 500 });
  page.on('pageerror', (e) => console.log(name, 'page error', e.message));
  await page.goto(url);
  if (sel) {
    await page.locator(sel).first().scrollIntoViewIfNeeded();
    await page.locator(sel).first().and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30000 });
    await page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'start' }), sel);
    await page.waitForTimeout(1200);
  }
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  console.log(name);
  await page.close();
}
await browser.close();
