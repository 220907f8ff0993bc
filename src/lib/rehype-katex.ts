/**
 * Math typeset at build time, strictly: every formula remark-math found becomes KaTeX's HTML and
 * MathML, and a formula KaTeX cannot read fails the build with the file, the line and the
 * formula, every such formula of a file in the one error, instead of shipping red text.
 *
 * It finds formulas as rehype-katex does (`code.math-inline`; `pre > code.math-display`, and any
 * `language-math` code block, in display mode) and gives the same nodes (src/lib/katex-hast.ts),
 * at about a third of the time: rehype-katex writes each formula out as HTML and parses it back.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { KatexOptions } from 'katex';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { katexHast } from './katex-hast';
import { throwProblems, where } from './where';

const classesOf = (element: Element): unknown[] =>
  Array.isArray(element.properties['className']) ? element.properties['className'] : [];

const isMathCode = (node: ElementContent): boolean =>
  node.type === 'element' && node.tagName === 'code' && classesOf(node).includes('language-math');

export function rehypeKatex(options: KatexOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const problems: string[] = [];
    visit(tree, 'element', (element, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      let displayMode: boolean;
      if (element.tagName === 'pre' && element.children.some(isMathCode)) {
        // A display formula (or a ```math block) is <pre><code>: the <pre> is what it replaces
        // (and where its line is: the <code> inside has no position).
        displayMode = true;
      } else {
        const classes = classesOf(element);
        if (
          !classes.includes('math-inline') &&
          !classes.includes('math-display') &&
          !classes.includes('language-math')
        )
          return undefined;
        displayMode = classes.includes('math-display');
      }
      const tex = toString(element); // the TeX: the text inside the formula's element
      try {
        parent.children.splice(index, 1, ...katexHast(tex, { ...options, displayMode }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push(`${where(file, element)}: KaTeX cannot render the formula "${tex}": ${reason}`);
      }
      return SKIP;
    });
    throwProblems(file, problems, 'formulas KaTeX cannot render');
  };
}
