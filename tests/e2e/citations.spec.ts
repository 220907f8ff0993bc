import { expect, test } from './fixtures';
import { ARTICLE_PATH } from './pages';

const bookMarker = (page: import('@playwright/test').Page) => page.locator('a#cite-goodfellow2016-1');
const bookCard = (page: import('@playwright/test').Page) => page.locator('#card-cite-goodfellow2016-1');

/** A finger on the marker: the browser decides what is hit, as on a phone. */
async function tapMarker(page: import('@playwright/test').Page): Promise<void> {
  const box = await bookMarker(page).boundingBox();
  if (box === null) throw new Error('the marker is not on screen');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

test.describe('citation cards', () => {
  test('open on hover with the full reference, stay open inside, close on Escape', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const card = bookCard(page);
    await expect(card).toBeHidden();
    await bookMarker(page).hover();
    await expect(card).toBeVisible();
    await expect(card).toContainText(
      'Deep Learning, 2016, Ian Goodfellow, Yoshua Bengio, and Aaron Courville',
    );
    const link = card.getByRole('link', { name: 'http://www.deeplearningbook.org' });
    await link.hover();
    await expect(card, 'still open with the pointer inside it').toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
  });

  test('open on keyboard focus, and Escape closes them', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const marker = bookMarker(page);
    await page.locator('a#cite-beginnersguide-1').focus();
    await page.keyboard.press('Tab');
    await expect(
      page.locator('#card-cite-beginnersguide-1 a').first(),
      'Tab moves into the open card',
    ).toBeFocused();
    await marker.focus();
    await expect(bookCard(page)).toBeVisible();
    await expect(marker).toHaveAttribute('aria-describedby', 'card-cite-goodfellow2016-1');
    await page.keyboard.press('Escape');
    await expect(bookCard(page)).toBeHidden();
  });

  test('a locator is shown, and a marker citing a chapter names it', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const chapter = page.locator('a#cite-goodfellow2016-2');
    await expect(chapter.locator('..')).toContainText('[2, ch. 9]');
    await chapter.hover();
    await expect(page.locator('#card-cite-goodfellow2016-2')).toContainText('(ch. 9)');
  });

  test('a tap opens the card instead of jumping; a second tap follows the link', async ({ browser }) => {
    const context = await browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(ARTICLE_PATH);
    await bookMarker(page).scrollIntoViewIfNeeded();
    await tapMarker(page);
    await expect(bookCard(page)).toBeVisible();
    expect(new URL(page.url()).hash, 'no jump on the first tap').toBe('');
    await tapMarker(page);
    await expect(page).toHaveURL(/#ref-goodfellow2016$/);
    await context.close();
  });
});

test('Cite this post: the copy buttons copy exactly the text shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ARTICLE_PATH);
  const section = page.getByRole('region', { name: 'Cite this post' });
  await section.scrollIntoViewIfNeeded();
  // The 2017 source names no writer: APA's form for a work without an author starts with the
  // title, and the site's name is where it was published, never its author.
  await expect(section.getByTestId('post-citation')).toContainText(
    'Understanding Convolutional Neural Networks (A Beginner’s Guide). (2017, January 11). Convolutions, Explained. https://',
  );
  for (const [button, shown] of [
    ['copy-citation', 'post-citation'],
    ['copy-bibtex', 'post-bibtex'],
  ] as const) {
    await section.getByTestId(button).click();
    await expect(section.getByText('Copied.').first()).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await section.getByTestId(shown).innerText());
  }
  const bibtex = await section.getByTestId('post-bibtex').innerText();
  expect(bibtex).toMatch(/^@misc\{\w+,/);
  expect(bibtex).toContain('url = {https://');
});

test('Google Scholar tags, the canonical URL and schema.org data are in the head', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  const meta = (name: string) => page.locator(`head meta[name="${name}"]`);
  await expect(meta('citation_title')).toHaveAttribute(
    'content',
    "Understanding Convolutional Neural Networks (A Beginner's Guide)",
  );
  await expect(meta('citation_publication_date')).toHaveAttribute('content', '2017/01/11');
  await expect(meta('citation_author'), 'no person is named, and the site is not one').toHaveCount(0);
  const references = await page.locator('ol.references > li').count();
  await expect(meta('citation_reference'), 'one citation_reference per cited work').toHaveCount(references);
  await expect(meta('citation_reference').last()).toHaveAttribute(
    'content',
    /citation_title=Deep Learning; citation_author=Ian Goodfellow/,
  );
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/understanding-convolutional-neural-networks\/$/,
  );
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld['@type']).toBe('BlogPosting');
  expect(ld.citation).toHaveLength(references);
});

test('an open card stays inside the window, even for a marker near the right edge', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(ARTICLE_PATH);
  for (const id of ['cite-beginnersguide-1', 'cite-goodfellow2016-1', 'cite-goodfellow2016-2']) {
    await page.locator(`a#${id}`).hover();
    const box = await page.locator(`#card-${id}`).boundingBox();
    expect(box, `${id}'s card is shown`).not.toBeNull();
    expect(box!.x, `${id}'s card starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${id}'s card ends inside the window`).toBeLessThanOrEqual(1100);
  }
});
