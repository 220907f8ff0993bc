/** /robots.txt: everything may be crawled; the sitemap's full address, under the base path. */
import type { APIRoute } from 'astro';
import { sitePath } from '../lib/paths';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config: set `site` so robots.txt can give the sitemap its address.');
  const sitemap = new URL(sitePath('/sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
