/**
 * Every page the sitemap lists, visited like a reader: scrolled to the end so every island
 * hydrates, each demo used once, then checked by axe. The fixtures fail any test whose page logs
 * a console error or requests anything from another host.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';

const sitemap = readFileSync(new URL('../../dist/sitemap-0.xml', import.meta.url), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc ?? '/').pathname);

async function useEveryDemo(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 500) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  for (const stepper of await page.getByTestId('conv-stepper').all()) {
    await stepper.scrollIntoViewIfNeeded();
    await stepper.and(page.locator('[data-ready="true"]')).waitFor();
    await stepper.getByTestId('output-cell').nth(1).click();
    await stepper.getByTestId('kernel-cell').first().fill('2');
  }
  for (const playground of await page.getByTestId('kernel-playground').all()) {
    await playground.scrollIntoViewIfNeeded();
    await playground.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
    await playground.getByTestId('kernel-preset').selectOption('sharpen');
    await playground.getByTestId('feature-map').focus();
    await page.keyboard.press('ArrowUp');
  }
}

test('the sitemap lists the pages a reader can reach', () => {
  expect(paths).toEqual(
    expect.arrayContaining([
      '/',
      '/about/',
      '/understanding-convolutional-neural-networks/',
      '/feature-maps/',
      '/series/cnns-step-by-step/',
    ]),
  );
});

for (const path of paths) {
  test(`${path}: every demo used, nothing from another host, no heading level skipped, axe finds nothing serious in light and dark`, async ({
    page,
  }) => {
    // Long posts with several demos (the series parts) take a while for axe on a busy 2-core machine.
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(path);
    await useEveryDemo(page);
    // Headings go down one level at a time, the demos' own included (a screen reader's outline;
    // Lighthouse counts a skipped level against accessibility).
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => Number(e.tagName[1])));
    const skips = levels.flatMap((level, i) =>
      i > 0 && level > (levels[i - 1] as number) + 1 ? [`h${levels[i - 1]} → h${level}`] : [],
    );
    expect(skips, 'no heading level is skipped').toEqual([]);
    // One visit, both themes: the page follows the system setting, so switching it re-colours
    // everything in place (the theme tests check that), then axe runs again.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const serious = await seriousViolations(page);
      expect(serious, `${colorScheme} theme`).toEqual([]);
    }
  });
}
