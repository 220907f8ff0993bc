import { expect, test } from 'vitest';
import {
  absoluteUrl,
  displayAddress,
  isSitePath,
  normaliseBasePath,
  siteAddress,
  withBase,
  withoutBase,
} from '~/lib/site-address';

const DEFAULTS = { site: 'https://convolutions.example.org' };

test('normaliseBasePath: a slash at each end, however it is written; the root is "/"', () => {
  expect(['', '/', ' / '].map((raw) => normaliseBasePath(raw))).toEqual(['/', '/', '/']);
  expect(['blog', '/blog', 'blog/', '/blog/', '/blog//'].map((raw) => normaliseBasePath(raw))).toEqual([
    '/blog/',
    '/blog/',
    '/blog/',
    '/blog/',
    '/blog/',
  ]);
  expect(normaliseBasePath('a//b')).toBe('/a/b/');
  expect(normaliseBasePath('/docs/v2')).toBe('/docs/v2/');
  expect(normaliseBasePath('my-site.v2_x')).toBe('/my-site.v2_x/');
});

test('normaliseBasePath: an address, "..", "?", "#" or a space is refused with a sentence', () => {
  expect(() => normaliseBasePath('https://me.github.io/blog')).toThrow(
    'BASE_PATH "https://me.github.io/blog" is an address; give only the path the site lives under, such as /blog (and the address as SITE_URL).',
  );
  expect(() => normaliseBasePath('//cdn.example/blog')).toThrow(/is an address/);
  expect(() => normaliseBasePath('/a/../b')).toThrow(
    'BASE_PATH "/a/../b": the part ".." cannot be in a path',
  );
  expect(() => normaliseBasePath('/blog?x=1')).toThrow(/the part "blog\?x=1"/);
  expect(() => normaliseBasePath('/my blog')).toThrow(/the part "my blog"/);
});

test('siteAddress: the defaults when the environment says nothing (or only blanks)', () => {
  expect(siteAddress({}, DEFAULTS)).toEqual({ site: 'https://convolutions.example.org', base: '/' });
  expect(siteAddress({ SITE_URL: '', BASE_PATH: '  ' }, DEFAULTS)).toEqual({
    site: 'https://convolutions.example.org',
    base: '/',
  });
  expect(siteAddress({}, { site: 'https://example.org/', base: 'notes' })).toEqual({
    site: 'https://example.org',
    base: '/notes/',
  });
});

test('siteAddress: SITE_URL and BASE_PATH from the environment; a trailing slash on SITE_URL is dropped', () => {
  expect(siteAddress({ SITE_URL: 'https://me.github.io/', BASE_PATH: '/blog' }, DEFAULTS)).toEqual({
    site: 'https://me.github.io',
    base: '/blog/',
  });
  // GitHub Pages gives a project site's address with its path: that path is the base.
  expect(siteAddress({ SITE_URL: 'https://me.github.io/blog' }, DEFAULTS)).toEqual({
    site: 'https://me.github.io',
    base: '/blog/',
  });
  expect(siteAddress({ SITE_URL: 'https://me.github.io/blog/', BASE_PATH: 'blog' }, DEFAULTS)).toEqual({
    site: 'https://me.github.io',
    base: '/blog/',
  });
  expect(siteAddress({ SITE_URL: 'http://localhost:8080' }, DEFAULTS)).toEqual({
    site: 'http://localhost:8080',
    base: '/',
  });
});

test('siteAddress: a wrong address says what to write', () => {
  expect(() => siteAddress({ SITE_URL: 'me.github.io' }, DEFAULTS)).toThrow(
    'SITE_URL "me.github.io" is not an address; write it as https://example.org.',
  );
  expect(() => siteAddress({ SITE_URL: 'ftp://me.github.io' }, DEFAULTS)).toThrow(
    'SITE_URL "ftp://me.github.io/" must start with https:// (or http://).',
  );
  expect(() => siteAddress({ SITE_URL: 'https://me.github.io/?a=1' }, DEFAULTS)).toThrow(
    /must not have a \? or #/,
  );
  expect(() => siteAddress({ SITE_URL: 'https://me.github.io/blog', BASE_PATH: '/docs' }, DEFAULTS)).toThrow(
    'SITE_URL "https://me.github.io/blog" ends in /blog/ but BASE_PATH is /docs/: give SITE_URL as https://me.github.io and the path as BASE_PATH.',
  );
  expect(() => siteAddress({}, { site: 'nope' })).toThrow(
    'SITE_URL in src/consts.ts "nope" is not an address',
  );
});

test('withBase: site paths under the base, with or without their first slash; always prefixed', () => {
  expect(withBase('/', '/tags/')).toBe('/tags/');
  expect(withBase('/', 'tags/')).toBe('/tags/');
  expect(withBase('/', '/')).toBe('/');
  expect(withBase('/blog/', '/')).toBe('/blog/');
  expect(withBase('/blog/', '')).toBe('/blog/');
  expect(withBase('/blog/', '/tags/cnn/')).toBe('/blog/tags/cnn/');
  expect(withBase('/blog/', 'rss.xml')).toBe('/blog/rss.xml');
  expect(withBase('/a/b/', '/og/x.png')).toBe('/a/b/og/x.png');
  // A post whose slug is the base's own name is still a page under the base.
  expect(withBase('/blog/', '/blog/')).toBe('/blog/blog/');
});

test('withoutBase: the site path of a served address, undefined outside the base', () => {
  expect(withoutBase('/', '/tags/')).toBe('/tags/');
  expect(withoutBase('/blog/', '/blog/tags/')).toBe('/tags/');
  expect(withoutBase('/blog/', '/blog/')).toBe('/');
  expect(withoutBase('/blog/', '/blog')).toBe('/');
  expect(withoutBase('/blog/', '/tags/')).toBeUndefined();
  expect(withoutBase('/blog/', '/blogs/x/')).toBeUndefined();
});

test('isSitePath, absoluteUrl, displayAddress', () => {
  expect(['/tags/', '/', '//cdn.example/x', 'x.png', '#ref-1', 'https://a.org/'].map(isSitePath)).toEqual([
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
  const address = { site: 'https://me.github.io', base: '/blog/' };
  expect(absoluteUrl(address, '/rss.xml')).toBe('https://me.github.io/blog/rss.xml');
  expect(absoluteUrl({ site: 'https://example.org', base: '/' }, 'a/')).toBe('https://example.org/a/');
  expect(displayAddress(address)).toBe('me.github.io/blog');
  expect(displayAddress({ site: 'https://example.org', base: '/' })).toBe('example.org');
});
