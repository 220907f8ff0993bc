import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './lib/post-schema';

/** One folder per post under content/posts/; the folder name is the URL slug. */
const posts = defineCollection({
  loader: glob({
    base: './content/posts',
    pattern: '*/index.mdx',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: postSchema,
});

export const collections = { posts };
