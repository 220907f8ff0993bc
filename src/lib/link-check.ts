/**
 * Internal link check of the built site: every address a page points to on this site must name a
 * built file, and every #fragment must name an element on the target page. Pure: the caller reads
 * dist/ and hands over the pages' HTML and the list of the other files (scripts/check-links.ts).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { withBase, withoutBase } from './site-address.ts';

export interface LinkProblem {
  /** The page the link is on, relative to dist: 'about/index.html'. */
  page: string;
  /** The file the page was built from, when known: 'content/posts/foo/index.mdx'. */
  source?: string;
  /** The address as written in the page. */
  url: string;
  reason: 'missing-page' | 'missing-anchor' | 'outside-base';
  /** A sentence naming the file, the link and what to fix. */
  message: string;
}

export interface LinkCheckOptions {
  /** 'https://convolutions.example.org': absolute addresses on this origin are checked too. */
  siteOrigin: string;
  /**
   * The path the site is published under, '/' unless told ('/blog/'): dist/ holds what is served
   * there, and an address on this origin outside it leaves the site.
   */
  basePath?: string;
  /** The source file of a route ('/foo/' -> 'content/posts/foo/index.mdx'), named in messages. */
  sourceOf?: (route: string) => string | undefined;
  /** Decoded paths ('/pagefind/pagefind-ui.js') not to check. */
  ignore?: (path: string) => boolean;
  /** Every built file that is not a page: 'favicon.svg', '_astro/x.js', 'rss.xml'. */
  extraFiles?: Set<string>;
  /** How the built folder is named in messages when the source is unknown; 'dist' unless told. */
  distLabel?: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** Internal links looked at (one per distinct address per page), ignored ones left out. */
  checked: number;
}

/** An address as found in a page, and whether it is meant to open a page or to load a file. */
interface FoundLink {
  url: string;
  kind: 'page' | 'file';
}

/** Broken internal links and missing anchors in the built pages, sorted by page then address. */
export function checkLinks(pages: Map<string, string>, options: LinkCheckOptions): LinkProblem[] {
  return linkReport(pages, options).problems;
}

/** `checkLinks`, plus how many internal links were checked. */
export function linkReport(pages: Map<string, string>, options: LinkCheckOptions): LinkReport {
  const origin = new URL(options.siteOrigin).origin;
  const basePath = options.basePath ?? '/';
  const extra = options.extraFiles ?? new Set<string>();
  const distLabel = options.distLabel ?? 'dist';
  const trees = new Map<string, Root>();
  for (const [file, html] of pages) trees.set(file, fromHtml(html));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      const tree = trees.get(file);
      ids = tree ? collectIds(tree) : new Set();
      idCache.set(file, ids);
    }
    return ids;
  };
  const exists = (file: string) => pages.has(file) || extra.has(file);

  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const [page, tree] of trees) {
    const route = routeOf(page);
    const source = options.sourceOf?.(route);
    const where = source === undefined ? `${distLabel}/${page}` : `${source} (built as ${route})`;
    const base = `${origin}${withBase(basePath, page)}`;
    const seen = new Set<string>();
    const report = (url: string, reason: LinkProblem['reason'], message: string) => {
      const key = `${reason}\u0000${url}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push({
        page,
        ...(source === undefined ? {} : { source }),
        url,
        reason,
        message: `${where}: the link "${url}" ${message}`,
      });
    };
    const counted = new Set<string>();

    for (const { url, kind } of collectLinks(tree)) {
      if (isSkippedScheme(url)) continue;
      let resolved: URL;
      try {
        resolved = new URL(url, base);
      } catch {
        report(url, 'missing-page', 'is not a valid address. Fix the address.');
        continue;
      }
      if (resolved.origin !== origin) continue;
      const served = decode(resolved.pathname);
      const path = withoutBase(basePath, served);
      if (path === undefined) {
        report(
          url,
          'outside-base',
          `leads out of the site: it is published under ${basePath}. Write the address from the site's base path (${withBase(basePath, served)}).`,
        );
        continue;
      }
      if (options.ignore?.(path)) continue;
      if (!counted.has(url)) {
        counted.add(url);
        checked += 1;
      }

      const target = resolveFile(path, exists);
      if (target === undefined) {
        report(
          url,
          'missing-page',
          kind === 'page'
            ? 'points to a page that does not exist. Fix the address or add the page.'
            : 'points to a file that does not exist. Fix the address or add the file.',
        );
        continue;
      }
      const fragment = decode(resolved.hash.slice(1));
      if (!pages.has(target) || !needsAnchor(fragment)) continue;
      if (!idsOf(target).has(fragment)) {
        report(
          url,
          'missing-anchor',
          `points to no element with id "${fragment}" on ${routeOf(target)}. Fix the anchor or add the id.`,
        );
      }
    }
  }

  problems.sort((a, b) => compare(a.page, b.page) || compare(a.url, b.url) || compare(a.reason, b.reason));
  return { problems, checked };
}

