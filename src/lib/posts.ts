/** Pure helpers over posts, kept apart from astro:content so they can be tested in Node. */

interface Dated {
  data: { date: Date; draft: boolean };
}

/** Newest first; drafts only when `includeDrafts` (the dev server). */
export function publishedPosts<T extends Dated>(posts: readonly T[], includeDrafts = false): T[] {
  return posts
    .filter((p) => includeDrafts || !p.data.draft)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/** "January 11, 2017", in UTC so the day never shifts with the builder's time zone. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
