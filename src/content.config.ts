import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './lib/post-schema';
import { readdirSync } from 'node:fs';
import { postSlug, slugClash } from './lib/posts';

/**
 * One folder per post under content/posts/; the folder name is the URL slug, less any
 * YYYY-MM-DD- date prefix (npm run new-post makes dated folders). POSTS_DIR points the
 * build at another folder: the tests use it to prove that a broken post fails the build.
 */
const base = process.env['POSTS_DIR'] ?? './content/posts';
const clash = slugClash(readdirSync(base), base.replace(/^\.\//, ''));
if (clash) throw new Error(clash);

const posts = defineCollection({
  loader: glob({
    base,
    pattern: '*/index.mdx',
    generateId: ({ entry }) => postSlug(entry.split('/')[0] ?? entry),
  }),
  schema: postSchema,
});

export const collections = { posts };
