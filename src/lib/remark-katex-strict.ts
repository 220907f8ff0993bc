/**
 * A formula KaTeX cannot read fails the build with the file, the line and the formula, instead of
 * shipping red text; every such formula of a file is named in the one error.
 *
 * remarkKatexStrict checks each formula before rehype-katex renders it, with KaTeX's parser only
 * (a seventh of a render's time: rendering each formula twice cost the article about 3 ms a build).
 * rehypeKatexRendered, after rehype-katex, fails the build on anything rehype-katex could still not
 * render (an error KaTeX raises while building rather than parsing), so nothing red ever ships.
 */
import katex from 'katex';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { where } from './where';

type Check = (tex: string, options: { displayMode: boolean; throwOnError: true }) => unknown;

/**
 * KaTeX's parser, which throws the same ParseError a render would; exported by KaTeX but not in its
 * types. Should a KaTeX release drop it, a full render does the same job, only slower.
 */
const parse: Check =
  (katex as unknown as { __parse?: Check }).__parse ?? ((tex, options) => katex.renderToString(tex, options));

function fail(file: VFile, problems: string[]): void {
  if (problems.length === 1) throw new Error(problems[0]);
  if (problems.length > 1) {
    throw new Error(
      `${problems.length} formulas KaTeX cannot render in ${where(file)}:\n${problems.join('\n')}`,
    );
  }
}

const problem = (file: VFile, node: Node | undefined, tex: string, reason: unknown) =>
  `${where(file, node)}: KaTeX cannot render the formula "${tex}": ${reason instanceof Error ? reason.message : String(reason)}`;

export function remarkKatexStrict() {
  return (tree: Root, file: VFile): void => {
    // Every formula of the file is tried, so that one build names them all.
    const problems: string[] = [];
    visit(tree, ['math', 'inlineMath'], (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      try {
        parse(node.value, { displayMode: node.type === 'math', throwOnError: true });
      } catch (error) {
        problems.push(problem(file, node, node.value, error));
      }
    });
    fail(file, problems);
  };
}

/** After rehype-katex: its warnings (a formula it drew as red text) become the build's error. */
export function rehypeKatexRendered() {
  return (_tree: HastRoot, file: VFile): void => {
    const problems = file.messages
      .filter((message) => message.source === 'rehype-katex')
      .map((message) => {
        // The formula's element, which rehype-katex replaced but left as it was: its text is the TeX.
        const element = message.ancestors?.at(-1) as { children?: { value?: unknown }[] } | undefined;
        const tex = (element?.children ?? []).map((child) => String(child.value ?? '')).join('');
        const place = message.place;
        const at = place && 'start' in place ? { type: 'math', position: place } : undefined;
        return problem(file, at, tex, message.cause ?? message.reason);
      });
    fail(file, problems);
  };
}
