/** What a reader uses to find their way: tags, contents, previous/next, reading time, drafts, cards. */
import { readFileSync } from 'node:fs';
import { SITE_URL as PUBLISHED_URL } from '../../src/consts';
import { readingTime } from '../../src/lib/reading-time';
import { expect, test } from './fixtures';
import {
  ARTICLE_PATH,
  DRAFT_PATH,
  DRAFT_TAG,
  DRAFT_TITLE,
  GUIDE_PATH,
  GUIDE_TITLE,
  PART2_PATH,
  PART2_TITLE,
  PART3_PATH,
  PART3_TITLE,
  PART4_PATH,
  PART4_TITLE,
} from './pages';
import { seedTitle } from './seed';

test('tag pages: the index counts posts per tag; each tag page lists exactly its posts', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page).toHaveURL('/tags/');
  const index = page.getByTestId('tag-index');
  await expect(index.getByRole('listitem')).toHaveText([
    'authoring (1 post)',
    'basics (1 post)',
    'cnn (4 posts)',
    'convolution (1 post)',
    'guide (1 post)',
    'pooling (2 posts)',
    'relu (1 post)',
    'text (1 post)',
    'training (1 post)',
  ]);
  await index.getByRole('link', { name: 'cnn' }).click();
  await expect(page).toHaveURL('/tags/cnn/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “cnn”');
  await expect(page.getByTestId('tag-posts').locator('h2')).toHaveText([
    PART4_TITLE,
    PART3_TITLE,
    PART2_TITLE,
    seedTitle,
  ]);
  await page.goto('/tags/guide/');
  await expect(page.getByTestId('tag-posts').locator('h2')).toHaveText([GUIDE_TITLE]);
  await page.goto('/tags/text/');
  await expect(page.getByTestId('tag-posts').locator('h2')).toHaveText([PART4_TITLE]);
  expect(
    (await page.request.get(`/tags/${DRAFT_TAG}/`)).status(),
    'a tag only a draft uses has no page',
  ).toBe(404);
});

test('a post links its tags to their pages', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  const tags = page.locator('.post__header').getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('link')).toHaveText(['cnn', 'convolution', 'basics']);
  await tags.getByRole('link', { name: 'convolution' }).click();
  await expect(page).toHaveURL('/tags/convolution/');
  await expect(page.getByTestId('tag-posts').locator('h2')).toHaveText([seedTitle]);
});

test('the contents of a long post link to each h2 and h3; a short post has none', async ({ page }) => {
  await page.goto(GUIDE_PATH);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  const links = toc.getByRole('link');
  // The post's own headings: a demo's panels may carry headings of their own, inside its figure.
  const headings = page.getByTestId('post-body').locator('h2:not(figure *), h3:not(figure *)');
  await expect(links).toHaveText(await headings.allTextContents());
  for (const link of await links.all()) {
    const id = ((await link.getAttribute('href')) ?? '').slice(1);
    await expect(page.locator(`[id="${id}"]`), `the target of ${id} exists`).toHaveCount(1);
  }
  // h3 sit inside their h2's item.
  await expect(toc.locator('li li a')).toHaveText([
    'ConvolutionFigure: a static worked example',
    'ConvolutionStepper: the convolution, one window at a time',
    'KernelPlayground: kernels on real pictures',
    'FeatureMaps: a filter bank, stage by stage',
    'TextConvolution: filters sliding over text',
    'TextClassifier: a small text CNN that reads subject lines',
    "DigitNetwork: a network that learns in the reader's browser",
  ]);
  await toc.getByRole('link', { name: 'Citations' }).click();
  await expect(page).toHaveURL(`${GUIDE_PATH}#citations`);
  await expect(page.getByRole('heading', { name: 'Citations', level: 2 })).toBeInViewport();

  await page.goto(ARTICLE_PATH);
  await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(0);
});

test('reading time: under the title and on the home page, from the words of the post', async ({ page }) => {
  const file = new URL(
    '../../content/posts/understanding-convolutional-neural-networks/index.mdx',
    import.meta.url,
  );
  const body = readFileSync(file, 'utf8');
  const { minutes } = readingTime(body);
  expect(minutes, 'the seed article is a few minutes long').toBeGreaterThanOrEqual(2);
  await page.goto(ARTICLE_PATH);
  await expect(page.getByTestId('reading-time')).toHaveText(`${minutes} min read`);
  await page.goto('/');
  await expect(page.locator('article.post-card').filter({ hasText: seedTitle })).toContainText(
    `${minutes} min read`,
  );
});

