import { describe, expect, test } from 'vitest';
import { showToc, tocTree, type TocItem } from '~/lib/toc';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase().replace(/\s+/g, '-'), text });

/** The tree as indented lines: easy to read in a failure. */
const outline = (items: TocItem[], indent = ''): string[] =>
  items.flatMap((i) => [`${indent}${i.text}`, ...outline(i.children, `${indent}  `)]);

describe('tocTree', () => {
  test('h3 nests under the h2 before it; slug and text carried', () => {
    const tree = tocTree([h(2, 'Intro'), h(3, 'Why'), h(3, 'How'), h(2, 'Kernels'), h(3, 'Sobel')]);
    expect(outline(tree)).toEqual(['Intro', '  Why', '  How', 'Kernels', '  Sobel']);
    expect(tree[0]).toEqual({
      slug: 'intro',
      text: 'Intro',
      children: [
        { slug: 'why', text: 'Why', children: [] },
        { slug: 'how', text: 'How', children: [] },
      ],
    });
  });

  test('an h3 before any h2 is top-level', () => {
    expect(outline(tocTree([h(3, 'Aside'), h(3, 'Another'), h(2, 'Main'), h(3, 'Sub')]))).toEqual([
      'Aside',
      'Another',
      'Main',
      '  Sub',
    ]);
  });

  test('depths outside 2..3 are dropped (h1 title, h4 and deeper)', () => {
    expect(outline(tocTree([h(1, 'Title'), h(2, 'A'), h(4, 'Deep'), h(3, 'B'), h(5, 'Deeper')]))).toEqual([
      'A',
      '  B',
    ]);
  });

  test('a wider range nests h4 under h3, and under h2 when there is no h3 between', () => {
    expect(outline(tocTree([h(2, 'A'), h(4, 'A4'), h(3, 'B'), h(4, 'B4'), h(2, 'C')], 2, 4))).toEqual([
      'A',
      '  A4',
      '  B',
      '    B4',
      'C',
    ]);
  });

  test('no headings: empty', () => {
    expect(tocTree([])).toEqual([]);
  });
});

describe('showToc', () => {
  test('three h2/h3 headings by default', () => {
    expect(showToc([h(2, 'A'), h(3, 'B')])).toBe(false);
    expect(showToc([h(2, 'A'), h(3, 'B'), h(2, 'C')])).toBe(true);
  });

  test('headings outside h2..h3 do not count', () => {
    expect(showToc([h(1, 'T'), h(2, 'A'), h(4, 'x'), h(5, 'y'), h(3, 'B')])).toBe(false);
  });

  test('a custom threshold', () => {
    expect(showToc([h(2, 'References')], 1)).toBe(true);
    expect(showToc([h(2, 'A'), h(2, 'B'), h(2, 'C')], 4)).toBe(false);
  });
});
