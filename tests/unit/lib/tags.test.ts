import { describe, expect, test } from 'vitest';
import { groupByTag, tagsProblem } from '~/lib/tags';

const post = (id: string, ...tags: string[]) => ({ id, data: { tags } });

/** "tag (slug): ids" per group: the whole result in a line each. */
const summary = (groups: ReturnType<typeof groupByTag<ReturnType<typeof post>>>) =>
  groups.map((g) => `${g.tag} (${g.slug}): ${g.posts.map((p) => p.id).join(' ')}`);

describe('groupByTag', () => {
  test('groups sorted by name, posts in input order', () => {
    const posts = [post('new', 'cnn', 'basics'), post('mid', 'pooling'), post('old', 'basics', 'cnn')];
    expect(summary(groupByTag(posts))).toEqual([
      'basics (basics): new old',
      'cnn (cnn): new old',
      'pooling (pooling): mid',
    ]);
  });

  test('"CNN" and "cnn" are one tag, named as first met', () => {
    const posts = [post('a', 'CNN'), post('b', 'cnn'), post('c', 'Cnn ')];
    expect(summary(groupByTag(posts))).toEqual(['CNN (cnn): a b c']);
  });

  test('a post tagged twice (in two spellings) is listed once', () => {
    const posts = [post('a', 'cnn', 'CNN', 'cnn'), post('b', 'cnn')];
    expect(summary(groupByTag(posts))).toEqual(['cnn (cnn): a b']);
  });

  test('sorting ignores case but not accents; words with spaces get hyphenated slugs', () => {
    const posts = [post('a', 'zebra', 'Image processing', 'apple', 'Édition', 'edition')];
    expect(summary(groupByTag(posts))).toEqual([
      'apple (apple): a',
      'Édition (edition): a',
      'Image processing (image-processing): a',
      'zebra (zebra): a',
    ]);
  });

  test('tags with no usable slug are skipped (the schema refuses them)', () => {
    expect(summary(groupByTag([post('a', '!!!', 'cnn')]))).toEqual(['cnn (cnn): a']);
  });

  test('no posts, no tags: no groups', () => {
    expect(groupByTag([])).toEqual([]);
    expect(groupByTag([post('a')])).toEqual([]);
  });
});

describe('tagsProblem', () => {
  test('usable tags: no problem', () => {
    expect(tagsProblem(['cnn', 'Image processing', 'C++', '3d'])).toBeUndefined();
    expect(tagsProblem([])).toBeUndefined();
  });

  test('one tag with nothing to make an address from', () => {
    expect(tagsProblem(['cnn', '!!!'])).toMatchInlineSnapshot(
      `"the tag "!!!" has no letters or digits to make a page address from: use words like "cnn" or "image processing"."`,
    );
  });

  test('several such tags are named together', () => {
    expect(tagsProblem(['??', 'cnn', '—', ' '])).toMatchInlineSnapshot(
      `"the tags "??", "—" and " " have no letters or digits to make a page address from: use words like "cnn" or "image processing"."`,
    );
  });
});
