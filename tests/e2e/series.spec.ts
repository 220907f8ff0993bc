/** A series of lessons: each part shows the whole series and the way on; the series has a page. */
import { expect, test } from './fixtures';
import {
  ARTICLE_PATH,
  PART2_PATH,
  PART2_TITLE,
  PART3_PATH,
  PART3_TITLE,
  PART4_PATH,
  PART4_TITLE,
  SERIES_NAME,
  SERIES_PATH,
} from './pages';
import { seedTitle } from './seed';

test('each part shows every part, where the reader is, and the previous or next part', async ({ page }) => {
  await page.goto(PART4_PATH);
  const nav = page.getByTestId('series-nav');
  await expect(nav).toContainText(`Part 4 of 4 in the series ${SERIES_NAME}`);
  await expect(nav.getByRole('listitem')).toHaveText([seedTitle, PART2_TITLE, PART3_TITLE, PART4_TITLE]);
  await expect(nav.locator('[aria-current="page"]')).toHaveText(PART4_TITLE);
  await expect(nav.getByRole('link', { name: /→/ }), 'the last part has no next part').toHaveCount(0);
  // The series box comes before the lesson itself, where a reader arriving from search sees it.
  const navBox = await nav.boundingBox();
  const bodyBox = await page.getByTestId('post-body').boundingBox();
  expect(navBox && bodyBox && navBox.y < bodyBox.y, 'the series box is above the post').toBe(true);
  await nav.getByRole('link', { name: `← Part 3: ${PART3_TITLE}` }).click();
  await expect(page).toHaveURL(PART3_PATH);
  await nav.getByRole('link', { name: `← Part 2: ${PART2_TITLE}` }).click();
  await expect(page).toHaveURL(PART2_PATH);
  await nav.getByRole('link', { name: `← Part 1: ${seedTitle}` }).click();
  await expect(page).toHaveURL(ARTICLE_PATH);
  await expect(nav).toContainText(`Part 1 of 4 in the series ${SERIES_NAME}`);
  await expect(nav.locator('[aria-current="page"]')).toHaveText(seedTitle);
  await nav.getByRole('link', { name: `Part 2: ${PART2_TITLE} →` }).click();
  await expect(page).toHaveURL(PART2_PATH);
  await nav.getByRole('link', { name: SERIES_NAME }).click();
  await expect(page).toHaveURL(SERIES_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SERIES_NAME);
  const parts = page.getByTestId('series-parts');
  await expect(parts.locator('.post-card__part')).toHaveText(['Part 1', 'Part 2', 'Part 3', 'Part 4']);
  await expect(parts.locator('.post-card__title')).toHaveText([
    seedTitle,
    PART2_TITLE,
    PART3_TITLE,
    PART4_TITLE,
  ]);
  await page.getByRole('link', { name: 'start with part 1' }).click();
  await expect(page).toHaveURL(ARTICLE_PATH);
});

test('a post outside any series has no series box', async ({ page }) => {
  await page.goto('/writing-a-post/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('series-nav')).toHaveCount(0);
});
