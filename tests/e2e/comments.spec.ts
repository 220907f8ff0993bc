/**
 * The giscus loader (src/islands/comments/giscus.ts) in a real browser, on the harness page
 * tests/harness/comments.html: the comments origin is the harness itself, and public/client.js is a
 * stub that records the attributes it was loaded with and the messages its frame receives.
 */
import type { Page } from '@playwright/test';
import { HARNESS_URL } from '../urls';
import { expect, test } from './fixtures';

declare global {
  interface Window {
    __giscusLoaded?: Record<string, string>;
    __giscusRuns?: number;
    __giscusMessages?: unknown[];
    __giscusFrameReady?: boolean;
  }
}

const PAGE = `${HARNESS_URL}/comments.html`;

/** Records every request for client.js, from the moment the page starts loading. */
function clientRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/client.js') seen.push(request.url());
  });
  return seen;
}

const scripts = (page: Page) => page.locator('script[src$="/client.js"]');
const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test('nothing is requested before the reader comes near; then exactly one script, with the config', async ({
  page,
}) => {
  const requests = clientRequests(page);
  await page.goto(PAGE);
  const container = page.getByTestId('comments');
  await expect(container, 'the loader is mounted and waiting').toHaveAttribute(
    'data-giscus-state',
    'waiting',
  );
  await settle(page);
  expect(requests, 'no request for client.js while the comments are far below').toEqual([]);
  await expect(scripts(page), 'no giscus script before scrolling').toHaveCount(0);

  // Near, not yet on screen: 300px below the viewport is inside the 600px margin.
  await page.evaluate(() => {
    const top = document.querySelector('[data-testid="comments"]')!.getBoundingClientRect().top;
    scrollBy(0, top - innerHeight - 300);
  });
  await page.waitForFunction(() => window.__giscusLoaded !== undefined);
  await expect(container).toHaveAttribute('data-giscus-state', /loaded|ready/);
  await expect(scripts(page), 'one giscus script').toHaveCount(1);
  const script = scripts(page);
  await expect(script).toHaveAttribute('src', `${HARNESS_URL}/client.js`);
  await expect(script).toHaveAttribute('crossorigin', 'anonymous');
  expect(await script.evaluate((s: HTMLScriptElement) => s.async), 'the script is async').toBe(true);
  expect(await page.evaluate(() => window.__giscusLoaded), 'the attributes client.js read').toEqual({
    repo: 'octocat/blog-comments',
    repoId: 'R_test',
    category: 'Comments',
    categoryId: 'DIC_test',
    mapping: 'pathname',
    reactionsEnabled: '1',
    emitMetadata: '0',
    inputPosition: 'top',
    theme: 'preferred_color_scheme',
    lang: 'en',
    loading: 'lazy',
  });
  await expect(page.getByTestId('comments-load'), 'the button goes once the thread loads').toHaveCount(0);
  await expect(page.locator('iframe.giscus-frame'), 'the stub put its frame in the container').toHaveCount(1);

  // Away and back again: still one script, and client.js ran once.
  await page.evaluate(() => scrollTo(0, 0));
  await settle(page);
  await container.scrollIntoViewIfNeeded();
  await settle(page);
  await expect(scripts(page)).toHaveCount(1);
  expect(await page.evaluate(() => window.__giscusRuns), 'client.js ran once').toBe(1);
  expect(requests, 'client.js was requested once').toHaveLength(1);
});

test('without IntersectionObserver, "Load comments" loads them, by keyboard, and keeps focus there', async ({
  page,
}) => {
  const requests = clientRequests(page);
  await page.goto(`${PAGE}?io=off`);
  const button = page.getByRole('button', { name: 'Load comments' });
  await expect(button, 'the script shows the button').toBeVisible();
  await page.keyboard.press('Tab');
  await expect(button, 'Tab reaches the button').toBeFocused();
  await settle(page);
  expect(requests, 'focusing the button loads nothing').toEqual([]);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__giscusLoaded !== undefined);
  await expect(scripts(page)).toHaveCount(1);
  await expect(button, 'the button is gone').toHaveCount(0);
  await expect(page.getByTestId('comments'), 'focus stays in the comments').toBeFocused();
});

test('Tab onto the button scrolls it near: the thread loads and focus stays in the comments', async ({
  page,
}) => {
  await page.goto(PAGE);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.__giscusLoaded !== undefined);
  await expect(scripts(page)).toHaveCount(1);
  await expect(page.getByTestId('comments'), 'focus did not fall back to the page').toBeFocused();
});

test('the theme follows the site: dark at load, then light and the system theme through setConfig', async ({
  page,
}) => {
  await page.goto(`${PAGE}?theme=dark`);
  const container = page.getByTestId('comments');
  await container.scrollIntoViewIfNeeded();
  await expect(container, 'the stub frame messaged the page').toHaveAttribute('data-giscus-state', 'ready');
  expect(await page.evaluate(() => window.__giscusLoaded?.['theme']), 'theme at load').toBe('dark');
  expect(await page.evaluate(() => window.__giscusMessages), 'nothing posted before a change').toEqual([]);

  await page.evaluate(() => {
    document.documentElement.dataset['theme'] = 'light';
  });
  await expect
    .poll(() => page.evaluate(() => window.__giscusMessages), { message: 'the frame was told: light' })
    .toEqual([{ giscus: { setConfig: { theme: 'light' } } }]);

  await page.evaluate(() => {
    delete document.documentElement.dataset['theme'];
  });
  await expect
    .poll(() => page.evaluate(() => window.__giscusMessages), { message: 'then: follow the system' })
    .toEqual([
      { giscus: { setConfig: { theme: 'light' } } },
      { giscus: { setConfig: { theme: 'preferred_color_scheme' } } },
    ]);
});
