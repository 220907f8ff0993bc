/** /og/<slug>.png: each post's Open Graph / Twitter card, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { SITE_TITLE, SITE_URL, BASE_PATH } from '../../consts';
import { displayAddress } from '../../lib/site-address';
import { formatDate, publishedPosts } from '../../lib/posts';
import { socialImage } from '../../lib/social-image';

export const getStaticPaths = (async () => {
  const posts = publishedPosts(await getCollection('posts'), import.meta.env.DEV);
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}) satisfies GetStaticPaths;

interface Props {
  post: CollectionEntry<'posts'>;
}

export const GET: APIRoute<Props> = async ({ props: { post } }) => {
  const png = await socialImage({
    title: post.data.title,
    date: formatDate(post.data.date),
    tags: post.data.tags,
    siteTitle: SITE_TITLE,
    siteUrlHost: displayAddress({ site: SITE_URL, base: BASE_PATH }),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
