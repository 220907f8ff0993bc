import { describe, expect, test } from 'vitest';
import { adjacentPosts, formatDate, newestPosts, postSlug, publishedPosts, slugClash } from '~/lib/posts';

const post = (id: string, date: string, draft = false) => ({ id, data: { date: new Date(date), draft } });

test('publishedPosts: newest first, drafts left out of the build', () => {
  const posts = [post('old', '2016-01-01'), post('draft', '2020-01-01', true), post('new', '2018-01-01')];
  expect(publishedPosts(posts).map((p) => p.id)).toEqual(['new', 'old']);
  expect(publishedPosts(posts, true).map((p) => p.id)).toEqual(['draft', 'new', 'old']);
});

test('formatDate: the day of the UTC date, whatever the builder’s time zone', () => {
  expect(formatDate(new Date('2017-01-11T23:54:47Z'))).toBe('January 11, 2017');
});

test.each([
  ['2026-11-27-my-post', 'my-post'],
  ['understanding-convolutional-neural-networks', 'understanding-convolutional-neural-networks'],
  ['2026-11-27-2027-plans', '2027-plans'],
  ['2026-11-my-post', '2026-11-my-post'],
  ['my-post-2026-11-27', 'my-post-2026-11-27'],
])('postSlug %j -> %j: only a leading YYYY-MM-DD- is dropped', (folder, slug) => {
  expect(postSlug(folder)).toBe(slug);
});

describe('adjacentPosts', () => {
  const list = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];

  test('in the middle: the newer post before it, the older one after it', () => {
    expect(adjacentPosts(list, 'b')).toEqual({ newer: { id: 'c' }, older: { id: 'a' } });
  });

  test('at the ends one side is absent, not undefined', () => {
    expect(adjacentPosts(list, 'c')).toStrictEqual({ older: { id: 'b' } });
    expect(adjacentPosts(list, 'a')).toStrictEqual({ newer: { id: 'b' } });
  });

  test('a single post, or an id not in the list: neither', () => {
    expect(adjacentPosts([{ id: 'x' }], 'x')).toStrictEqual({});
    expect(adjacentPosts(list, 'missing')).toStrictEqual({});
  });
});

test('slugClash: two folders published at one address are named; distinct ones pass', () => {
  expect(slugClash(['understanding-x', '2026-11-27-writing', '2026-11-20-pooling'])).toBeUndefined();
  expect(slugClash(['my-post', '2026-01-01-my-post'])).toMatchInlineSnapshot(
    `"content/posts: the folders "2026-01-01-my-post" and "my-post" would both be published at /my-post/. Rename one of them."`,
  );
});

describe('newestPosts (what the feed carries)', () => {
  const post = (id: string, date: string) => ({ id, data: { date: new Date(date), draft: false } });
  const posts = [
    post('b', '2017-02-01'),
    post('d', '2017-04-01'),
    post('a', '2017-01-01'),
    post('c', '2017-03-01'),
  ];
  test('the newest first, at most the limit', () => {
    expect(newestPosts(posts, 2).map((p) => p.id)).toEqual(['d', 'c']);
    expect(newestPosts(posts, 20).map((p) => p.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(newestPosts(posts, 0)).toEqual([]);
  });
});
