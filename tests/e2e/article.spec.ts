import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { SEED_INPUT, SEED_KERNEL } from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { ARTICLE_PATH, ArticlePage } from './pages';
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
    // The first window's nine products and their total, as the article's animation shows them.
    const sum = article.figure.getByTestId('window-sum').first();
    await expect(sum).toContainText('Output row 1, column 1');
    await expect(sum.getByTestId('product-term')).toHaveCount(9);
    await expect(sum.getByTestId('product-term').first()).toHaveAccessibleName(/^1 times 1: 1/);
    await expect(sum.getByTestId('window-total'), 'the total of the nine products').toHaveText(/\D4$/);
    await context.close();
  });
});

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** Relative luminance (WCAG) of a CSS rgb()/rgba() colour, and the contrast ratio of two. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

/** The cover drawing a reader sees at this width (the figure holds a wide and a narrow one). */
async function shownCover(page: Page): Promise<Locator> {
  const drawings = page.getByTestId('post-body').locator('figure.figure svg[role="img"]');
  await expect(drawings.filter({ visible: true }), 'exactly one drawing of the cover is shown').toHaveCount(
    1,
  );
  return drawings.filter({ visible: true });
}

test.describe('the cover figure', () => {
  for (const size of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`at ${size.width} px, ${colorScheme}: described, labels at least 12 px, nothing overlaps, no panel, credited`, async ({
        browser,
      }) => {
        const context = await browser.newContext({ viewport: size, colorScheme });
        const page = await context.newPage();
        await page.goto(ARTICLE_PATH);
        const cover = await shownCover(page);
        await cover.scrollIntoViewIfNeeded();
        await expect(cover).toHaveAttribute('aria-label', /handwritten 7.*prediction/);
        const figure = page.getByTestId('post-body').locator('figure.figure').first();
        await expect(figure.locator('figcaption')).toContainText('Illustration of convolutional nets');
        await expect(
          figure.locator('a[href="https://adeshpande3.github.io/assets/Cover.png"]'),
        ).toBeVisible();

        const drawing = await cover.evaluate((svg: SVGSVGElement) => {
          const box = (el: Element) => el.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')];
          const shapes = [...svg.querySelectorAll('rect, circle')];
          const arrows = [...svg.querySelectorAll('path')];
          const overlap = (a: DOMRect, b: DOMRect) =>
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          const clashes: string[] = [];
          for (const [i, t] of texts.entries()) {
            for (const other of [...texts.slice(i + 1), ...shapes])
              if (overlap(box(t), box(other)))
                clashes.push(`“${t.textContent}” overlaps ${other.outerHTML.slice(0, 60)}`);
          }
          for (const a of arrows)
            for (const shape of shapes)
              if (overlap(box(a), box(shape)))
                clashes.push(`an arrow runs into ${shape.outerHTML.slice(0, 60)}`);
          return {
            width: box(svg).width,
            sizes: texts.map((t) => {
              const m = t.getScreenCTM();
              return {
                text: t.textContent ?? '',
                px: parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 0),
                fill: getComputedStyle(t).fill,
              };
            }),
            clashes,
            svgBackground: getComputedStyle(svg).backgroundColor,
            figureBackground: getComputedStyle(svg.closest('figure') ?? svg).backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
          };
        });
        expect(drawing.width, 'the drawing fits the column').toBeLessThanOrEqual(size.width);
        expect(drawing.sizes.length, 'the drawing has labels').toBeGreaterThanOrEqual(6);
        for (const label of drawing.sizes) {
          expect(label.px, `“${label.text}” renders at 12 px or more`).toBeGreaterThanOrEqual(12);
          expect(
            contrast(label.fill, drawing.page),
            `“${label.text}” is readable on the page`,
          ).toBeGreaterThanOrEqual(4.5);
        }
        expect(drawing.clashes).toEqual([]);
        expect(drawing.svgBackground, 'no panel of its own: the page shows through').toBe('rgba(0, 0, 0, 0)');
        expect(drawing.figureBackground).toBe('rgba(0, 0, 0, 0)');

        // What a reader sees: the drawing's pixels are mostly the page's own background.
        const { data, info } = await sharp(await cover.screenshot())
          .raw()
          .toBuffer({ resolveWithObject: true });
        const [pr = 0, pg = 0, pb = 0] = (drawing.page.match(/\d+/g) ?? []).map(Number);
        let same = 0;
        for (let i = 0; i < data.length; i += info.channels) {
          const d =
            Math.abs((data[i] ?? 0) - pr) +
            Math.abs((data[i + 1] ?? 0) - pg) +
            Math.abs((data[i + 2] ?? 0) - pb);
          if (d <= 6) same += 1;
        }
        expect(
          same / (info.width * info.height),
          'most of the drawing is the page background',
        ).toBeGreaterThan(0.5);
        await context.close();
      });
    }
  }
});

/** How much a scroll box's fading edges change its left and right 10-pixel strips, 0–255. */
async function edgeCue(box: Locator): Promise<{ left: number; right: number }> {
  const pixels = async () =>
    sharp(await box.screenshot())
      .raw()
      .toBuffer({ resolveWithObject: true });
  const withCue = await pixels();
  await box.evaluate((el: HTMLElement) => (el.style.background = getComputedStyle(el).backgroundColor));
  const without = await pixels();
  await box.evaluate((el: HTMLElement) => (el.style.background = ''));
  const { width, height, channels } = withCue.info;
  const strip = (from: number) => {
    let sum = 0;
    for (let y = 0; y < height; y += 1)
      for (let x = from; x < from + 10; x += 1)
        for (let c = 0; c < 3; c += 1) {
          const i = (y * width + x) * channels + c;
          sum += Math.abs((withCue.data[i] ?? 0) - (without.data[i] ?? 0));
        }
    return sum / (height * 10 * 3);
  };
  return { left: strip(0), right: strip(width - 10) };
}

