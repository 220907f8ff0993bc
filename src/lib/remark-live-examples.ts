/**
 * "Shown live" examples for the authoring guide: a fenced block written as ```mdx live shows its
 * source AND, right below it, what that source renders to. The rendering is parsed from the very
 * text that is shown, so the guide cannot drift from what the site does: change a component and
 * the example changes with it (or the build fails).
 *
 * Run it first among the remark plugins, so the inserted nodes go through citations and math like
 * any other text. Components used in an example must be imported at the top of the post.
 */
import type { Code, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

const isLive = (node: Code): boolean => node.lang === 'mdx' && /(^|\s)live(\s|$)/.test(node.meta ?? '');

/** An MDX JSX block element (what `<div class="…">` parses to), built without a JSX parser. */
function block(className: string, children: RootContent[], label?: string): RootContent {
  const attributes = [{ type: 'mdxJsxAttribute', name: 'class', value: className }];
  if (label) {
    attributes.push({ type: 'mdxJsxAttribute', name: 'role', value: 'group' });
    attributes.push({ type: 'mdxJsxAttribute', name: 'aria-label', value: label });
  }
  return { type: 'mdxJsxFlowElement', name: 'div', attributes, children } as unknown as RootContent;
}

export function remarkLiveExamples(this: Processor) {
  const parse = (text: string): Root => this.parse(text) as Root;
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent: Parent | undefined) => {
      if (!isLive(node) || parent === undefined || index === undefined) return undefined;
      const source: Code = { ...node, meta: null };
      const rendered = parse(node.value).children;
      parent.children.splice(
        index,
        1,
        block('live-example', [
          block('live-example__source', [source], 'Source'),
          block('live-example__result', rendered, 'Result'),
        ]),
      );
      return [SKIP, index + 1];
    });
  };
}
