/** The table of contents of a post, from the headings Astro's render() returns. Pure. */

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Headings between minDepth and maxDepth (h2 and h3 by default) as a tree: each heading nests under
 * the nearest heading before it with a smaller depth; one with none (an h3 before any h2) is
 * top-level. Headings outside the range are dropped.
 */
export function tocTree(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const root: TocItem[] = [];
  const open: { depth: number; item: TocItem }[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth < minDepth || depth > maxDepth) continue;
    while ((open.at(-1)?.depth ?? -Infinity) >= depth) open.pop();
    const item: TocItem = { slug, text, children: [] };
    (open.at(-1)?.item.children ?? root).push(item);
    open.push({ depth, item });
  }
  return root;
}

/** Whether a post has enough h2/h3 headings for a table of contents to help (3 by default). */
export function showToc(headings: readonly Heading[], minHeadings = 3): boolean {
  return headings.filter((h) => h.depth >= 2 && h.depth <= 3).length >= minHeadings;
}
