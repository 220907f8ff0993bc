/**
 * Formulas that search can find and quote. KaTeX writes each formula twice (MathML for screen
 * readers, spans for the eye) and neither reads well as text, so pagefind.yml leaves both out of
 * the index. This plugin gives each formula (span.katex) its TeX turned into plain text,
 * `data-search-text="o = ⌊(i + 2p − k) / s⌋ + 1"`, which Pagefind indexes in its place
 * (data-pagefind-index-attrs): "an image I and a kernel K", not "an image and a kernel".
 */
import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export const SEARCH_TEXT_ATTRIBUTE = 'data-search-text';

/** Commands that read as a symbol or a word; any other \name reads as its name (\alpha -> alpha). */
const SYMBOLS: Record<string, string> = {
  times: '×',
  cdot: '·',
  star: '⋆',
  ast: '*',
  lfloor: '⌊',
  rfloor: '⌋',
  lceil: '⌈',
  rceil: '⌉',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  pm: '±',
  int: '∫',
  sum: 'sum',
  prod: 'product',
  ldots: '…',
  cdots: '…',
  dots: '…',
};
/** Layout only: nothing to read. */
const SILENT = /\\(?:left|right|big|Big|bigg|Bigg|displaystyle|textstyle|qquad|quad)\b|\\[,;:! ]/g;
/** Commands whose argument is read as it is: \text{before} -> before. */
const WRAPPERS =
  /\\(?:text|textrm|textit|mathrm|mathit|mathbf|mathsf|mathcal|operatorname|boldsymbol)\{([^{}]*)\}/g;

const group = (s: string): string => (/^[\p{L}\p{N}']+$/u.test(s.trim()) ? s.trim() : `(${s.trim()})`);

/** TeX as a reader would say it in plain text: `\frac{a + b}{2}` -> "(a + b) / 2". */
export function readableTex(tex: string): string {
  let s = tex.replace(SILENT, ' ').replace(/\\\\/g, ' ').replace(/&/g, ' ');
  // Innermost braces first, until no \frac or wrapper is left.
  for (let i = 0; i < 20; i++) {
    const next = s
      .replace(WRAPPERS, (_m, inner: string) => inner)
      .replace(
        /\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g,
        (_m, a: string, b: string) => `${group(a)} / ${group(b)}`,
      );
    if (next === s) break;
    s = next;
  }
  return s
    .replace(/\\([A-Za-z]+)/g, (_m, name: string) => ` ${SYMBOLS[name] ?? name} `)
    .replace(/[{}]/g, ' ')
    .replace(/[_]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ([,.])/g, '$1')
    .replace(/\b(max|min|log|exp|sin|cos) \(/g, '$1(')
    .trim();
}

const classes = (node: Element): unknown[] => {
  const names = node.properties['className'];
  return Array.isArray(names) ? names : [];
};

/** The TeX KaTeX kept in its MathML <annotation encoding="application/x-tex">. */
function texOf(katex: Element): string | undefined {
  let tex: string | undefined;
  visit(katex, 'element', (node) => {
    if (node.tagName === 'annotation' && node.properties['encoding'] === 'application/x-tex') {
      tex = node.children.map((c) => (c as Text).value ?? '').join('');
      return false;
    }
    return undefined;
  });
  return tex;
}

export function rehypeMathSearch() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (!classes(node).includes('katex')) return undefined;
      const tex = texOf(node);
      if (tex === undefined) return SKIP;
      node.properties['dataSearchText'] = readableTex(tex);
      node.properties['dataPagefindIndexAttrs'] = SEARCH_TEXT_ATTRIBUTE;
      return SKIP;
    });
  };
}
