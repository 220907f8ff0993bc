/**
 * The RSS feed, read the way a feed reader and the W3C feed validator read it: well-formed XML,
 * the RSS 2.0 elements every channel and item needs, dates in RFC 822 form, absolute addresses,
 * one item per published post (drafts never), and post content that reads without the site's
 * JavaScript and CSS: formulas as MathML, demos as their static figure plus a link.
 */
import { SITE_URL as PUBLISHED_URL } from '../../src/consts';
import { convolveGrid, SEED_INPUT, SEED_KERNEL } from '../../src/compute';
import { expect, test } from './fixtures';
import { ARTICLE_PATH, DRAFT_PATH, PART4_PATH } from './pages';
import { seedParagraphs, seedTitle } from './seed';

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

interface FeedItem {
  title: string;
  link: string;
  guid: string;
  permalink: string | null;
  pubDate: string;
  description: string;
  categories: string[];
  content: string;
}

test('the feed is well-formed RSS 2.0 with one full item per published post, and no draft', async ({
  page,
  request,
}) => {
  const response = await request.get('/rss.xml');
  expect(response.ok(), 'the feed is served').toBe(true);
  const xml = await response.text();
  await page.goto('/');
  const homeLinks = await page
    .locator('article.post-card .post-card__title a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const channel = doc.querySelector('rss > channel');
    const child = (el: Element | null | undefined, name: string) =>
      [...(el?.children ?? [])].find((c) => c.tagName === name)?.textContent ?? '';
    const self = [...(channel?.children ?? [])].find((c) => c.localName === 'link' && c.prefix === 'atom');
    return {
      error,
      version: doc.documentElement.getAttribute('version'),
      title: child(channel, 'title'),
      link: child(channel, 'link'),
      description: child(channel, 'description'),
      self: self ? { href: self.getAttribute('href'), rel: self.getAttribute('rel') } : null,
      items: [...doc.querySelectorAll('item')].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        guid: child(item, 'guid'),
        permalink: [...item.children].find((c) => c.tagName === 'guid')?.getAttribute('isPermaLink') ?? null,
        pubDate: child(item, 'pubDate'),
        description: child(item, 'description'),
        categories: [...item.children]
          .filter((c) => c.tagName === 'category')
          .map((c) => c.textContent ?? ''),
        content: child(item, 'content:encoded'),
      })),
    };
  }, xml);

  expect(feed.error, 'the feed parses as XML').toBeNull();
  expect(feed.version).toBe('2.0');
  expect(feed.title).not.toBe('');
  expect(feed.description).not.toBe('');
  expect(feed.link).toBe(`${PUBLISHED_URL}/`);
  expect(feed.self, 'the channel names its own address (atom:link rel=self)').toEqual({
    href: `${PUBLISHED_URL}/rss.xml`,
    rel: 'self',
  });
  const paths = feed.items.map((item: FeedItem) => new URL(item.link).pathname);
  expect(paths, 'one item per post on the home page, in its order (each series in part order)').toEqual(
    homeLinks,
  );
  expect(paths).not.toContain(DRAFT_PATH);
  expect(paths, 'part 4 is published').toContain(PART4_PATH);
  for (const item of feed.items as FeedItem[]) {
    expect(item.link.startsWith(`${PUBLISHED_URL}/`), `${item.title}: absolute link`).toBe(true);
    expect(item.guid).toBe(item.link);
    expect(item.permalink).toBe('true');
    expect(item.pubDate, `${item.title}: RFC 822 date`).toMatch(RFC_822);
    expect(item.description).not.toBe('');
    expect(item.content.length, `${item.title}: the full post is in the feed`).toBeGreaterThan(500);
  }
  const seed = (feed.items as FeedItem[]).find((item) => item.title === seedTitle);
  expect(seed?.pubDate).toBe('Wed, 11 Jan 2017 12:54:47 GMT');
  expect(seed?.categories).toEqual(['cnn', 'convolution', 'basics']);
});

test('a post in the feed reads without scripts or styles: MathML, static figures, absolute links', async ({
  page,
  request,
}) => {
  const xml = await (await request.get('/rss.xml')).text();
  await page.goto('/');
  const post = await page.evaluate(
    ({ text, title }) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const item = [...doc.querySelectorAll('item')].find(
        (i) => [...i.children].find((c) => c.tagName === 'title')?.textContent === title,
      );
      const html =
        [...(item?.children ?? [])].find((c) => c.tagName === 'content:encoded')?.textContent ?? '';
      const body = new DOMParser().parseFromString(html, 'text/html').body;
      const addresses = [...body.querySelectorAll('[href], [src]')].map(
        (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
      );
      return {
        text: (body.textContent ?? '').replace(/\s+/g, ' '),
        maths: body.querySelectorAll('math').length,
        tex: [...body.querySelectorAll('annotation')].map((a) => a.textContent),
        katexHtml: body.querySelectorAll('.katex-html, .katex').length,
        scripts: body.querySelectorAll('script, style, astro-island, [style]').length,
        cards: body.querySelectorAll('.cite-card').length,
        addresses,
        output: [...body.querySelectorAll('table[aria-label^="Output"] tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
        ),
        liveLinks: [...body.querySelectorAll('a')]
          .filter((a) => (a.closest('p')?.textContent ?? '').includes('interactive on the site'))
          .map((a) => a.getAttribute('href')),
      };
    },
    { text: xml, title: seedTitle },
  );
  for (const paragraph of seedParagraphs.slice(0, 3)) {
    expect(post.text, 'the article’s own words are in the feed').toContain(paragraph.slice(0, 120));
  }
  expect(post.maths, 'formulas are MathML').toBeGreaterThan(10);
  expect(post.tex).toContain('(x * w)(t) = \\int_{-\\infty}^{\\infty} x(a)\\, w(t - a)\\, da');
  expect(post.katexHtml, 'no KaTeX HTML, which needs its stylesheet').toBe(0);
  expect(post.scripts, 'no scripts, styles or islands').toBe(0);
  expect(post.cards, 'no citation pop-up cards').toBe(0);
  for (const address of post.addresses) {
    expect(address, 'every address is absolute').toMatch(/^(https?:|mailto:)/);
  }
  expect(post.output, 'the stepper became its static figure, with the reference numbers').toEqual(
    convolveGrid(SEED_INPUT, SEED_KERNEL),
  );
  expect(post.liveLinks, 'each demo links to its live version').toEqual([
    `${PUBLISHED_URL}${ARTICLE_PATH}`,
    `${PUBLISHED_URL}${ARTICLE_PATH}`,
  ]);
});

test('every page announces the feed to browsers and readers', async ({ page }) => {
  for (const path of ['/', ARTICLE_PATH, '/tags/']) {
    await page.goto(path);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      '/rss.xml',
    );
  }
});
