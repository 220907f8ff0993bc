/**
 * Display formulas that are wider than the column scroll sideways instead of being cut off. Each
 * KaTeX display formula is wrapped in a scroll container that keyboard users can focus (Tab, then
 * the arrow keys) and that screen readers name; the stylesheet draws a fading edge on the side
 * where more of the formula is hidden (.math-scroll in src/styles/global.css). The feed unwraps it
 * again (src/lib/feed-html.ts): a feed reader gets the MathML alone.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export const MATH_SCROLL_CLASS = 'math-scroll';
export const MATH_SCROLL_LABEL = 'Formula (scrolls sideways when wider than the page)';

const isDisplayMath = (node: Element): boolean => {
  const names = node.properties['className'];
  return Array.isArray(names) && names.includes('katex-display');
};

export function rehypeMathScroll() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || !isDisplayMath(node)) return undefined;
      const wrapper: Element = {
        type: 'element',
        // A span, so that it is valid wherever KaTeX's own span may stand (even inside a paragraph).
        tagName: 'span',
        properties: {
          className: [MATH_SCROLL_CLASS],
          tabIndex: 0,
          role: 'group',
          ariaLabel: MATH_SCROLL_LABEL,
        },
        children: [node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
