import { describe, expect, test } from 'vitest';
import { postSchema } from '~/lib/post-schema';

const valid = {
  title: 'Understanding convolutions',
  date: new Date('2017-01-11T12:54:47Z'),
  excerpt: 'What a kernel does.',
};

/** The messages an author would read, one line per problem: "field: sentence". */
function problems(input: unknown): string[] {
  const result = postSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`);
}

describe('post frontmatter schema', () => {
  test('a complete frontmatter passes, with defaults filled in', () => {
    expect(postSchema.parse(valid)).toEqual({
      ...valid,
      math: false,
      comments: false,
      tags: [],
      draft: false,
    });
  });

  test('the seed date as YAML writes it (a Date) and as a quoted string', () => {
    expect(postSchema.parse({ ...valid, date: '2017-01-11 12:54:47Z' }).date.toISOString()).toBe(
      '2017-01-11T12:54:47.000Z',
    );
  });

  test('missing fields say which and what to add', () => {
    expect(problems({})).toMatchInlineSnapshot(`
      [
        "title: "title" is missing: add title: "Understanding convolutions" to the frontmatter.",
        "date: "date" is missing: add date: 2017-01-11 12:54:47 to the frontmatter.",
        "excerpt: "excerpt" is missing: add excerpt: "What this post explains." to the frontmatter.",
      ]
    `);
  });

  test('wrong types say what was found', () => {
    expect(problems({ ...valid, title: 3, math: 'yes', tags: 'cnn' })).toMatchInlineSnapshot(`
      [
        "title: "title" must be text, for example title: "Understanding convolutions"; got 3.",
        "math: "math" must be true or false, for example math: true; got "yes".",
        "tags: "tags" must be a list of words, for example tags: [cnn, basics]; got "cnn".",
      ]
    `);
  });

  test('an unreadable date and an empty excerpt', () => {
    expect(problems({ ...valid, date: 'next Tuesday', excerpt: '  ' })).toMatchInlineSnapshot(`
      [
        "date: "date" cannot be read as a date (got "next Tuesday"): write it as 2017-01-11 or 2017-01-11 12:54:47.",
        "excerpt: "excerpt" must not be empty.",
      ]
    `);
  });

  test('an unknown field is named, with the list of fields', () => {
    expect(problems({ ...valid, autor: 'A. Author' })).toMatchInlineSnapshot(`
      [
        "(frontmatter): unknown frontmatter field "autor": the fields are title, date, excerpt, authors, math, comments, tags, series, part, draft. Remove it or fix its spelling.",
      ]
    `);
  });

  test('authors: a list of names, or one name; an empty list or name says what to write', () => {
    expect(postSchema.parse({ ...valid, authors: ['Ada Lovelace', ' van Rossum, Guido '] }).authors).toEqual([
      'Ada Lovelace',
      'van Rossum, Guido',
    ]);
    expect(postSchema.parse({ ...valid, authors: 'Ada Lovelace' }).authors).toEqual(['Ada Lovelace']);
    expect(postSchema.parse(valid).authors).toBeUndefined();
    expect(problems({ ...valid, authors: [] })).toEqual([
      'authors: "authors" must name one or more people, one name per item, for example authors: [Ada Lovelace, "van Rossum, Guido"]; got [].',
    ]);
    expect(problems({ ...valid, authors: ['Ada Lovelace', ''] })[0]).toContain('one name per item');
    expect(problems({ ...valid, authors: 3 })).toEqual([
      'authors: "authors" must be a list of names, for example authors: [Ada Lovelace, "van Rossum, Guido"]; got 3.',
    ]);
    expect(problems({ ...valid, author: 'Ada Lovelace' })).toEqual([
      '(frontmatter): "author" is Jekyll’s: write authors: [Ada Lovelace] (a list, one name per item) instead.',
    ]);
  });

  test('Jekyll’s mathjax and layout say what to write instead', () => {
    expect(problems({ ...valid, layout: 'post', mathjax: true, autor: 'x' })).toMatchInlineSnapshot(`
      [
        "(frontmatter): "layout" is not needed: every post uses the site’s post layout. Remove it. "mathjax" is Jekyll’s: use math: true instead (KaTeX renders the formulas at build time). unknown frontmatter field "autor": the fields are title, date, excerpt, authors, math, comments, tags, series, part, draft. Remove it or fix its spelling.",
      ]
    `);
  });

  test('a series needs a part and a part a series; a part is a whole number from 1', () => {
    expect(postSchema.parse({ ...valid, series: 'CNNs for beginners', part: 2 })).toMatchObject({
      series: 'CNNs for beginners',
      part: 2,
    });
    expect(problems({ ...valid, series: 'CNNs for beginners' })).toMatchInlineSnapshot(`
      [
        "part: "series" needs a "part": add part: 1 (or the number of this post in "CNNs for beginners") to the frontmatter.",
      ]
    `);
    expect(problems({ ...valid, part: 2 })).toMatchInlineSnapshot(`
      [
        "series: "part" needs a "series": add series: "CNNs for beginners" (the series' name) to the frontmatter, or remove part.",
      ]
    `);
    expect(problems({ ...valid, series: '!!', part: 1.5 })).toMatchInlineSnapshot(`
      [
        "series: "series" needs at least one letter or digit, for example series: "CNNs for beginners".",
        "part: "part" must be a whole number from 1, for example part: 2; got 1.5.",
      ]
    `);
    expect(problems({ ...valid, series: 'CNNs', part: 0 })).toMatchInlineSnapshot(`
      [
        "part: "part" must be a whole number from 1, for example part: 2; got 0.",
      ]
    `);
    expect(problems({ ...valid, series: 'CNNs', part: 'two' })).toMatchInlineSnapshot(`
      [
        "part: "part" must be a whole number from 1, for example part: 2; got "two".",
      ]
    `);
  });
});
