/**
 * Tag pages: posts grouped by tag, where tags that make the same page address are one tag
 * ("CNN" and "cnn"). Pure, so the grouping is tested without astro:content.
 */
import { slugify } from './slug.ts';

export interface TagGroup<T> {
  /** The display name: the first spelling met, in the order of the posts given. */
  tag: string;
  /** The page address part, slugify(tag): /tags/<slug>/ or wherever the site puts it. */
  slug: string;
  /** Posts carrying the tag, in input order, each once. */
  posts: T[];
}

/**
 * One group per tag, sorted by display name (case-insensitive, then by slug so the order never
 * depends on the builder's locale data). Tags with no usable slug are skipped here; the schema
 * refuses them with tagsProblem.
 */
export function groupByTag<T extends { data: { tags: string[] } }>(posts: readonly T[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const post of posts) {
    for (const tag of post.data.tags) {
      const slug = slugify(tag);
      if (slug === '') continue;
      let group = groups.get(slug);
      if (group === undefined) {
        group = { tag: tag.trim(), slug, posts: [] };
        groups.set(slug, group);
      }
      if (group.posts.at(-1) !== post) group.posts.push(post);
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.tag.localeCompare(b.tag, 'en', { sensitivity: 'accent' }) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
}

/**
 * A sentence for the author when a tag cannot become a page address (nothing left after slugify),
 * or undefined when every tag can.
 */
export function tagsProblem(tags: string[]): string | undefined {
  const bad = tags.filter((tag) => slugify(tag) === '');
  if (bad.length === 0) return undefined;
  const quoted = bad.map((tag) => JSON.stringify(tag));
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
  return (
    `the tag${bad.length === 1 ? '' : 's'} ${list} ${bad.length === 1 ? 'has' : 'have'} no letters or digits ` +
    `to make a page address from: use words like "cnn" or "image processing".`
  );
}