/** 'index.html' -> '/', 'about/index.html' -> '/about/', '404.html' -> '/404'. */
export function routeOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

/**
 * The built file a decoded path names: the file itself, its index.html when it is a folder, or
 * path + '.html' (Astro's trailingSlash 'ignore' serves /about as /about/).
 */
export function resolveFile(path: string, exists: (file: string) => boolean): string | undefined {
  const key = path.replace(/^\/+/, '');
  const candidates =
    key === '' || key.endsWith('/') ? [`${key}index.html`] : [key, `${key}/index.html`, `${key}.html`];
  return candidates.find(exists);
}

/**
 * The candidates' URLs of a srcset: "a.png 1x, b.png 2x" -> ['a.png', 'b.png']. A URL is a run of
 * non-space characters (commas included, as in data: URLs); a trailing comma ends the candidate.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset.charAt(i))) i += 1;
    if (i >= srcset.length) break;
    let url = '';
    while (i < srcset.length && !/\s/.test(srcset.charAt(i))) url += srcset.charAt(i++);
    const endsCandidate = url.endsWith(',');
    url = url.replace(/,+$/, '');
    if (url) urls.push(url);
    if (endsCandidate) continue;
    // Skip the descriptors ("1x", "480w"), up to the comma that is not inside parentheses.
    let depth = 0;
    while (i < srcset.length) {
      const c = srcset.charAt(i++);
      if (c === '(') depth += 1;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
    }
  }
  return urls;
}

const SKIPPED_SCHEME = /^\s*(mailto|tel|data|blob|javascript|sms|about):/i;

function isSkippedScheme(url: string): boolean {
  return SKIPPED_SCHEME.test(url);
}

/** '#' alone, '#top' and text fragments ('#:~:text=') need no element. */
function needsAnchor(fragment: string): boolean {
  return fragment !== '' && fragment.toLowerCase() !== 'top' && !fragment.startsWith(':~:');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return undefined;
}

function tokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

const META_URLS = new Set(['og:image', 'og:url', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

/** Every address in a page: a[href], link[href], img/source src and srcset, script[src], meta URLs. */
function collectLinks(tree: Root): FoundLink[] {
  const links: FoundLink[] = [];
  const add = (value: unknown, kind: FoundLink['kind']) => {
    const url = text(value)?.trim();
    if (url !== undefined) links.push({ url, kind });
  };
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    switch (node.tagName) {
      case 'a':
      case 'area':
        add(p['href'], 'page');
        break;
      case 'link': {
        const rel = tokens(p['rel']).map((r) => r.toLowerCase());
        add(p['href'], rel.includes('canonical') || rel.includes('alternate') ? 'page' : 'file');
        break;
      }
      case 'img':
      case 'source':
      case 'script':
        add(p['src'], 'file');
        for (const url of srcsetUrls(text(p['srcSet']) ?? '')) links.push({ url, kind: 'file' });
        break;
      case 'meta': {
        const key = String(p['property'] ?? p['name'] ?? '').toLowerCase();
        if (META_URLS.has(key)) add(p['content'], key === 'og:url' ? 'page' : 'file');
        break;
      }
    }
  });
  return links;
}

/** The ids in a page, and the names of its a[name] anchors. */
function collectIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
    const name = node.properties['name'];
    if (node.tagName === 'a' && typeof name === 'string') ids.add(name);
  });
  return ids;
}
