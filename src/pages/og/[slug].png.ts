/** /og/<slug>.png: each post's Open Graph / Twitter card, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { SITE_TITLE, SITE_URL, BASE_PATH } from '../../consts';
import { ahead, type Ahead } from '../../lib/ahead';
import { displayAddress } from '../../lib/site-address';
import { formatDate, publishedPosts } from '../../lib/posts';
import { socialImage } from '../../lib/social-image';

type Post = CollectionEntry<'posts'>;

const card = (post: Post): Promise<Buffer> =>
  socialImage({
    title: post.data.title,
    date: formatDate(post.data.date),
    tags: post.data.tags,
    siteTitle: SITE_TITLE,
    siteUrlHost: displayAddress({ site: SITE_URL, base: BASE_PATH }),
  });

/** In a build, every card is drawn ahead, three at a time (src/lib/ahead.ts); in dev, when asked. */
let cards: { ahead: Ahead<string, Buffer>; ids: Set<string> } | undefined;

export const getStaticPaths = (async () => {
  const posts = publishedPosts(await getCollection('posts'), import.meta.env.DEV);
  if (!import.meta.env.DEV) {
    const byId = new Map(posts.map((post) => [post.id, post]));
    cards = {
      ahead: ahead([...byId.keys()], (id) => card(byId.get(id) as Post), 3),
      ids: new Set(byId.keys()),
    };
  }
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}) satisfies GetStaticPaths;

interface Props {
  post: Post;
}

export const GET: APIRoute<Props> = async ({ props: { post } }) => {
  const png = await (cards?.ids.has(post.id) ? cards.ahead.get(post.id) : card(post));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
