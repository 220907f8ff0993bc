/**
 * Where the site is published: its address (SITE_URL, an origin such as https://me.github.io) and
 * the path it lives under (BASE_PATH, '/' or '/blog/'). Both come from the environment when set,
 * else from src/consts.ts, so `SITE_URL=https://me.github.io BASE_PATH=/blog npm run build` makes
 * a site that works under /blog/. Pure: tested in tests/unit/lib/site-address.test.ts.
 */

export interface SiteAddress {
  /** The origin, no path, no trailing slash: 'https://me.github.io'. */
  site: string;
  /** The base path with a slash at each end: '/' or '/blog/'. */
  base: string;
}

/**
 * '/blog', 'blog', '/blog/', 'blog/' -> '/blog/'; '', '/' -> '/'; 'a//b' -> '/a/b/'. Throws a
 * sentence for anything that is not a plain path (a full address, '?', '#', '.', '..', spaces).
 */
export function normaliseBasePath(raw: string, from = 'BASE_PATH'): string {
  const text = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(text)) {
    throw new Error(
      `${from} "${raw}" is an address; give only the path the site lives under, such as /blog (and the address as SITE_URL).`,
    );
  }
  const segments = text.split('/').filter((s) => s !== '');
  const bad = segments.find((s) => s === '.' || s === '..' || !/^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(s));
  if (bad !== undefined) {
    throw new Error(
      `${from} "${raw}": the part "${bad}" cannot be in a path the site lives under; use letters, digits, "-", "_" or "." (such as /blog).`,
    );
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The site's address from the environment (SITE_URL, BASE_PATH) or the defaults. SITE_URL may
 * carry the base path itself (https://me.github.io/blog, as GitHub Pages gives it): then that path
 * is the base, unless BASE_PATH says otherwise, which is an error.
 */
export function siteAddress(
  env: Readonly<Record<string, string | undefined>>,
  defaults: { site: string; base?: string },
): SiteAddress {
  const rawSite = nonEmpty(env['SITE_URL']);
  const rawBase = nonEmpty(env['BASE_PATH']);
  const from = rawSite === undefined ? 'SITE_URL in src/consts.ts' : 'SITE_URL';
  let url: URL;
  try {
    url = new URL(rawSite ?? defaults.site);
  } catch {
    throw new Error(
      `${from} "${rawSite ?? defaults.site}" is not an address; write it as https://example.org.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${from} "${url.href}" must start with https:// (or http://).`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`${from} "${url.href}" must not have a ? or # part.`);
  }
  const sitePath = normaliseBasePath(url.pathname, from);
  const base =
    rawBase === undefined
      ? sitePath === '/'
        ? normaliseBasePath(defaults.base ?? '/', 'the base path in src/consts.ts')
        : sitePath
      : normaliseBasePath(rawBase);
  if (sitePath !== '/' && sitePath !== base) {
    throw new Error(
      `${from} "${url.href}" ends in ${sitePath} but BASE_PATH is ${base}: give SITE_URL as ${url.origin} and the path as BASE_PATH.`,
    );
  }
  return { site: url.origin, base };
}

/**
 * A site path under the base: withBase('/blog/', '/tags/') -> '/blog/tags/',
 * withBase('/', 'tags/') -> '/tags/', withBase('/blog/', '') -> '/blog/'. The base is '/' or
 * '/x/' (normaliseBasePath); the path is a site path (as authors write it: '/tags/'), with or
 * without its first '/', and is always put under the base (a post named "blog" under /blog/ is
 * /blog/blog/).
 */
export function withBase(base: string, path: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** True for a site path as authors write it ('/tags/'); not for '//host/x', 'x', '#x' or 'https://…'. */
export const isSitePath = (value: string): boolean => value.startsWith('/') && !value.startsWith('//');

/** The site path a root-relative address names: ('/blog/', '/blog/tags/') -> '/tags/'; outside the base: undefined. */
export function withoutBase(base: string, path: string): string | undefined {
  if (base === '/') return path;
  if (path === base.slice(0, -1)) return '/';
  return path.startsWith(base) ? path.slice(base.length - 1) : undefined;
}

/** The absolute address of a site path: ('https://me.github.io', '/blog/', 'tags/') -> 'https://me.github.io/blog/tags/'. */
export function absoluteUrl(address: SiteAddress, path: string): string {
  return `${address.site}${withBase(address.base, path)}`;
}

/** The address as a card prints it: ('https://me.github.io', '/blog/') -> 'me.github.io/blog'. */
export function displayAddress(address: SiteAddress): string {
  return `${new URL(address.site).host}${address.base.replace(/\/$/, '')}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
