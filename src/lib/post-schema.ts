/**
 * The frontmatter every post must carry. Each message says which field is wrong and what to
 * write instead; Astro prefixes it with the post's file when the build fails.
 */
import { z } from 'astro/zod';
import { slugify } from './slug';
import { tagsProblem } from './tags';

const says = (field: string, expected: string, example: string) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? `"${field}" is missing: add ${example} to the frontmatter.`
    : `"${field}" must be ${expected}, for example ${example}; got ${JSON.stringify(issue.input)}.`;

const text = (field: string, example: string) =>
  z
    .string({ error: says(field, 'text', example) })
    .trim()
    .min(1, { error: `"${field}" must not be empty.` });

const KNOWN = 'title, date, excerpt, authors, math, comments, tags, series, part, draft';

/** Jekyll's frontmatter fields, answered with what to write here instead. */
const JEKYLL: Record<string, string> = {
  mathjax: '"mathjax" is Jekyll’s: use math: true instead (KaTeX renders the formulas at build time).',
  layout: '"layout" is not needed: every post uses the site’s post layout. Remove it.',
  author: '"author" is Jekyll’s: write authors: [Ada Lovelace] (a list, one name per item) instead.',
};

const flag = (field: string) => z.boolean({ error: says(field, 'true or false', `${field}: true`) });

export const postSchema = z
  .strictObject(
    {
      title: text('title', 'title: "Understanding convolutions"'),
      /** YAML reads 2017-01-11 12:54:47 as a date (UTC); a quoted string is parsed too. */
      date: z
        .union([z.date(), z.string()], { error: says('date', 'a date', 'date: 2017-01-11 12:54:47') })
        .transform((value, ctx) => {
          const date = value instanceof Date ? value : new Date(value);
          if (!Number.isNaN(date.getTime())) return date;
          ctx.addIssue({
            code: 'custom',
            message: `"date" cannot be read as a date (got ${JSON.stringify(value)}): write it as 2017-01-11 or 2017-01-11 12:54:47.`,
          });
          return z.NEVER;
        }),
      /** One or two sentences for the home page and feeds. */
      excerpt: text('excerpt', 'excerpt: "What this post explains."'),
      /**
       * Who wrote it: people's names, "Ada Lovelace" or "van Rossum, Guido" (family name first,
       * then a comma, where the last word is not the family name). One name may be written
       * without the list. Without it, the site's SITE_AUTHORS (src/consts.ts).
       */
      authors: z
        .union([z.string(), z.array(z.string())], {
          error: says('authors', 'a list of names', 'authors: [Ada Lovelace, "van Rossum, Guido"]'),
        })
        .transform((value) => (typeof value === 'string' ? [value] : value).map((n) => n.trim()))
        .refine((names) => names.length > 0 && names.every((n) => n.length > 0), {
          error: (issue) =>
            `"authors" must name one or more people, one name per item, for example authors: [Ada Lovelace, "van Rossum, Guido"]; got ${JSON.stringify(issue.input)}.`,
        })
        .optional(),
      /** The post contains math (KaTeX renders it at build time either way; this loads the stylesheet). */
      math: flag('math').default(false),
      /** Show reader comments under the post, once the site configures a provider. */
      comments: flag('comments').default(false),
      tags: z
        .array(z.string().min(1), { error: says('tags', 'a list of words', 'tags: [cnn, basics]') })
        .superRefine((tags, ctx) => {
          const problem = tagsProblem(tags);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .default([]),
      /** The series this post is a part of (its page: /series/<slug>/); needs `part`. */
      series: text('series', 'series: "CNNs for beginners"')
        .refine((name) => slugify(name) !== '', {
          error: `"series" needs at least one letter or digit, for example series: "CNNs for beginners".`,
        })
        .optional(),
      /** Which part of the series: 1, 2, 3… (src/lib/series.ts checks there is no gap or duplicate). */
      part: z
        .number({ error: says('part', 'a whole number from 1', 'part: 2') })
        .int({
          error: (issue) =>
            `"part" must be a whole number from 1, for example part: 2; got ${JSON.stringify(issue.input)}.`,
        })
        .min(1, {
          error: (issue) =>
            `"part" must be a whole number from 1, for example part: 2; got ${JSON.stringify(issue.input)}.`,
        })
        .optional(),
      /** Drafts are never built into the site. */
      draft: flag('draft').default(false),
    },
    {
      error: (issue) => {
        if (issue.code !== 'unrecognized_keys') return undefined;
        const other = issue.keys.filter((k) => !(k in JEKYLL));
        const hints = issue.keys.filter((k) => k in JEKYLL).map((k) => JEKYLL[k]);
        if (other.length > 0) {
          hints.push(
            `unknown frontmatter field${other.length > 1 ? 's' : ''} ${other.map((k) => `"${k}"`).join(', ')}: ` +
              `the fields are ${KNOWN}. Remove it or fix its spelling.`,
          );
        }
        return hints.join(' ');
      },
    },
  )
  .superRefine((post, ctx) => {
    if (post.series !== undefined && post.part === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: `"series" needs a "part": add part: 1 (or the number of this post in "${post.series}") to the frontmatter.`,
      });
    }
    if (post.part !== undefined && post.series === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['series'],
        message: `"part" needs a "series": add series: "CNNs for beginners" (the series' name) to the frontmatter, or remove part.`,
      });
    }
  });

export type PostData = z.infer<typeof postSchema>;
