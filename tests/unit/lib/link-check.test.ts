import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { checkLinks, linkReport, resolveFile, routeOf, srcsetUrls } from '~/lib/link-check';
import { checkDist, sourceFinder } from '../../../scripts/check-links.ts';

const siteOrigin = 'https://convolutions.example.org';
const page = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
const a = (href: string) => `<a href="${href}">x</a>`;

test('routeOf: index.html -> /, about/index.html -> /about/, 404.html -> /404', () => {
  expect(['index.html', 'about/index.html', '404.html'].map(routeOf)).toEqual(['/', '/about/', '/404']);
});

test('resolveFile: the file, the folder’s index.html, or path + .html (trailingSlash ignore)', () => {
  const files = new Set(['index.html', 'about/index.html', 'notes.html', 'favicon.svg']);
  const has = (f: string) => files.has(f);
  expect(resolveFile('/', has)).toBe('index.html');
  expect(resolveFile('/about/', has)).toBe('about/index.html');
  expect(resolveFile('/about', has)).toBe('about/index.html');
  expect(resolveFile('/notes', has)).toBe('notes.html');
  expect(resolveFile('/favicon.svg', has)).toBe('favicon.svg');
  expect(resolveFile('/missing/', has)).toBeUndefined();
});

test('srcsetUrls: descriptors dropped, a comma after a descriptor needs no space, data: URLs kept whole', () => {
  expect(srcsetUrls('/a.png 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
  expect(srcsetUrls('/a.png 240w,/b.png 480w')).toEqual(['/a.png', '/b.png']);
  expect(srcsetUrls('/a.png, /b.png 2x')).toEqual(['/a.png', '/b.png']);
  expect(srcsetUrls('data:image/png;base64,AAA= 1x, /c.png 2x')).toEqual([
    'data:image/png;base64,AAA=',
    '/c.png',
  ]);
});

test('checkLinks: a small site, every kind of link, broken ones named with what to fix', () => {
  const pages = new Map([
    [
      'index.html',
      page(
        [
          a('/about/'), // works
          a('/missing/'), // missing page
          a('/about'), // no trailing slash: resolves to about/index.html
          a('https://convolutions.example.org/about/'), // same origin, works
          a('https://convolutions.example.org/gone/'), // same origin, broken
          a('https://example.com/nowhere/'), // other origin: not checked
          a('mailto:someone@example.org'),
          a('tel:+441234'),
          a('javascript:void(0)'),
          a('#'),
          a('#top'),
          a('/post/#fig-2'), // present on the other page
          a('/post/#fig-3'), // missing on the other page
          a('/favicon.svg#whatever'), // fragment on a non-HTML target: ignored
          a('/caf%C3%A9/'), // percent-encoded: café/index.html
          a('/missing/'), // the same broken link twice: reported once
          '<img src="/og/a.png" srcset="/og/a.png 1x, /og/b.png 2x" alt="">', // b.png missing
        ].join(''),
      ),
    ],
    ['post/index.html', page(`<figure id="fig-2"></figure>${a('../about/')}${a('../x/')}${a('#fig-2')}`)],
    ['about/index.html', page(`${a('#nowhere')}<a name="old-anchor"></a>${a('#old-anchor')}`)],
    ['café/index.html', page('')],
  ]);
  const problems = checkLinks(pages, {
    siteOrigin,
    extraFiles: new Set(['favicon.svg', 'og/a.png']),
    sourceOf: (route) => (route === '/post/' ? 'content/posts/2017-01-11-post/index.mdx' : undefined),
  });
  expect(problems.map((p) => [p.page, p.url, p.reason])).toEqual([
    ['about/index.html', '#nowhere', 'missing-anchor'],
    ['index.html', '/missing/', 'missing-page'],
    ['index.html', '/og/b.png', 'missing-page'],
    ['index.html', '/post/#fig-3', 'missing-anchor'],
    ['index.html', 'https://convolutions.example.org/gone/', 'missing-page'],
    ['post/index.html', '../x/', 'missing-page'],
  ]);
  expect(problems.find((p) => p.page === 'post/index.html')?.source).toBe(
    'content/posts/2017-01-11-post/index.mdx',
  );
  expect(problems.find((p) => p.page === 'index.html')).not.toHaveProperty('source');
  expect(problems.map((p) => p.message)).toMatchInlineSnapshot(`
    [
      "dist/about/index.html: the link "#nowhere" points to no element with id "nowhere" on /about/. Fix the anchor or add the id.",
      "dist/index.html: the link "/missing/" points to a page that does not exist. Fix the address or add the page.",
      "dist/index.html: the link "/og/b.png" points to a file that does not exist. Fix the address or add the file.",
      "dist/index.html: the link "/post/#fig-3" points to no element with id "fig-3" on /post/. Fix the anchor or add the id.",
      "dist/index.html: the link "https://convolutions.example.org/gone/" points to a page that does not exist. Fix the address or add the page.",
      "content/posts/2017-01-11-post/index.mdx (built as /post/): the link "../x/" points to a page that does not exist. Fix the address or add the page.",
    ]
  `);
});

test('checkLinks: canonical, og:image, og:url, twitter:image and scripts are checked; ignore() skips paths', () => {
  const head = [
    '<link rel="canonical" href="https://convolutions.example.org/about/">',
    '<link rel="stylesheet" href="/_astro/site.css">',
    '<meta property="og:image" content="https://convolutions.example.org/og/about.png">',
    '<meta property="og:url" content="https://convolutions.example.org/abuot/">',
    '<meta name="twitter:image" content="/og/missing.png">',
    '<script type="module" src="/_astro/x.js"></script>',
    '<script src="/pagefind/pagefind-ui.js"></script>',
  ].join('');
  const pages = new Map([
    ['about/index.html', `<!doctype html><html><head>${head}</head><body></body></html>`],
  ]);
  const report = linkReport(pages, {
    siteOrigin,
    extraFiles: new Set(['_astro/site.css', '_astro/x.js', 'og/about.png']),
    ignore: (path) => path.startsWith('/pagefind/'),
    sourceOf: (route) => (route === '/about/' ? 'src/pages/about.astro' : undefined),
  });
  expect(report.checked).toBe(6);
  expect(report.problems.map((p) => p.message)).toMatchInlineSnapshot(`
    [
      "src/pages/about.astro (built as /about/): the link "/og/missing.png" points to a file that does not exist. Fix the address or add the file.",
      "src/pages/about.astro (built as /about/): the link "https://convolutions.example.org/abuot/" points to a page that does not exist. Fix the address or add the page.",
    ]
  `);
});

test('checkLinks: a fragment is looked up after decoding; an id on any element counts', () => {
  const pages = new Map([['index.html', page(`<h2 id="café">x</h2>${a('#caf%C3%A9')}${a('#café')}`)]]);
  expect(checkLinks(pages, { siteOrigin })).toEqual([]);
});

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'link-check-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('sourceFinder: a post folder by slug or after a date prefix, else the .astro page', () => {
  const root = tempProject({
    'content/posts/2017-01-11-dated/index.mdx': '',
    'content/posts/plain/index.mdx': '',
    'src/pages/about.astro': '',
    'src/pages/index.astro': '',
    'src/pages/[slug].astro': '',
    'src/pages/tags/[tag].astro': '',
  });
  const sourceOf = sourceFinder(root, 'content/posts');
  expect(sourceOf('/dated/')).toBe('content/posts/2017-01-11-dated/index.mdx');
  expect(sourceOf('/plain/')).toBe('content/posts/plain/index.mdx');
  expect(sourceOf('/about/')).toBe('src/pages/about.astro');
  expect(sourceOf('/')).toBe('src/pages/index.astro');
  expect(sourceOf('/tags/cnn/')).toBe('src/pages/tags/[tag].astro');
  expect(sourceOf('/404'), 'not a post, so not [slug].astro either').toBeUndefined();
});

