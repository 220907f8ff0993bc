import { expect, test } from './fixtures';
import { ARTICLE_PATH, PlaygroundPage, StepperPage } from './pages';
import { seriousViolations } from './axe';

test.use({ reducedMotion: 'reduce' });

test('axe finds nothing serious on the 404 page', async ({ page, consoleErrors }) => {
  await page.goto('/no-such-page/');
  expect(await seriousViolations(page)).toEqual([]);
  consoleErrors.length = 0; // the document's own 404 status, checked in site.spec.ts
});

// Every page of the sitemap is checked in every-page.spec.ts; these are states it does not reach.
test('axe finds nothing serious on the article with an error on screen and the inspector open', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const stepper = new StepperPage(page);
  await stepper.open();
  await stepper.typeInCell('input-cell', 0, 'abc'); // an error state is on screen too
  const playground = new PlaygroundPage(page);
  await playground.root.scrollIntoViewIfNeeded();
  await playground.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  await playground.root.getByTestId('feature-map').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(playground.root.getByTestId('pixel-inspector')).toBeVisible();
  expect(page.url()).toContain(ARTICLE_PATH);
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe finds nothing serious on search results, in light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/search/?q=kernel');
  // The index loads on first search: give a busy machine time.
  // The four lessons and the authoring guide.
  await expect(page.getByTestId('search-status')).toHaveText('5 results for “kernel”', { timeout: 20_000 });
  await expect(page.getByTestId('search-result')).toHaveCount(5);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
