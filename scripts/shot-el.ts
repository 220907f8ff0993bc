import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/chromium.ts';
// Usage: node scripts/shot-el.ts <url> <css selector> <out.png> [width] [light|dark]
const [url, selector, out, width = '1280', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  reducedMotion: 'reduce',
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url!);
const el = page.locator(selector!).first();
await el.scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
await el.screenshot({ path: out! });
await browser.close();
