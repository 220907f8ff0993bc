/**
 * Published under a sub-path: the site built with BASE_PATH=/blog (astro build, then the steps of
 * `npm run build`'s postbuild, into tests/.cache/dist-blog) and served only under /blog/, the way
 * GitHub Pages serves a project site. One reader's visit: home, the article with its live
 * playground (its WASM loads), search, a tag page and the feed; no request may leave /blog/ or
 * find nothing. The same build names the site's default authors (SITE_AUTHORS), as a site owner
 * would: the article's byline, "Cite this post" and the Scholar tags name them.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './pages';
import { seedTitle } from './seed';
import { serveUnderBase, type SubPathHost } from './static-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = 'tests/.cache/dist-blog';
const BASE = '/blog/';
const SITE = 'https://me.example.org';
const ARTICLE = `${BASE}understanding-convolutional-neural-networks/`;
const run = promisify(execFile);

let host: SubPathHost;

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ reducedMotion: 'reduce' });

test.beforeAll(async () => {
  // One build for the whole file: about a minute on a busy 2-core machine.
  test.setTimeout(360_000);
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
  const env = {
    ...process.env,
    SITE_URL: SITE,
    BASE_PATH: '/blog',
    SITE_AUTHORS: 'Ada Lovelace; van Rossum, Guido',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const steps: [string, string[]][] = [
    ['npm', ['run', '--silent', 'build:astro', '--', '--outDir', OUT]],
    ['node', ['scripts/csp.ts', OUT]],
    ['npx', ['pagefind', '--site', OUT]],
    ['node', ['scripts/check-links.ts', OUT]],
  ];
  for (const [command, args] of steps) {
    try {
      await run(command, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
    }
  }
  host = await serveUnderBase(join(ROOT, OUT), BASE);
});

test.afterAll(async () => {
  await host?.close();
});

/** Console errors, and requests that went anywhere but this host's /blog/. */
function guard(page: Page): { errors: string[]; escaped: string[] } {
  const errors: string[] = [];
  const escaped: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.protocol.startsWith('http')) return;
    if (url.origin !== host.origin || !url.pathname.startsWith(BASE)) escaped.push(request.url());
  });
  return { errors, escaped };
}

test('under /blog/: home, the article and its live playground, search, a tag page, the feed, _headers', async ({
  page,
}) => {
  const { errors, escaped } = guard(page);
  const wasm: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm') && response.ok()) wasm.push(new URL(response.url()).pathname);
  });

  await test.step('home: every link of the page stays under /blog/', async () => {
    await page.goto(`${host.origin}${BASE}`);
    await expect(page.getByRole('link', { name: seedTitle }).first()).toBeVisible();
    const paths = await page
      .locator('a[href^="/"], link[href^="/"], img[src^="/"], script[src^="/"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
    expect(paths.length, 'the home page links to its own pages').toBeGreaterThan(5);
    expect(
      paths.filter((p) => !p.startsWith(BASE)),
      'addresses outside /blog/',
    ).toEqual([]);
    await page.getByRole('link', { name: seedTitle }).first().click();
    await expect(page).toHaveURL(`${host.origin}${ARTICLE}`);
  });

  await test.step('the article: the playground hydrates, loads its WASM from /blog/ and computes', async () => {
    const playground = new PlaygroundPage(page);
    await playground.root.scrollIntoViewIfNeeded();
    await playground.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
    await expect(playground.root.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
    expect(wasm, 'the WASM binary came from the site under /blog/').toEqual([
      expect.stringMatching(/^\/blog\/_astro\/tfjs-backend-wasm(-simd)?\.[\w-]+\.wasm$/),
    ]);
    expect(await playground.updates(), 'the playground drew its feature map').toBeGreaterThan(0);
    const picture = await playground.pixels('feature-map');
    expect(new Set(picture.rgba).size, 'the feature map is a picture, not a blank canvas').toBeGreaterThan(8);
  });

  await test.step('the site’s default authors: under the title, in "Cite this post", in the head', async () => {
    await expect(page.getByTestId('byline')).toHaveText('Ada Lovelace and Guido van Rossum');
    await expect(page.getByTestId('post-citation')).toContainText(
      'Lovelace, A., & van Rossum, G. (2017, January 11). Understanding Convolutional Neural Networks',
    );
    await expect(page.getByTestId('post-bibtex')).toContainText(
      'author = {Lovelace, Ada and van Rossum, Guido}',
    );
    const authors = await page
      .locator('head meta[name="citation_author"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('content')));
    expect(authors).toEqual(['Ada Lovelace', 'Guido van Rossum']);
  });

  await test.step('search: "/" opens /blog/search/, a phrase finds the article, its link opens it', async () => {
    await page.keyboard.press('/');
    await expect(page).toHaveURL(`${host.origin}${BASE}search/`);
    await page.getByRole('searchbox').fill('weird combination of biology');
    const result = page.getByTestId('search-result').locator('.search-result__link');
    await expect(result).toHaveText([seedTitle]);
    await expect(result).toHaveAttribute('href', ARTICLE);
    await result.click();
    await expect(page).toHaveURL(`${host.origin}${ARTICLE}`);
  });

  await test.step('a tag page under /blog/tags/, and back to all tags', async () => {
    const tag = page.locator('a[rel="tag"]').first();
    await expect(tag).toHaveAttribute('href', /^\/blog\/tags\/[^/]+\/$/);
    await tag.click();
    await expect(page).toHaveURL(new RegExp(`^${host.origin}/blog/tags/[^/]+/$`));
    await expect(page.getByRole('link', { name: seedTitle }).first()).toBeVisible();
    await page.getByRole('link', { name: 'All tags' }).click();
    await expect(page).toHaveURL(`${host.origin}${BASE}tags/`);
  });

  await test.step('the feed: announced under /blog/, every item at the published address', async () => {
    const feedPath = await page
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .getAttribute('href');
    expect(feedPath).toBe(`${BASE}rss.xml`);
    const response = await page.request.get(`${host.origin}${feedPath}`);
    expect(response.status(), 'the feed is served under /blog/').toBe(200);
    const xml = await response.text();
    const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links[0], 'the channel links to the site under /blog/').toBe(`${SITE}${BASE}`);
    expect(links.slice(1)).toContain(`${SITE}${ARTICLE}`);
    expect(links.filter((l) => !l?.startsWith(`${SITE}${BASE}`))).toEqual([]);
    expect(xml, 'the self link').toContain(`href="${SITE}${BASE}rss.xml" rel="self"`);
    expect(xml, 'each item names the site’s default authors').toContain(
      '<dc:creator>Ada Lovelace</dc:creator><dc:creator>Guido van Rossum</dc:creator>',
    );
  });

  await test.step('the _headers file gives each page its policy at its address under /blog/', async () => {
    const routes = readFileSync(join(ROOT, OUT, '_headers'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(routes).toContain(ARTICLE);
    expect(routes).toContain(BASE);
    expect(routes.filter((route) => !route.startsWith(BASE))).toEqual([]);
  });

  expect(escaped, 'requests that left /blog/').toEqual([]);
  expect(
    host.requests.filter((r) => r.status >= 400),
    'requests the host could not answer',
  ).toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});
