import { expect, test } from './fixtures';
import {
  ARTICLE_PATH,
  GUIDE_PATH,
  GUIDE_TITLE,
  PART2_TITLE,
  PART3_TITLE,
  PART4_TITLE,
  SERIES_NAME,
} from './pages';
import { seedTitle } from './seed';

test('home leads with the lessons in series order, above the fold on a phone; the guide is for authors', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const titles = page.locator('article.post-card .post-card__title');
  await expect(titles, 'the series in part order, then the guide').toHaveText([
    seedTitle,
    PART2_TITLE,
    PART3_TITLE,
    PART4_TITLE,
    GUIDE_TITLE,
  ]);
  await expect(titles.first(), 'the first lesson is on the first screen of a phone').toBeInViewport();
  const series = page.getByTestId('home-series');
  await expect(series.getByRole('heading', { level: 2 })).toHaveText(SERIES_NAME);
  await expect(series.locator('.post-card__part')).toHaveText(['Part 1', 'Part 2', 'Part 3', 'Part 4']);
  const card = page.locator('article.post-card').filter({ hasText: seedTitle });
  await expect(card).toContainText('Written on January 11, 2017');
  await expect(card).toContainText('In the future I will be using ConvNets to search for textual patterns');
  // The article holds a convolution stepper and a kernel playground.
  await expect(card.getByTestId('interactive-badge')).toHaveText('2 interactive figures');
  await expect(page.locator('#for-authors').locator('.post-card__title')).toHaveText([GUIDE_TITLE]);
  await card.getByRole('link', { name: `Read more: ${seedTitle}` }).click();
  await expect(page).toHaveURL(ARTICLE_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedTitle);
  const nav = page.getByRole('navigation', { name: 'Site' });
  await nav.getByRole('link', { name: 'Write' }).click();
  await expect(page, 'authors find the guide from the header').toHaveURL(GUIDE_PATH);
  await expect(nav.getByRole('link', { name: 'Write' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL('/');
});

test('the About page is linked from the header', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'About' }).first().click();
  await expect(page).toHaveURL('/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
});

test('an unknown URL gets the 404 page with a way back', async ({ page, consoleErrors }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status(), 'the server answers 404').toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // Chromium reports the 404 status of the document itself; that one line is expected, nothing else.
  expect(consoleErrors).toEqual([
    'Failed to load resource: the server responded with a status of 404 (Not Found)',
  ]);
  consoleErrors.length = 0;
  await page.getByRole('link', { name: 'Back to the posts' }).click();
  await expect(page).toHaveURL('/');
});
