/** Search (Pagefind over the built site): by keyboard alone, and finding what a reader reads. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ARTICLE_PATH, DRAFT_WORD, GUIDE_TITLE, PART2_TITLE, PART3_TITLE, PART4_TITLE } from './pages';
import { seedTitle } from './seed';

const results = (page: Page) => page.getByTestId('search-result');
const titles = (page: Page) => results(page).locator('.search-result__link');
const status = (page: Page) => page.getByTestId('search-status');

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await expect(status(page)).toContainText(`for “${query}”`);
}

test('"/" opens search from any page; a phrase from the article finds it; Tab and Enter open it', async ({
  page,
}) => {
  await page.goto('/about/');
  await page.keyboard.press('/');
  await expect(page).toHaveURL('/search/');
  const box = page.getByRole('searchbox', { name: 'Search the lessons and the authoring guide' });
  await expect(box, 'the search box has the focus').toBeFocused();
  await page.keyboard.type('weird combination of biology');
  await expect(status(page)).toHaveText('1 result for “weird combination of biology”');
  await expect(titles(page)).toHaveText([seedTitle]);
  await expect(results(page).first()).toContainText('Part 1 of the series');
  await expect(page).toHaveURL(/\?q=weird\+combination\+of\+biology$/);
  await page.keyboard.press('Tab');
  await expect(titles(page).first(), 'Tab from the box reaches the first result').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(ARTICLE_PATH);
});

test('a search address with ?q= shows its results at once; drafts are not indexed', async ({ page }) => {
  await page.goto('/search/?q=frontmatter');
  await expect(titles(page).first()).toHaveText(GUIDE_TITLE);
  await expect(page.getByRole('searchbox')).toHaveValue('frontmatter');
  // A word only the draft (content/posts/draft-example) uses.
  await search(page, DRAFT_WORD);
  await expect(status(page)).toHaveText(`No results for “${DRAFT_WORD}”.`);
  await expect(titles(page)).toHaveCount(0);
  // A name only part 4 cites: published, so found.
  await search(page, 'Jacovi');
  await expect(titles(page)).toHaveText([PART4_TITLE]);
});

test('finds lessons first, quotes what a reader reads, and finds nothing for nonsense', async ({ page }) => {
  await page.goto('/search/');
  // "kernel": the three lessons on pictures, which use the word often, above the authoring guide,
  // which uses it far more often still; part 4, on text, says it once in passing and comes last.
  await search(page, 'kernel');
  const found = await titles(page).allTextContents();
  expect(found.slice(0, 3).sort()).toEqual([PART3_TITLE, PART2_TITLE, seedTitle].sort());
  expect(found.slice(3)).toEqual([GUIDE_TITLE, PART4_TITLE]);
  // "sentence": part 4, the only lesson on text, above the guide, which also uses the word often.
  await search(page, 'sentence');
  await expect(titles(page)).toHaveText([PART4_TITLE, GUIDE_TITLE]);
  // Excerpts are the text a reader sees: no MDX source, tags or props.
  for (const query of ['kernel', 'EditorNote', 'stepper caption']) {
    await search(page, query);
    for (const excerpt of await results(page).locator('.search-result__excerpt').allTextContents()) {
      expect(excerpt, `an excerpt for "${query}"`).not.toMatch(/=\{|<[A-Z][A-Za-z]+|\/>|\[\s*\[/);
    }
  }
  // Formulas are read as text, so a sentence around one has no hole: "taps spaced d cells apart".
  await search(page, 'spaced cells apart');
  await expect(results(page).first().locator('.search-result__excerpt')).toContainText(
    /kernel of k\.? taps spaced d\.? cells apart/,
  );
  // "sobel": the lesson that uses Sobel kernels, first.
  await search(page, 'sobel');
  await expect(titles(page).first()).toHaveText(PART2_TITLE);
  // Nonsense finds nothing (Pagefind alone would answer with pages holding the letter "x").
  await search(page, 'xyzzyqq');
  await expect(status(page)).toHaveText('No results for “xyzzyqq”.');
  await expect(results(page)).toHaveCount(0);
});

/** WCAG relative luminance of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

test('the placeholder is readable in both themes; keyboard hints show only where there is a keyboard', async ({
  page,
  browser,
}) => {
  await page.goto('/search/');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const [placeholder, background] = await page
      .getByRole('searchbox')
      .evaluate((box) => [
        getComputedStyle(box, '::placeholder').color,
        getComputedStyle(box).backgroundColor,
      ]);
    const [hi, lo] = [luminance(placeholder ?? ''), luminance(background ?? '')].sort((a, b) => b - a);
    const contrast = ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    expect(contrast, `${colorScheme}: placeholder ${placeholder} on ${background}`).toBeGreaterThanOrEqual(
      4.5,
    );
  }
  await expect(page.getByText('on any page to come here')).toBeVisible();
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const onPhone = await phone.newPage();
  await onPhone.goto(page.url());
  await expect(onPhone.getByText('Results appear as you type')).toBeVisible();
  await expect(onPhone.getByText('on any page to come here'), 'no "Press /" on a phone').toBeHidden();
  await phone.close();
});

test('"/" typed into a text field stays there', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('searchbox');
  await box.pressSequentially('a/b');
  await expect(box).toHaveValue('a/b');
  await expect(page).toHaveURL(/\/search\/\?q=a%2Fb$/);
});
