/**
 * The files of a new post, for scripts/new-post.ts (npm run new-post -- "Title"). Pure: the script
 * reads the arguments and the disk, this decides names, content and every refusal's wording.
 */
import { postSlug } from './posts.ts';
import { slugify } from './slug.ts';

export interface NewPostFiles {
  /** "2026-01-31-my-title": the date keeps folders in order; postSlug() drops it from the URL. */
  folder: string;
  /** The post file, relative to the posts folder: "2026-01-31-my-title/index.mdx". */
  file: string;
  content: string;
}

const USAGE = 'npm run new-post -- "Understanding pooling"';
const EXCERPT = 'One or two sentences for the home page and the feed: what this post explains.';

/** Today in UTC as YYYY-MM-DD: the day never shifts with the author's time zone. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Spaces, tabs and line breaks in a title become single spaces; none at either end. */
export function tidyTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** The sentence that refuses this title and date, or undefined when both are usable. */
export function newPostProblem({ title, date }: { title: string; date: string }): string | undefined {
  const tidy = tidyTitle(title);
  if (tidy === '') return `the title is empty: give one in quotes, for example ${USAGE}.`;
  if (slugify(tidy) === '') {
    return (
      `the title ${JSON.stringify(tidy)} has no letters (a to z, accents are fine) or digits to make a ` +
      `page address from: use words, for example ${USAGE}.`
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return `the date ${JSON.stringify(date)} is not written as YYYY-MM-DD: use one like --date 2026-01-31.`;
  }
  if (!isDay(date)) {
    return `the date ${JSON.stringify(date)} is not a day of the calendar: check the month and day.`;
  }
  return undefined;
}

/** A real calendar day in YYYY-MM-DD: 2026-02-30 is not. */
function isDay(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
  );
}

/**
 * A YAML double-quoted scalar: JSON's escapes are YAML's, plus the characters JSON leaves raw
 * that YAML does not allow or reads as line breaks (DEL, C1 controls, U+2028/2029, BOM).
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The new post's folder, file and content; throws the refusal sentence if title or date is unusable. */
export function newPostFiles({ title, date }: { title: string; date: string }): NewPostFiles {
  const problem = newPostProblem({ title, date });
  if (problem !== undefined) throw new Error(problem);
  const folder = `${date}-${slugify(tidyTitle(title))}`;
  const content = [
    '---',
    `title: ${yamlString(tidyTitle(title))}`,
    `date: ${date}`,
    `excerpt: ${yamlString(EXCERPT)}`,
    'tags: []',
    'math: false',
    '# A draft shows only in `npm run dev`. Set draft: false to publish it.',
    'draft: true',
    '---',
    '',
    'Start writing here. How to write a post (frontmatter, figures, notes, math, citations, demos) is',
    'in [the authoring guide](/writing-a-post/).',
    '',
  ].join('\n');
  return { folder, file: `${folder}/index.mdx`, content };
}

/**
 * The existing folder a new post would clash with: the same folder, or another one whose URL is
 * the same ("my-title" or "2025-05-01-my-title" against "2026-01-31-my-title"). undefined if none.
 */
export function clashingFolder(existing: readonly string[], folder: string): string | undefined {
  return existing.includes(folder) ? folder : existing.find((f) => postSlug(f) === postSlug(folder));
}
