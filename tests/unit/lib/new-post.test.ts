import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clashingFolder, newPostFiles, newPostProblem, todayUtc } from '~/lib/new-post';
import { postSchema } from '~/lib/post-schema';

/**
 * Astro reads frontmatter with js-yaml (@astrojs/internal-helpers/frontmatter), which has no types
 * here; `yaml` is the stricter YAML 1.2 parser. The frontmatter must mean the same to both.
 */
const jsYaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

function frontmatter(content: string): string {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(content);
  if (!match?.[1]) throw new Error(`no frontmatter in:\n${content}`);
  return match[1];
}

/** The frontmatter, as the schema sees it after each parser. */
function parsed(content: string) {
  const yaml = frontmatter(content);
  return { yaml: postSchema.parse(parseYaml(yaml)), jsYaml: postSchema.parse(jsYaml.load(yaml)) };
}

describe('newPostFiles', () => {
  test('folder, file and the whole content for a plain title', () => {
    const post = newPostFiles({ title: 'Understanding pooling', date: '2026-01-31' });
    expect(post.folder).toBe('2026-01-31-understanding-pooling');
    expect(post.file).toBe('2026-01-31-understanding-pooling/index.mdx');
    expect(post.content).toMatchInlineSnapshot(`
      "---
      title: "Understanding pooling"
      date: 2026-01-31
      excerpt: "One or two sentences for the home page and the feed: what this post explains."
      tags: []
      math: false
      # A draft shows only in \`npm run dev\`. Set draft: false to publish it.
      draft: true
      ---

      Start writing here. How to write a post (frontmatter, figures, notes, math, citations, demos) is
      in [the authoring guide](/writing-a-post/).
      "
    `);
  });

  test('the frontmatter passes the real schema, with both YAML parsers', () => {
    const { yaml, jsYaml: js } = parsed(newPostFiles({ title: 'Pooling', date: '2026-01-31' }).content);
    const expected = {
      title: 'Pooling',
      date: new Date('2026-01-31T00:00:00Z'),
      excerpt: 'One or two sentences for the home page and the feed: what this post explains.',
      tags: [],
      math: false,
      comments: false,
      draft: true,
    };
    expect(yaml).toEqual(expected);
    expect(js).toEqual(expected);
  });

  test.each([
    ['Pooling: a "gentle" intro', '2026-01-31-pooling-a-gentle-intro'],
    ["A Beginner's Guide to CNNs", '2026-01-31-a-beginners-guide-to-cnns'],
    ['key: value # not a comment', '2026-01-31-key-value-not-a-comment'],
    ['- looks like a list', '2026-01-31-looks-like-a-list'],
    [
      'Back\\slash & {braces} [brackets] *stars* @at `tick` |pipe >gt %pc',
      '2026-01-31-back-slash-and-braces-brackets-stars-at-tick-pipe-gt-pc',
    ],
    ['Crème brûlée, 卷积 and emoji 🧠', '2026-01-31-creme-brulee-and-emoji'],
    ['true', '2026-01-31-true'],
    ['2026', '2026-01-31-2026'],
    ['null', '2026-01-31-null'],
    ['Odd \u0085 NEL and \u007f DEL', '2026-01-31-odd-nel-and-del'],
  ])('title %j round-trips through YAML; folder %s', (title, folder) => {
    const post = newPostFiles({ title, date: '2026-01-31' });
    expect(post.folder).toBe(folder);
    const { yaml, jsYaml: js } = parsed(post.content);
    expect(yaml.title).toBe(title);
    expect(js.title).toBe(title);
  });

  test('whitespace in a title is tidied: line breaks and runs become one space', () => {
    const post = newPostFiles({
      title: '  Two\n  lines\tand tabs\u2028and a separator ',
      date: '2026-01-31',
    });
    expect(parsed(post.content).yaml.title).toBe('Two lines and tabs and a separator');
    expect(parsed(post.content).jsYaml.title).toBe('Two lines and tabs and a separator');
  });

  test('refuses an unusable title or date with a sentence', () => {
    expect(() => newPostFiles({ title: '   ', date: '2026-01-31' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: the title is empty: give one in quotes, for example npm run new-post -- "Understanding pooling".]`,
    );
  });
});

describe('newPostProblem', () => {
  test.each([
    ['', '2026-01-31'],
    ['!!!', '2026-01-31'],
    ['卷积', '2026-01-31'],
    ['Fine', '2026-02-30'],
    ['Fine', '2026-1-31'],
    ['Fine', 'tomorrow'],
  ])('%j on %j', (title, date) => {
    expect(newPostProblem({ title, date })).toBeDefined();
  });

  test('the sentences', () => {
    expect([
      newPostProblem({ title: '', date: '2026-01-31' }),
      newPostProblem({ title: '!!!', date: '2026-01-31' }),
      newPostProblem({ title: 'Fine', date: '2026-02-30' }),
      newPostProblem({ title: 'Fine', date: '31/01/2026' }),
    ]).toMatchInlineSnapshot(`
      [
        "the title is empty: give one in quotes, for example npm run new-post -- "Understanding pooling".",
        "the title "!!!" has no letters (a to z, accents are fine) or digits to make a page address from: use words, for example npm run new-post -- "Understanding pooling".",
        "the date "2026-02-30" is not a day of the calendar: check the month and day.",
        "the date "31/01/2026" is not written as YYYY-MM-DD: use one like --date 2026-01-31.",
      ]
    `);
  });

  test('a leap day is a day', () => {
    expect(newPostProblem({ title: 'Fine', date: '2028-02-29' })).toBeUndefined();
  });
});

test('todayUtc: the UTC day, whatever the time zone', () => {
  expect(todayUtc(new Date('2026-01-31T23:59:59-05:00'))).toBe('2026-02-01');
});

test('clashingFolder: the same folder, or another folder with the same address', () => {
  const existing = ['understanding-convolutional-neural-networks', '2025-05-01-pooling'];
  expect(clashingFolder(existing, '2026-01-31-kernels')).toBeUndefined();
  expect(clashingFolder(existing, '2025-05-01-pooling')).toBe('2025-05-01-pooling');
  expect(clashingFolder(existing, '2026-01-31-pooling')).toBe('2025-05-01-pooling');
  expect(clashingFolder(existing, '2026-01-31-understanding-convolutional-neural-networks')).toBe(
    'understanding-convolutional-neural-networks',
  );
});

describe('scripts/new-post.ts, run as npm run new-post runs it', () => {
  /** Runs the script in a fresh POSTS_DIR (or the one given); stdout, or the refusal on stderr. */
  function run(args: string[], root = mkdtempSync(join(tmpdir(), 'new-post-'))) {
    const hide = (text: string) => text.replaceAll(root, '<POSTS_DIR>');
    try {
      const stdout = execFileSync(process.execPath, ['scripts/new-post.ts', ...args], {
        env: { ...process.env, POSTS_DIR: root },
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { root, status: 0, out: hide(stdout) };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { root, status: e.status, out: hide(e.stderr) };
    }
  }

  test('creates the post and says where it is, its address, and that it is a draft', () => {
    const { root, status, out } = run(['Pooling: a "gentle" intro', '--date', '2026-01-31']);
    expect(status).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Created <POSTS_DIR>/2026-01-31-pooling-a-gentle-intro/index.mdx
      Its address will be /pooling-a-gentle-intro/.
      It is a draft: only \`npm run dev\` shows it, until you set draft: false in its frontmatter.
      "
    `);
    const content = readFileSync(join(root, '2026-01-31-pooling-a-gentle-intro', 'index.mdx'), 'utf8');
    expect(parsed(content).jsYaml).toMatchObject({ title: 'Pooling: a "gentle" intro', draft: true });
  });

  test('unquoted words are one title; no --date means today (UTC)', () => {
    const before = todayUtc();
    const { root, status } = run(['Understanding', 'pooling']);
    expect(status).toBe(0);
    expect(readdirSync(root)).toContainEqual(
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}-understanding-pooling$/),
    );
    expect([before, todayUtc()]).toContain(readdirSync(root)[0]?.slice(0, 10));
  });

  test('refuses an empty title, a title with no letters, and a bad date, creating nothing', () => {
    const results = [run([]), run(['!!!']), run(['Fine', '--date', '2026-02-30'])];
    expect(results.map((r) => r.status)).toEqual([1, 1, 1]);
    expect(results.map((r) => r.out)).toMatchInlineSnapshot(`
      [
        "new-post: the title is empty: give one in quotes, for example npm run new-post -- "Understanding pooling".
      ",
        "new-post: the title "!!!" has no letters (a to z, accents are fine) or digits to make a page address from: use words, for example npm run new-post -- "Understanding pooling".
      ",
        "new-post: the date "2026-02-30" is not a day of the calendar: check the month and day.
      ",
      ]
    `);
    for (const r of results) expect(readdirSync(r.root)).toEqual([]);
  });

  test('refuses bad arguments', () => {
    expect([run(['Fine', '--bogus']).out, run(['Fine', '--date']).out]).toMatchInlineSnapshot(`
      [
        "new-post: there is no option --bogus: the only one is --date. Write npm run new-post -- "My Title" --date 2026-01-31 (leave the date out for today, UTC).
      ",
        "new-post: --date needs a day after it. Write npm run new-post -- "My Title" --date 2026-01-31 (leave the date out for today, UTC).
      ",
      ]
    `);
  });

  test('refuses an existing folder, and another folder with the same address, naming it', () => {
    const root = mkdtempSync(join(tmpdir(), 'new-post-'));
    mkdirSync(join(root, '2026-01-31-pooling'));
    mkdirSync(join(root, 'kernels'));
    const same = run(['Pooling', '--date', '2026-01-31'], root);
    const address = run(['Kernels', '--date', '2026-01-31'], root);
    expect([same.status, address.status]).toEqual([1, 1]);
    expect([same.out, address.out]).toMatchInlineSnapshot(`
      [
        "new-post: <POSTS_DIR>/2026-01-31-pooling already exists: pick another title, or edit <POSTS_DIR>/2026-01-31-pooling/index.mdx.
      ",
        "new-post: <POSTS_DIR>/kernels already has the address /kernels/: pick another title.
      ",
      ]
    `);
    expect(readdirSync(root).sort()).toEqual(['2026-01-31-pooling', 'kernels']);
  });
});
