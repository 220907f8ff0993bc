import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { ARTICLE_PATH } from './pages';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(253, 252, 249)';
const DARK = 'rgb(22, 24, 27)';

const radio = (page: Page, name: 'System' | 'Light' | 'Dark') =>
  page.getByTestId('theme-control').getByRole('radio', { name });

test('follows the system setting, live, until the reader chooses; “System” is shown as on', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await background(page)).toBe(DARK);
  await expect(radio(page, 'System')).toBeChecked();
  await expect(radio(page, 'Dark')).not.toBeChecked();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT);
  await expect(radio(page, 'System')).toBeChecked();
});

test('three states: dark and light are remembered across pages and reloads, system forgets the choice', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await radio(page, 'Dark').check();
  expect(await background(page)).toBe(DARK);
  await expect(radio(page, 'Dark')).toBeChecked();
  await expect(radio(page, 'System')).not.toBeChecked();
  await page.goto(ARTICLE_PATH);
  expect(await background(page)).toBe(DARK);
  await expect(radio(page, 'Dark'), 'the next page shows the saved choice').toBeChecked();
  await page.reload();
  expect(await background(page)).toBe(DARK);
  await expect(radio(page, 'Dark')).toBeChecked();

  // Light overrides a dark system setting.
  await page.emulateMedia({ colorScheme: 'dark' });
  await radio(page, 'Light').check();
  expect(await background(page)).toBe(LIGHT);
  await page.reload();
  expect(await background(page), 'light is remembered against a dark system').toBe(LIGHT);
  await expect(radio(page, 'Light')).toBeChecked();

  // Back to the system: nothing saved, and the page follows the setting as it changes.
  await radio(page, 'System').check();
  expect(await background(page)).toBe(DARK);
  expect(await page.evaluate(() => localStorage.getItem('theme')), 'the override is removed').toBeNull();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT);
  await page.reload();
  await expect(radio(page, 'System')).toBeChecked();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page), 'after a reload it still follows the system').toBe(DARK);
});

test('keyboard: one Tab stop, arrow keys choose, and the checked state is exposed to assistive technology', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.getByTestId('theme-control')).toMatchAriaSnapshot(`
    - group "Theme":
      - radio "System" [checked]
      - radio "Light"
      - radio "Dark"
  `);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(radio(page, 'System'), 'Tab reaches the checked option').toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(radio(page, 'Light')).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(radio(page, 'Dark')).toBeChecked();
  expect(await background(page)).toBe(DARK);
  await expect(page.getByTestId('theme-control')).toMatchAriaSnapshot(`
    - group "Theme":
      - radio "System"
      - radio "Light"
      - radio "Dark" [checked]
  `);
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => document.activeElement?.closest('[data-testid="theme-control"]') === null),
    'the next Tab leaves the control',
  ).toBe(true);
});

test('the control fits the phone header and nothing moves while the page loads with a saved theme', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    localStorage.setItem('theme', 'dark');
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  const control = page.getByTestId('theme-control');
  await expect(control).toBeVisible();
  const box = await control.boundingBox();
  const title = await page.locator('.site-title').boundingBox();
  expect(box && box.x + box.width, 'the control ends inside the screen').toBeLessThanOrEqual(390);
  expect(title && box && title.x + title.width <= box.x, 'the title and the control do not overlap').toBe(
    true,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const option of await control.locator('label').all()) {
    const size = await option.boundingBox();
    expect(size?.width, 'each option is a comfortable touch target').toBeGreaterThanOrEqual(36);
    expect(size?.height).toBeGreaterThanOrEqual(36);
  }
  await expect(radio(page, 'Dark')).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 'layout shift').toBe(0);
  await context.close();
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

test('without JavaScript there is no theme control that cannot work (the system theme still applies)', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('theme-control')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 27)');
  await context.close();
});