test.describe('display formulas on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: each fits, or scrolls in a focusable, named box whose fading edge shows where more is`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(ARTICLE_PATH);
      const formulas = page.locator('[data-editor-note] .katex-display');
      expect(await formulas.count(), 'the editor’s notes have display formulas').toBeGreaterThanOrEqual(4);
      let scrolling = 0;
      for (const formula of await formulas.all()) {
        await formula.scrollIntoViewIfNeeded();
        const fits = await formula.evaluate((el) => {
          const math = el.querySelector('.katex-html') ?? el;
          const box = el.getBoundingClientRect();
          const inner = math.getBoundingClientRect();
          return (
            inner.left >= box.left - 1 && inner.right <= box.right + 1 && el.scrollWidth <= el.clientWidth + 1
          );
        });
        const box = formula.locator('xpath=..');
        const overflows = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        if (fits && !overflows) continue;
        scrolling += 1;
        expect(overflows, 'a formula that does not fit scrolls in its box').toBe(true);
        await expect(box).toHaveAttribute('tabindex', '0');
        await expect(box).toHaveAccessibleName(/formula/i);
        const start = await edgeCue(box);
        expect(start.right, 'a fading edge on the right: there is more').toBeGreaterThan(3);
        expect(start.left, 'none on the left at the start').toBeLessThan(1);
        // The keyboard scrolls it: focus, then the arrow key (End would leave the box in some browsers).
        await box.focus();
        const before = await box.evaluate((el) => el.scrollLeft);
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() => box.evaluate((el) => el.scrollLeft), 'arrow keys scroll it')
          .toBeGreaterThan(before);
        await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        const end = await edgeCue(box);
        expect(end.left, 'at the end, the fading edge is on the left').toBeGreaterThan(3);
        expect(end.right).toBeLessThan(1);
      }
      expect(scrolling, 'at 390 px some formulas are too wide and scroll').toBeGreaterThan(0);
    });
  }
});

test.describe('the document height while scrolling (JavaScript off, so no demo hydrates)', () => {
  for (const size of SIZES) {
    test(`at ${size.width} px it stays the same from top to bottom`, async ({ browser }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ viewport: size, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(ARTICLE_PATH);
      const heights: number[] = [];
      const step = Math.round(size.height * 0.75);
      for (let y = 0; y <= (heights.at(-1) ?? 0); y += step) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        // A screenshot waits for a new frame: whatever came into view has been laid out by then
        // (page scripts, and with them requestAnimationFrame, are off).
        await page.screenshot({ clip: { x: 0, y: 0, width: 1, height: 1 } });
        heights.push(await page.evaluate(() => document.documentElement.scrollHeight));
      }
      expect(heights.length, 'the page was scrolled in several steps').toBeGreaterThan(4);
      // When a demo's layout changes, its placeholder size (contain-intrinsic-size in
      // src/styles/navigation.css) must follow: say what each demo measures now.
      const demos = await page.evaluate(() =>
        [...document.querySelectorAll('.prose > .conv-figure, .prose > .playground-figure')].map(
          (el) => `${el.className.split(' ')[0]} ${el.getBoundingClientRect().height.toFixed(0)}px`,
        ),
      );
      expect(
        Math.max(...heights) - Math.min(...heights),
        `heights seen: ${heights.join(', ')}; the demos' real heights (navigation.css placeholders): ${demos.join(', ')}`,
      ).toBeLessThanOrEqual(2);
      await context.close();
    });
  }
});

test.describe('editor’s marks on words kept as the seed has them', () => {
  test('each marked phrase stays in the text, with a [sic] whose note gives the correct wording', async ({
    page,
  }) => {
    const article = new ArticlePage(page);
    await article.goto();
    const marks = article.body.getByRole('button', { name: /sic/ });
    await expect(marks).toHaveCount(2);
    await expect(article.body.locator('.sic').first()).toHaveText('biology ,maths');
    await expect(marks.first()).toHaveAccessibleDescription(/biology, maths/);
    await expect(marks.nth(1)).toHaveAccessibleDescription(
      /Convolutional networks \(LeCun, 1989\), also known as convolutional neural networks or CNNs/,
    );
    // The reader's way in: focus shows the note, Escape hides it.
    const card = page.locator(`#${await marks.nth(1).getAttribute('aria-describedby')}`);
    await expect(card).toBeHidden();
    await marks.nth(1).focus();
    await expect(card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    // The marks are not part of the reproduced paragraphs (checked word for word above).
    const second = (await article.paragraphs())[1] ?? '';
    expect(
      second.startsWith(
        'Convolutional networks convolutional (LeCun, 1989), also known as neural networks or CNNs,',
      ),
    ).toBe(true);
  });

  test('on a phone a tap opens the note on screen and a second tap closes it', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(ARTICLE_PATH);
    const mark = page.getByTestId('post-body').getByRole('button', { name: /sic/ }).nth(1);
    const card = page.locator(`#${await mark.getAttribute('aria-describedby')}`);
    await mark.tap();
    await expect(card).toBeVisible();
    await expect(card).toBeInViewport({ ratio: 1 });
    await mark.tap();
    await expect(card).toBeHidden();
    await context.close();
  });
});
