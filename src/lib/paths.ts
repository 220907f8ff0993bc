/**
 * Site paths under the base path the site is built for (Astro's `base`, from BASE_PATH in
 * src/consts.ts): sitePath('/tags/') is '/tags/' at the root and '/blog/tags/' under /blog/.
 * Every address a page writes to the site's own pages and files goes through it.
 */
import { isSitePath, normaliseBasePath, withBase } from './site-address.ts';

/** '/' or '/blog/': Astro's import.meta.env.BASE_URL with a slash at each end. */
// Outside Vite (a plain `node scripts/…` run) import.meta.env is undefined: the root.
export const BASE = normaliseBasePath(import.meta.env?.BASE_URL ?? '/');

/** A site path ('/tags/', 'rss.xml') under the base: '/blog/tags/', '/blog/rss.xml'. */
export const sitePath = (path: string): string => withBase(BASE, path);

/** A post's address: '/blog/<slug>/'. */
export const postPath = (slug: string): string => sitePath(`/${slug}/`);

/** An address an author wrote (a credit's link): a site path goes under the base, any other stays. */
export const authorHref = (href: string): string => (isSitePath(href) ? sitePath(href) : href);
