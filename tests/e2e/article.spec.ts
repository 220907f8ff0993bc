import { SEED_INPUT, SEED_KERNEL } from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { ArticlePage } from './pages';
import { seedParagraphs, seedReferences, seedTitle } from './seed';

test.describe('the article page', () => {
  test('shows the seed’s title and every paragraph, word for word and in order', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedTitle);
    expect(seedParagraphs.length, 'the seed has body paragraphs').toBeGreaterThanOrEqual(2);
    expect(await article.paragraphs(), 'the article’s own paragraphs equal the seed’s').toEqual(
      seedParagraphs,
    );
    await expect(page.getByText('Written on January 11, 2017')).toBeVisible();
  });

  test('renders every formula with KaTeX at build time, with no errors', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto();
    await expect(article.body.locator('.katex-error')).toHaveCount(0);
    const display = article.body.locator('.katex-display');
    expect(await display.count(), 'the four definitions are display math').toBeGreaterThanOrEqual(4);
    expect(await article.body.locator('.katex').count(), 'inline math too').toBeGreaterThan(10);
    // MathML is there for screen readers, and the formula for cross-correlation reads as written.
    await expect(display.nth(2).locator('annotation')).toContainText('(I \\star K)(i, j)');
  });

  test('citations link to References and back', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto();
    const markers = article.body.locator('sup.citation a.citation-link');
    expect(await markers.count(), 'two citations in the text plus one in the note').toBe(3);
    for (const marker of await markers.all()) {
      const target = await marker.getAttribute('href');
      const id = await marker.getAttribute('id');
      await marker.click();
      await expect(page, 'the marker jumps to its entry').toHaveURL(new RegExp(`${target}$`));
      const entry = page.locator(target ?? '#missing');
      await expect(entry).toBeVisible();
      const number = (await marker.textContent())?.trim();
      expect(await entry.getAttribute('value'), 'the number in the text equals the number in the list').toBe(
        number,
      );
      await entry.locator(`a[href="#${id}"]`).click();
      await expect(page, 'the entry links back to this marker').toHaveURL(new RegExp(`#${id}$`));
    }
  });

  test('References lists the seed’s two works with the same details and links', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto();
    await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
    const texts = await article.referenceTexts();
    expect(texts).toHaveLength(seedReferences.length);
    for (const expected of seedReferences) {
      expect(
        texts.some((t) => t.startsWith(expected)),
        `an entry reads “${expected}”`,
      ).toBe(true);
    }
    await expect(article.references.locator('a[href="http://www.deeplearningbook.org"]')).toHaveCount(1);
  });

  test('the cover is drawn for this site, described, and credits the original', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto();
    const cover = article.body.locator('figure.figure img');
    await expect(cover).toHaveAttribute('alt', /handwritten 7.*prediction/);
    expect(
      await cover.evaluate((img: HTMLImageElement) => img.naturalWidth),
      'the image loaded',
    ).toBeGreaterThan(0);
    await expect(
      article.body.locator('figure.figure a[href="https://adeshpande3.github.io/assets/Cover.png"]'),
    ).toBeVisible();
  });

  test('with JavaScript off: the whole text, the math, and the static figure of the example', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const article = new ArticlePage(page);
    await article.goto();
    expect(await article.paragraphs()).toEqual(seedParagraphs);
    await expect(article.body.locator('.katex').first()).toBeVisible();
    expect(await article.grid('Input')).toEqual(SEED_INPUT.map((r) => [...r]));
    expect(await article.grid('Kernel')).toEqual(SEED_KERNEL.map((r) => [...r]));
    // Worked by hand in the seed's animation; the page computes it with src/compute at build time.
    expect(await article.grid('Output')).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
    await expect(article.figure.getByTestId('window-sum')).toHaveText(
      'Output row 1, column 1: 1×1 + 1×0 + 1×1 + 0×0 + 1×1 + 1×0 + 0×1 + 0×0 + 1×1 = 4',
    );
    await context.close();
  });
});
