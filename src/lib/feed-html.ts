/**
 * Makes a post's HTML fit for a feed reader, which runs no JavaScript, loads no stylesheet and may
 * show the post far from the site:
 * - KaTeX's formulas keep only their MathML (feed readers and browsers render it; the HTML copy
 *   needs KaTeX's CSS and would read as a jumble), with the TeX source inside as an annotation;
 * - the focusable scroll box around each display formula (rehype-math-scroll) is unwrapped;
 * - citation cards (popovers) go, their markers stay as links to the reference list;
 * - what the page marks `data-feed="omit"` goes (a second drawing of a figure, for narrow screens);
 * - scripts, styles and data attributes go;
 * - every address becomes absolute, so links and images work from the reader.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { MATH_SCROLL_CLASS } from './rehype-math-scroll';

const DROPPED = new Set(['script', 'style', 'template', 'link', 'meta']);
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

const classes = (node: Element): string[] => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};

function findMath(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'math') return child;
    const found = findMath(child);
    if (found) return found;
  }
  return undefined;
}

function absolutize(node: Element, base: URL): void {
  for (const name of URL_ATTRIBUTES) {
    const value = node.properties[name];
    if (typeof value === 'string' && value !== '') node.properties[name] = new URL(value, base).href;
  }
  const srcset = node.properties['srcSet'];
  if (typeof srcset === 'string' || Array.isArray(srcset)) {
    const list = Array.isArray(srcset) ? srcset.join(', ') : srcset;
    node.properties['srcSet'] = list
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [new URL(url, base).href, ...descriptor].join(' ');
      })
      .join(', ');
  }
}

/** `html` is the post's content as rendered for the site; `pageUrl` is the post's address. */
export function feedHtml(html: string, pageUrl: URL): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node, index, parent) => {
    if (parent === undefined || index === undefined) return;
    const names = classes(node);
    if (DROPPED.has(node.tagName) || names.includes('cite-card') || node.properties['dataFeed'] === 'omit') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (names.includes(MATH_SCROLL_CLASS)) {
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (names.includes('katex-display') || names.includes('katex')) {
      const math = findMath(node);
      if (math) {
        parent.children[index] = math as ElementContent;
        return SKIP;
      }
    }
    for (const key of Object.keys(node.properties)) {
      if (/^(data|on|style$|ariaDescribedBy$)/.test(key)) delete node.properties[key];
    }
    absolutize(node, pageUrl);
    return undefined;
  });
  return toHtml(tree);
}
