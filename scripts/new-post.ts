// npm run new-post -- "My Title" [--date 2026-01-31]: creates content/posts/<date>-<slug>/index.mdx,
// a draft with valid frontmatter. POSTS_DIR points it at another folder (the tests use a temp one).
// Names, content and refusals come from src/lib/new-post.ts; this file only touches argv and disk.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clashingFolder, newPostFiles, newPostProblem, todayUtc } from '../src/lib/new-post.ts';
import { postSlug } from '../src/lib/posts.ts';

function refuse(sentence: string): never {
  console.error(`new-post: ${sentence}`);
  process.exit(1);
}

let args: { title: string; date: string };
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { date: { type: 'string' } },
    allowPositionals: true,
  });
  args = { title: positionals.join(' '), date: values.date ?? todayUtc() };
} catch (error) {
  // parseArgs throws on an unknown option and on --date with no value after it.
  const unknown = /'(--?[\w-]+)/.exec((error as Error).message)?.[1];
  const what =
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `there is no option ${unknown ?? ''}: the only one is --date`
      : '--date needs a day after it';
  refuse(
    `${what}. Write npm run new-post -- "My Title" --date 2026-01-31 (leave the date out for today, UTC).`,
  );
}

const problem = newPostProblem(args);
if (problem !== undefined) refuse(problem);

const root = process.env['POSTS_DIR'] ?? 'content/posts';
const post = newPostFiles(args);
const existing = existsSync(root) ? readdirSync(root) : [];
const clash = clashingFolder(existing, post.folder);
if (clash === post.folder) {
  refuse(`${join(root, clash)} already exists: pick another title, or edit ${join(root, post.file)}.`);
} else if (clash !== undefined) {
  refuse(`${join(root, clash)} already has the address /${postSlug(clash)}/: pick another title.`);
}

mkdirSync(join(root, post.folder), { recursive: true });
writeFileSync(join(root, post.file), post.content, { flag: 'wx' });
console.log(`Created ${join(root, post.file)}`);
console.log(`Its address will be /${postSlug(post.folder)}/.`);
console.log('It is a draft: only `npm run dev` shows it, until you set draft: false in its frontmatter.');
