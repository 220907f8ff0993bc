/** Site-wide constants. */
import { authorsFromEnv } from './lib/authors.ts';
import { giscusFromEnv } from './lib/comments.ts';
import { embedHosts } from './lib/external-media.ts';
import { siteAddress } from './lib/site-address.ts';
export const SITE_TITLE = 'Convolutions, Explained';
export const SITE_DESCRIPTION = 'What a convolution does, shown with numbers you can change.';
/**
 * Who wrote a post that names nobody in its frontmatter (`authors: [Ada Lovelace]`): the people in
 * SITE_AUTHORS (semicolons between names: SITE_AUTHORS="Ada Lovelace; Turing, Alan"), or the names
 * written here. Empty: the 2017 article's source does not name its writer, and a citation must not
 * invent one, so its citation starts with the title (APA's form for a work without an author).
 */
export const SITE_AUTHORS: readonly string[] = authorsFromEnv(process.env['SITE_AUTHORS']);
/**
 * Where the built site is published: SITE_URL, the address (canonical URLs, the feed, the sitemap,
 * social cards), and BASE_PATH, the path it lives under ('/', or '/blog/' for a site served at
 * https://me.github.io/blog/). The environment overrides both:
 * `SITE_URL=https://me.github.io BASE_PATH=/blog npm run build` (SITE_URL=https://me.github.io/blog
 * says the same). Every address the site writes goes under the base (src/lib/paths.ts).
 */
const ADDRESS = siteAddress(process.env, { site: 'https://convolutions.example.org', base: '/' });
export const SITE_URL = ADDRESS.site;
export const BASE_PATH = ADDRESS.base;
/**
 * Hosts whose pictures and frames posts may show ("www.youtube.com"): each page that uses one
 * admits it in its security policy; any other external picture or frame fails the build. The
 * EMBED_HOSTS environment variable adds hosts (comma-separated).
 */
export const EMBED_HOSTS: readonly string[] = embedHosts([], process.env['EMBED_HOSTS']);
/** How many posts the RSS feed carries, newest first, each in full (jekyll-feed's default is 10). */
export const FEED_POSTS = 20;
/** The CSL style of every reference list and citation: 'article-order' (the 2017 article's own order), or 'apa', 'vancouver', 'harvard1'. */
export const CITATION_STYLE = 'article-order';
/** The CSL style of the "Cite this post" text (people citing a web page expect APA). */
export const CITE_THIS_POST_STYLE = 'apa';
/**
 * Reader comments (giscus, on GitHub Discussions): off unless the build is given GISCUS_REPO,
 * GISCUS_REPO_ID, GISCUS_CATEGORY and GISCUS_CATEGORY_ID (see the README). Posts opt in with
 * `comments: true`.
 */
export const COMMENTS = giscusFromEnv(process.env);