test('checkDist: reads a built folder, names the source files, skips /pagefind/ until it is built', () => {
  const root = tempProject({
    'content/posts/2017-01-11-hello/index.mdx': '',
    'src/pages/index.astro': '',
    'dist/index.html': page(
      `${a('/hello/')}${a('/about')}${a('/pagefind/pagefind-ui.js')}<img src="/favicon.svg" alt="">`,
    ),
    'dist/hello/index.html': page(`${a('/nope/')}${a('#missing')}${a('/')}`),
    'dist/about/index.html': page(a('/hello/')),
    'dist/favicon.svg': '<svg/>',
  });
  const result = checkDist(join(root, 'dist'), { root, postsDir: 'content/posts' });
  expect({ ...result, problems: result.problems.map((p) => p.message) }).toMatchInlineSnapshot(`
    {
      "brokenPages": 1,
      "links": 7,
      "pages": 3,
      "problems": [
        "content/posts/2017-01-11-hello/index.mdx (built as /hello/): the link "#missing" points to no element with id "missing" on /hello/. Fix the anchor or add the id.",
        "content/posts/2017-01-11-hello/index.mdx (built as /hello/): the link "/nope/" points to a page that does not exist. Fix the address or add the page.",
      ],
    }
  `);

  mkdirSync(join(root, 'dist/pagefind'));
  const withPagefind = checkDist(join(root, 'dist'), { root, postsDir: 'content/posts' });
  expect(withPagefind.problems.map((p) => p.url)).toContain('/pagefind/pagefind-ui.js');
  expect(withPagefind.problems.find((p) => p.url === '/pagefind/pagefind-ui.js')?.source).toBe(
    'src/pages/index.astro',
  );
});

