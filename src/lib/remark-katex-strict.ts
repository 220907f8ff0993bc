/**
 * Renders every formula once with KaTeX before rehype-katex does, so that a formula KaTeX cannot
 * read fails the build with the file, the line and the formula, instead of shipping red text; every
 * such formula of a file is named in the one error.
 */
import katex from 'katex';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { where } from './where';

export function remarkKatexStrict() {
  return (tree: Root, file: VFile): void => {
    // Every formula of the file is tried, so that one build names them all.
    const problems: string[] = [];
    visit(tree, ['math', 'inlineMath'], (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      try {
        katex.renderToString(node.value, { displayMode: node.type === 'math', throwOnError: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push(`${where(file, node)}: KaTeX cannot render the formula "${node.value}": ${reason}`);
      }
    });
    if (problems.length === 1) throw new Error(problems[0]);
    if (problems.length > 1) {
      throw new Error(
        `${problems.length} formulas KaTeX cannot render in ${where(file)}:\n${problems.join('\n')}`,
      );
    }
  };
}
