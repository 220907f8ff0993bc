/**
 * MathJax as Jekyll posts write it, for KaTeX through remark-math. Kramdown reads `\\(` as `\(`
 * and removes its own escapes (`\_` → `_`) before MathJax sees the formula, so a formula written
 * between `\\( \\)` or `\\[ \\]` is unescaped the same way here. Kramdown's `$$ … $$` is taken as
 * written (kramdown passes it through untouched): inline inside a sentence, display when it is a
 * paragraph of its own, which remark-math would show inline unless the `$$` stand on their own lines.
 */

/** Characters kramdown lets a backslash escape. */
const KRAMDOWN_ESCAPES = /\\([\\.*_+\-`()[\]{}#!:|"'$=<>])/g;

/** The formula MathJax received from kramdown: `a\_1 \\\\ b` → `a_1 \\ b`. */
export const unescapeKramdown = (tex: string): string => tex.replace(KRAMDOWN_ESCAPES, '$1');

/** Inline math for remark-math: one dollar each side, no space just inside. */
export const inlineMath = (tex: string): string => `$${tex.trim()}$`;

/** Display math for remark-math: `$$` on lines of their own. */
export const displayMath = (tex: string): string => `$$\n${tex.trim()}\n$$`;

/**
 * When a whole paragraph is one display formula, written `$$ … $$` or `\\[ … \\]`, its TeX as
 * MathJax would get it; undefined otherwise.
 */
export function displayParagraph(paragraph: string): string | undefined {
  const text = paragraph.trim();
  const dollars = /^\$\$([\s\S]+?)\$\$$/.exec(text);
  if (dollars && !(dollars[1] ?? '').includes('$$')) return dollars[1] ?? '';
  const brackets = /^\\\\\[([\s\S]+?)\\\\\]$/.exec(text);
  if (brackets && !(brackets[1] ?? '').includes('\\\\]')) return unescapeKramdown(brackets[1] ?? '');
  return undefined;
}
