import { expect, test } from './fixtures';
import { ARTICLE_PATH } from './pages';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(253, 252, 249)';
const DARK = 'rgb(22, 24, 27)';

test('follows the system setting until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await background(page)).toBe(DARK);
  await expect(page.locator('#theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT);
});

test('the toggle switches, is remembered across pages and reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  expect(await background(page)).toBe(DARK);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.goto(ARTICLE_PATH);
  expect(await background(page)).toBe(DARK);
  await page.reload();
  expect(await background(page)).toBe(DARK);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await background(page)).toBe(LIGHT);
});

test('no flash: the saved theme is applied by a script that runs before any stylesheet', async ({
  page,
  request,
}) => {
  const html = await (await request.get(ARTICLE_PATH)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const script = head.indexOf("localStorage.getItem('theme')");
  const firstStylesheet = head.search(/<link[^>]*rel="stylesheet"/);
  expect(script, 'the theme script is in <head>').toBeGreaterThan(0);
  expect(script, 'and comes before the first stylesheet').toBeLessThan(firstStylesheet);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await page.goto(ARTICLE_PATH, { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await background(page)).toBe(DARK);
});

test('dark mode covers the math, the citation cards and both demos', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(ARTICLE_PATH);
  const color = (selector: string, property = 'color') =>
    page
      .locator(selector)
      .first()
      .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  expect(await color('.katex')).toBe('rgb(232, 229, 222)');
  await page.locator('a#cite-goodfellow2016-1').hover();
  expect(await color('#card-cite-goodfellow2016-1', 'color')).toBe('rgb(232, 229, 222)');
  await page.getByTestId('conv-stepper').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="conv-stepper"][data-ready="true"]').waitFor();
  expect(await color('[data-testid="input-cell"]', 'background-color')).not.toBe('rgb(255, 255, 255)');
  expect(await color('[data-testid="stride"]', 'background-color')).not.toBe('rgb(255, 255, 255)');
});

test('without JavaScript there is no toggle that cannot work (the system theme still applies)', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('#theme-toggle')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 27)');
  await context.close();
});
