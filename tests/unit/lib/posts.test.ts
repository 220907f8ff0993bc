import { expect, test } from 'vitest';
import { formatDate, publishedPosts } from '~/lib/posts';

const post = (id: string, date: string, draft = false) => ({ id, data: { date: new Date(date), draft } });

test('publishedPosts: newest first, drafts left out of the build', () => {
  const posts = [post('old', '2016-01-01'), post('draft', '2020-01-01', true), post('new', '2018-01-01')];
  expect(publishedPosts(posts).map((p) => p.id)).toEqual(['new', 'old']);
  expect(publishedPosts(posts, true).map((p) => p.id)).toEqual(['draft', 'new', 'old']);
});

test('formatDate: the day of the UTC date, whatever the builder’s time zone', () => {
  expect(formatDate(new Date('2017-01-11T23:54:47Z'))).toBe('January 11, 2017');
});
