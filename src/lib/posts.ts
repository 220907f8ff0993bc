/** Pure helpers over posts, kept apart from astro:content so they can be tested in Node. */
import { SITE_AUTHORS } from '../consts.ts';
import { sitePath } from './paths.ts';

interface Dated {
  data: { date: Date; draft: boolean };
}

/** Who wrote a post: the people its frontmatter names, else the site's SITE_AUTHORS (maybe nobody). */
export function postAuthors(data: { authors?: readonly string[] | undefined }): readonly string[] {
  return data.authors ?? SITE_AUTHORS;
}

/** Newest first; drafts only when `includeDrafts` (the dev server). */
export function publishedPosts<T extends Dated>(posts: readonly T[], includeDrafts = false): T[] {
  return posts
    .filter((p) => includeDrafts || !p.data.draft)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/**
 * The posts a feed carries in full: the `limit` newest (a reader's feed app fetches the feed
 * again every hour or so; a feed of every post, in full, grows without end), newest first.
 */
export function newestPosts<T extends Dated>(posts: readonly T[], limit: number): T[] {
  return [...posts]
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
    .slice(0, Math.max(0, limit));
}

// One formatter for the whole build: toLocaleDateString makes a new one on every call (a build
// formats each post's date on every list that shows it).
const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "January 11, 2017", in UTC so the day never shifts with the builder's time zone. */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** A folder name's leading "YYYY-MM-DD-", which sorts folders by date but is not part of the URL. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** The URL slug of a post folder: "2026-11-27-my-post" -> "my-post"; "understanding-x" as is. */
export function postSlug(folder: string): string {
  return folder.replace(DATE_PREFIX, '');
}

/**
 * The posts either side of `id` in a newest-first list: `newer` comes before it, `older` after.
 * A side is absent at either end of the list, and both are when `id` is not in it.
 */
export function adjacentPosts<T extends { id: string }>(
  newestFirst: readonly T[],
  id: string,
): { newer?: T; older?: T } {
  const index = newestFirst.findIndex((p) => p.id === id);
  if (index === -1) return {};
  const newer = newestFirst[index - 1];
  const older = newestFirst[index + 1];
  return { ...(newer && { newer }), ...(older && { older }) };
}

/**
 * A sentence when two post folders would be published at the same address ("my-post" and
 * "2026-01-01-my-post" are both /my-post/), naming them; undefined when every address is unique.
 */
export function slugClash(folders: readonly string[], postsDir = 'content/posts'): string | undefined {
  const seen = new Map<string, string>();
  for (const folder of [...folders].sort()) {
    const slug = postSlug(folder);
    const first = seen.get(slug);
    if (first !== undefined) {
      return `${postsDir}: the folders "${first}" and "${folder}" would both be published at /${slug}/. Rename one of them.`;
    }
    seen.set(slug, folder);
  }
  return undefined;
}

/** Where a post's social card is built (src/pages/og/[slug].png.ts). */
export const socialImagePath = (slug: string): string => sitePath(`/og/${slug}.png`);

/** The tag that marks a post written for authors (the authoring guide), not for learners. */
export const AUTHORS_TAG = 'authoring';

/** True for a post about writing for the site: listed under "For authors", after the lessons. */
export const isForAuthors = (post: { data: { tags: readonly string[] } }): boolean =>
  post.data.tags.includes(AUTHORS_TAG);