test('importing scripts/check-links.ts runs nothing', () => {
  expect(process.exitCode ?? 0).toBe(0);
});

test('checkLinks under a base path: addresses resolve under /blog/; one outside it leads out of the site', () => {
  const pages = new Map([
    [
      'index.html',
      page(
        [
          a('/blog/about/'), // works
          a('/blog'), // the home page itself
          a('about/'), // relative to /blog/: /blog/about/
          a('/blog/post/#fig-2'), // anchor on the other page
          a('/about/'), // outside the base
          a('https://convolutions.example.org/blog/gone/'), // under the base, missing
          a('https://convolutions.example.org/elsewhere/'), // same origin, outside the base
          '<script src="/blog/pagefind/pagefind.js"></script>', // ignored as /pagefind/…
        ].join(''),
      ),
    ],
    ['post/index.html', page(`<figure id="fig-2"></figure>${a('../')}${a('../about/#nope')}`)],
    ['about/index.html', page('')],
  ]);
  const report = linkReport(pages, {
    siteOrigin,
    basePath: '/blog/',
    ignore: (path) => path.startsWith('/pagefind/'),
  });
  // index.html: 5 under the base (the two outside it and the ignored script not counted); post: 2.
  expect(report.checked, 'links under the base, ignored ones left out').toBe(7);
  expect(report.problems.map((p) => p.message)).toEqual([
    'dist/index.html: the link "/about/" leads out of the site: it is published under /blog/. Write the address from the site\'s base path (/blog/about/).',
    'dist/index.html: the link "https://convolutions.example.org/blog/gone/" points to a page that does not exist. Fix the address or add the page.',
    'dist/index.html: the link "https://convolutions.example.org/elsewhere/" leads out of the site: it is published under /blog/. Write the address from the site\'s base path (/blog/elsewhere/).',
    'dist/post/index.html: the link "../about/#nope" points to no element with id "nope" on /about/. Fix the anchor or add the id.',
  ]);
});
