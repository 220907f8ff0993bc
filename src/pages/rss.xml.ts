/**
 * The RSS feed: the FEED_POSTS newest published posts, each in full. Posts are rendered through Astro's container with
 * `locals.feed` set, so each demo gives its static form and a link; feedHtml then keeps KaTeX's
 * MathML, drops the citation cards and makes every address absolute.
 */
import rss from '@astrojs/rss';
import mdxRenderer from '@astrojs/mdx/server.js';
import preactRenderer from '@astrojs/preact/server.js';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getCollection, render } from 'astro:content';
import { FEED_POSTS, SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import { displayName } from '../lib/authors';
import { feedHtml } from '../lib/feed-html';
import { postPath, sitePath } from '../lib/paths';
import { isForAuthors, newestPosts, postAuthors, publishedPosts } from '../lib/posts';
import { siteOrder } from '../lib/series';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config: set `site` so the feed can give absolute addresses.');
  const container = await AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  container.addServerRenderer({ name: '@astrojs/preact', renderer: preactRenderer });
  // The FEED_POSTS newest posts, in the home page's order: each series in part order, the
  // authoring guide last.
  const all = publishedPosts(await getCollection('posts'), import.meta.env.DEV);
  const posts = siteOrder(newestPosts(all, FEED_POSTS), isForAuthors);
  const items = await Promise.all(
    posts.map(async (post) => {
      const url = new URL(postPath(post.id), site);
      const { Content } = await render(post);
      const html = await container.renderToString(Content, { locals: { feed: { url: url.href } } });
      return {
        title: post.data.title,
        link: url.href,
        pubDate: post.data.date,
        description: post.data.excerpt,
        categories: post.data.tags,
        content: feedHtml(html, url),
        // RSS's own <author> wants an e-mail address; feed readers take names from Dublin Core.
        customData: postAuthors(post.data)
          .map((name) => `<dc:creator>${escapeXml(displayName(name))}</dc:creator>`)
          .join(''),
      };
    }),
  );
  const self = new URL(sitePath('/rss.xml'), site).href;
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(sitePath('/'), site).href,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>en</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
};

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
