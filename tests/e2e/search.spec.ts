/** Search (Pagefind over the built site), by keyboard alone. */
import { expect, test } from './fixtures';
import { ARTICLE_PATH, GUIDE_TITLE } from './pages';
import { seedTitle } from './seed';

test('"/" opens search from any page; a phrase from the article finds it; Tab and Enter open it', async ({
  page,
}) => {
  await page.goto('/about/');
  await page.keyboard.press('/');
  await expect(page).toHaveURL('/search/');
  const box = page.getByRole('textbox');
  await expect(box, 'the search box has the focus').toBeFocused();
  await page.keyboard.type('weird combination of biology');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toHaveText(seedTitle);
  await expect(page).toHaveURL(/\?q=weird\+combination\+of\+biology$/);
  // Results re-render while the reader types; Tab once they have settled on the whole phrase.
  await expect(page.locator('.pagefind-ui__message')).toHaveText(/results? for weird combination of biology/);
  // Keyboard only: Tab from the box reaches the first result (past Pagefind's clear button).
  for (let i = 0; i < 8 && !(await result.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(ARTICLE_PATH);
});

test('a search address with ?q= shows its results at once; drafts and formulas are not indexed', async ({
  page,
}) => {
  await page.goto('/search/?q=frontmatter');
  await expect(page.locator('.pagefind-ui__result-link').first()).toHaveText(GUIDE_TITLE);
  await page.goto('/search/?q=pooling%20layers%20summarise');
  await expect(page.locator('.pagefind-ui__message')).toContainText('No results');
  await expect(page.locator('.pagefind-ui__result')).toHaveCount(0);
});

test('"/" typed into a text field stays there', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('textbox');
  await box.pressSequentially('a/b');
  await expect(box).toHaveValue('a/b');
  await expect(page).toHaveURL(/\/search\/\?q=a%2Fb$/);
});
