import { expect, test } from './fixtures';
import { ARTICLE_PATH } from './pages';
import { seedTitle } from './seed';

test('home lists the post with its date and excerpt; read more -> post -> home', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('article.post-card').filter({ hasText: seedTitle });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Written on January 11, 2017');
  await expect(card).toContainText('In the future I will be using ConvNets to search for textual patterns');
  await card.getByRole('link', { name: `Read more: ${seedTitle}` }).click();
  await expect(page).toHaveURL(ARTICLE_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedTitle);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Posts' }).click();
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
