import { describe, expect, test } from 'vitest';
import {
  collectSeries,
  readingOrder,
  seriesOf,
  seriesProblems,
  siteOrder,
  type SeriesPost,
} from '~/lib/series';

const NAME = 'CNNs for beginners';
let day = 0;
function post(id: string, part?: number, series: string | undefined = part ? NAME : undefined): SeriesPost {
  day++;
  return {
    id,
    filePath: `content/posts/${id}/index.mdx`,
    data: { title: id, date: new Date(Date.UTC(2026, 0, day)), series, part },
  };
}

describe('series validation: the sentence an author reads', () => {
  test('parts 1, 2, 3 in any file order pass', () => {
    expect(seriesProblems([post('c', 3), post('a', 1), post('b', 2), post('lone')])).toEqual([]);
  });

  test('two posts with the same part: both files named, and the free number to use', () => {
    expect(seriesProblems([post('intro', 1), post('pooling', 2), post('relu', 2)])).toMatchInlineSnapshot(`
      [
        "content/posts/pooling/index.mdx and content/posts/relu/index.mdx are both part 2 of the series "CNNs for beginners": give one of them part: 3 (parts run 1, 2, 3… with no gaps).",
      ]
    `);
  });

  test('a gap: the missing part, the file after it, and a reminder about drafts', () => {
    expect(seriesProblems([post('intro', 1), post('pooling', 3)])).toMatchInlineSnapshot(`
      [
        "the series "CNNs for beginners" has no part 2, but content/posts/pooling/index.mdx is part 3: write part: 2 in it, or publish the missing part (a draft is left out of the build).",
      ]
    `);
  });

  test('a series that does not start at part 1', () => {
    expect(seriesProblems([post('pooling', 2)])).toMatchInlineSnapshot(`
      [
        "the series "CNNs for beginners" has no part 1, but content/posts/pooling/index.mdx is part 2: write part: 1 in it, or publish the missing part (a draft is left out of the build).",
      ]
    `);
  });

  test('the same series spelt two ways', () => {
    expect(seriesProblems([post('intro', 1), post('pooling', 2, 'CNNs for Beginners')]))
      .toMatchInlineSnapshot(`
      [
        "content/posts/pooling/index.mdx names the series "CNNs for Beginners" but content/posts/intro/index.mdx names it "CNNs for beginners": write the same name in both, for example series: "CNNs for beginners".",
      ]
    `);
  });

  test('collectSeries throws every problem at once, so the build fails with all of them', () => {
    expect(() =>
      collectSeries([post('a', 1), post('b', 2), post('x', 2, 'Other'), post('y', 1, 'Other')]),
    ).not.toThrow();
    expect(() => collectSeries([post('a', 2), post('x', 3, 'Other')])).toThrowErrorMatchingInlineSnapshot(`
      [Error: the series "CNNs for beginners" has no part 1, but content/posts/a/index.mdx is part 2: write part: 1 in it, or publish the missing part (a draft is left out of the build).
      the series "Other" has no part 1, but content/posts/x/index.mdx is part 3: write part: 1 in it, or publish the missing part (a draft is left out of the build).]
    `);
  });
});

describe('series order', () => {
  const intro = post('intro', 1);
  const guide = post('guide');
  const maps = post('maps', 2);
  const later = post('later');

  test('parts in part order, with neighbours', () => {
    const [series] = collectSeries([maps, guide, intro]);
    expect(series?.slug).toBe('cnns-for-beginners');
    expect(series?.parts.map((p) => p.id)).toEqual(['intro', 'maps']);
    const place = seriesOf(collectSeries([maps, intro]), 'maps');
    expect(place?.index).toBe(1);
    expect(place?.previous?.id).toBe('intro');
    expect(place?.next).toBeUndefined();
    expect(seriesOf(collectSeries([maps, intro]), 'guide')).toBeUndefined();
  });

  test('reading order: a series is one block in part order, placed by its newest part', () => {
    // Dates: intro < guide < maps < later.
    expect(readingOrder([later, guide, intro, maps]).map((p) => p.id)).toEqual([
      'later',
      'intro',
      'maps',
      'guide',
    ]);
  });

  test('site order: the lessons first, the posts for authors after them, even when newer', () => {
    expect(siteOrder([later, guide, intro, maps], (p) => p.id === 'later').map((p) => p.id)).toEqual([
      'intro',
      'maps',
      'guide',
      'later',
    ]);
  });
});