test('previous and next: each post links to its neighbours in date order', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  const nav = page.getByRole('navigation', { name: 'More posts' });
  await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
  await nav.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(PART2_PATH);
  await expect(nav.locator('a[rel="prev"]')).toContainText(seedTitle);
  await nav.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(GUIDE_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(GUIDE_TITLE);
  await expect(nav.locator('a[rel="prev"]')).toContainText(PART2_TITLE);
  await nav.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(PART3_PATH);
  await expect(nav.locator('a[rel="prev"]')).toContainText(GUIDE_TITLE);
  await nav.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(PART4_PATH);
  await expect(nav.locator('a[rel="prev"]')).toContainText(PART3_TITLE);
  await expect(nav.locator('a[rel="next"]')).toHaveCount(0);
});

test('a draft is in no page, list, sitemap or feed of the build', async ({ page, request }) => {
  expect((await request.get(DRAFT_PATH)).status()).toBe(404);
  await page.goto('/');
  await expect(page.getByText(DRAFT_TITLE)).toHaveCount(0);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).not.toContain(DRAFT_PATH);
  for (const path of ['/', ARTICLE_PATH, GUIDE_PATH, PART4_PATH, '/tags/']) {
    expect(sitemap, `the sitemap lists ${path}`).toContain(`<loc>${PUBLISHED_URL}${path}</loc>`);
  }
  const feed = await (await request.get('/rss.xml')).text();
  expect(feed, 'the feed has no link to the draft').not.toContain(`${PUBLISHED_URL}${DRAFT_PATH}`);
  expect(feed, 'the feed has no item for the draft').not.toContain(DRAFT_TITLE);
  expect(feed, 'the feed has part 4').toContain(`${PUBLISHED_URL}${PART4_PATH}`);
});

test('social cards: each post has its own 1200×630 image; other pages the site’s', async ({
  page,
  request,
}) => {
  for (const [path, title] of [
    [ARTICLE_PATH, seedTitle],
    [GUIDE_PATH, GUIDE_TITLE],
  ] as const) {
    await page.goto(path);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`);
    await expect(meta('og:title')).toHaveAttribute('content', title);
    await expect(meta('og:type')).toHaveAttribute('content', 'article');
    await expect(meta('og:url')).toHaveAttribute('content', `${PUBLISHED_URL}${path}`);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const image = (await meta('og:image').getAttribute('content')) ?? '';
    expect(image).toBe(`${PUBLISHED_URL}/og${path.replace(/\/$/, '')}.png`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld.image, 'schema.org data names the same image').toBe(image);
    const png = await request.get(new URL(image).pathname);
    expect(png.headers()['content-type']).toContain('image/png');
    const bytes = await png.body();
    // PNG: width and height are the big-endian words at bytes 16 and 20 of the IHDR chunk.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  }
  await page.goto('/tags/');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    `${PUBLISHED_URL}/social.png`,
  );
  expect((await request.get('/social.png')).ok()).toBe(true);
});

test('comments are off by default: no comments section and no request to giscus', async ({ page }) => {
  // The seed post asks for comments (comments: true) but the site configures no provider.
  await page.goto(ARTICLE_PATH);
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { name: 'Comments' })).toHaveCount(0);
  await expect(page.locator('script[src*="giscus"], iframe')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('no page is wider than the screen', async ({ page }) => {
    for (const path of ['/', ARTICLE_PATH, GUIDE_PATH, '/tags/', '/tags/cnn/', '/search/', '/about/']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} fits a 390-pixel screen`).toBeLessThanOrEqual(390);
    }
  });
});

test('a post asks for its formula fonts with its <head>: the very fonts its formulas draw with, no more', async ({
  page,
}) => {
  // Without the early ask, formulas are blank until their fonts arrive and the page is laid out twice.
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname);
  });
  await page.goto(ARTICLE_PATH);
  await page.evaluate(() => document.fonts.ready);
  const preloaded = await page
    .locator('head link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  // Main (digits, operators), Math italic (letters), Size2 (a displayed sum); its Size3 bracket's
  // font is small enough to be inlined in the stylesheet, and costs no request.
  expect(preloaded.length, 'the article draws formulas with three font files').toBe(3);
  expect(new Set(fonts)).toEqual(new Set(preloaded));
  for (const href of preloaded) expect((await page.request.get(href)).status(), href).toBe(200);

  fonts.length = 0;
  await page.goto('/');
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator('head link[rel="preload"][as="font"]')).toHaveCount(0);
  expect(fonts, 'the home page has no formulas and fetches no font').toEqual([]);
});
