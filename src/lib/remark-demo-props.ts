/**
 * Demo props checked where the author wrote them. For each demo element in an MDX post
 * (<ConvolutionStepper stride={7} />), props written as literals are checked against the demo's
 * schema (src/mdx/props.ts) while the post compiles: a mistake stops the build at the post's file
 * and line, every wrong demo of the file in one error. Each demo element also gets a `__where` prop
 * ("content/posts/x/index.mdx:12"), so the wrapper's own check, which sees props computed at run
 * time too, names the same place.
 */
import type { Program, Expression } from 'estree';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { DEMO_NAMES, demoPropError, demoPropProblems, WHERE_PROP, type DemoName } from '../mdx/props';
import { throwProblems, where } from './where';

const DYNAMIC = Symbol('dynamic');

/** The value of a literal JavaScript expression ([[1, -2]], "same", { text: "a" }), or DYNAMIC. */
export function literalValue(node: Expression | null | undefined): unknown {
  if (!node) return DYNAMIC;
  switch (node.type) {
    case 'Literal':
      return 'regex' in node || 'bigint' in node ? DYNAMIC : node.value;
    case 'UnaryExpression': {
      const value = literalValue(node.argument);
      if (typeof value !== 'number') return DYNAMIC;
      return node.operator === '-' ? -value : node.operator === '+' ? value : DYNAMIC;
    }
    case 'ArrayExpression': {
      const values = node.elements.map((e) =>
        e === null || e.type === 'SpreadElement' ? DYNAMIC : literalValue(e),
      );
      return values.includes(DYNAMIC) ? DYNAMIC : values;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.type !== 'Property' || p.computed || p.kind !== 'init') return DYNAMIC;
        const key =
          p.key.type === 'Identifier'
            ? p.key.name
            : p.key.type === 'Literal'
              ? String(p.key.value)
              : undefined;
        const value = literalValue(p.value as Expression);
        if (key === undefined || value === DYNAMIC) return DYNAMIC;
        out[key] = value;
      }
      return out;
    }
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? (node.quasis[0]?.value.cooked ?? '') : DYNAMIC;
    default:
      return DYNAMIC;
  }
}

/** An element's props when every one is a literal; undefined when any is computed. */
function literalProps(node: MdxJsxFlowElement | MdxJsxTextElement): Record<string, unknown> | undefined {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') return undefined;
    const { value } = attribute;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else {
      const program = value.data?.estree as Program | undefined;
      const statement = program?.body[0];
      const result = statement?.type === 'ExpressionStatement' ? literalValue(statement.expression) : DYNAMIC;
      if (result === DYNAMIC) return undefined;
      props[attribute.name] = result;
    }
  }
  return props;
}

export function remarkDemoProps() {
  return (tree: Root, file: VFile): void => {
    const problems: string[] = [];
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (raw) => {
      const node = raw as MdxJsxFlowElement | MdxJsxTextElement;
      if (!node.name || !DEMO_NAMES.includes(node.name)) return;
      const name = node.name as DemoName;
      const at = where(file, node);
      const props = literalProps(node);
      if (props) {
        const found = demoPropProblems(name, props);
        if (found.length > 0) problems.push(demoPropError(name, found, at));
      }
      node.attributes.push({ type: 'mdxJsxAttribute', name: WHERE_PROP, value: at });
    });
    throwProblems(file, problems, 'demos with wrong props');
  };
}
