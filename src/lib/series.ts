/**
 * Series: posts that are parts of one sequence (frontmatter `series: "CNNs for beginners"` and
 * `part: 2`). Pure, so it is tested in Node. Parts must run 1, 2, 3… with no gap and no
 * duplicate; every problem is a sentence naming the file(s) and what to write instead, and the
 * pages that list a series throw them, so the build fails.
 */
import { sitePath } from './paths.ts';
import { slugify } from './slug';

export interface SeriesPost {
  id: string;
  /** The post's file as the author knows it: "content/posts/foo/index.mdx". */
  filePath?: string | undefined;
  data: { title: string; date: Date; series?: string | undefined; part?: number | undefined };
}

export interface Series<T extends SeriesPost> {
  name: string;
  slug: string;
  /** In part order: parts[0] is part 1. */
  parts: T[];
}

/** Where a series' own page is built (src/pages/series/[slug].astro). */
export const seriesPath = (slug: string): string => sitePath(`/series/${slug}/`);

const fileOf = (post: SeriesPost): string => post.filePath ?? `${post.id}/index.mdx`;

/** Posts grouped by series slug, each group in part order (unchecked). */
function groups<T extends SeriesPost>(posts: readonly T[]): Map<string, T[]> {
  const bySlug = new Map<string, T[]>();
  for (const post of posts) {
    if (post.data.series === undefined || post.data.part === undefined) continue;
    const slug = slugify(post.data.series);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), post]);
  }
  for (const parts of bySlug.values()) {
    parts.sort((a, b) => (a.data.part ?? 0) - (b.data.part ?? 0) || fileOf(a).localeCompare(fileOf(b)));
  }
  return bySlug;
}

/** Every problem with the series of these (published) posts, one sentence each; [] when all is well. */
export function seriesProblems(posts: readonly SeriesPost[]): string[] {
  const problems: string[] = [];
  for (const parts of groups(posts).values()) {
    const first = parts[0];
    if (!first) continue;
    const name = first.data.series ?? '';
    for (const post of parts) {
      if (post.data.series !== name) {
        problems.push(
          `${fileOf(post)} names the series "${post.data.series}" but ${fileOf(first)} names it "${name}": ` +
            `write the same name in both, for example series: "${name}".`,
        );
      }
    }
    const taken = new Set(parts.map((p) => p.data.part));
    const missing = (): number => {
      let n = 1;
      while (taken.has(n)) n++;
      return n;
    };
    const seen = new Map<number, SeriesPost>();
    let duplicated = false;
    for (const post of parts) {
      const part = post.data.part ?? 0;
      const earlier = seen.get(part);
      if (earlier) {
        duplicated = true;
        problems.push(
          `${fileOf(earlier)} and ${fileOf(post)} are both part ${part} of the series "${name}": ` +
            `give one of them part: ${missing()} (parts run 1, 2, 3… with no gaps).`,
        );
      } else {
        seen.set(part, post);
      }
    }
    if (duplicated) continue;
    const gap = missing();
    const after = parts.find((p) => (p.data.part ?? 0) > gap);
    if (after) {
      problems.push(
        `the series "${name}" has no part ${gap}, but ${fileOf(after)} is part ${after.data.part}: ` +
          `write part: ${gap} in it, or publish the missing part (a draft is left out of the build).`,
      );
    }
  }
  return problems;
}

/**
 * Every series of these posts, by slug, in the order of its newest part's date (newest first).
 * Throws an Error listing every problem, so a page that calls it fails the build.
 */
export function collectSeries<T extends SeriesPost>(posts: readonly T[]): Series<T>[] {
  const problems = seriesProblems(posts);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const newest = (s: Series<T>) => Math.max(...s.parts.map((p) => p.data.date.getTime()));
  return [...groups(posts)]
    .map(([slug, parts]) => ({ name: parts[0]?.data.series ?? slug, slug, parts }))
    .sort((a, b) => newest(b) - newest(a));
}

/** The series a post belongs to, with its neighbours in part order; undefined outside a series. */
export function seriesOf<T extends SeriesPost>(
  all: readonly Series<T>[],
  id: string,
): { series: Series<T>; index: number; previous?: T; next?: T } | undefined {
  for (const series of all) {
    const index = series.parts.findIndex((p) => p.id === id);
    if (index === -1) continue;
    const previous = series.parts[index - 1];
    const next = series.parts[index + 1];
    return { series, index, ...(previous && { previous }), ...(next && { next }) };
  }
  return undefined;
}

/**
 * Reading order for lists and the feed: each series as one block in part order, placed where its
 * newest part falls among the other posts (newest first).
 */
export function readingOrder<T extends SeriesPost>(posts: readonly T[]): T[] {
  const all = collectSeries(posts);
  const inSeries = new Set(all.flatMap((s) => s.parts.map((p) => p.id)));
  const blocks: { date: number; posts: T[] }[] = [
    ...all.map((s) => ({ date: Math.max(...s.parts.map((p) => p.data.date.getTime())), posts: s.parts })),
    ...posts.filter((p) => !inSeries.has(p.id)).map((p) => ({ date: p.data.date.getTime(), posts: [p] })),
  ];
  return blocks.sort((a, b) => b.date - a.date).flatMap((b) => b.posts);
}

/**
 * The order of the home page and the feed: the lessons in reading order (readingOrder), then the
 * posts for authors (`isAuthors`, e.g. the authoring guide), newest first.
 */
export function siteOrder<T extends SeriesPost>(posts: readonly T[], isAuthors: (post: T) => boolean): T[] {
  return [...readingOrder(posts.filter((p) => !isAuthors(p))), ...readingOrder(posts.filter(isAuthors))];
}
