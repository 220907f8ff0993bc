import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { remarkLiveExamples } from '~/lib/remark-live-examples';

const run = (markdown: string) => {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkLiveExamples);
  return processor.runSync(processor.parse(markdown)) as Root;
};

/** Just the node types, nested, to read the tree's shape at a glance. */
const shape = (node: { type: string; name?: string | null; children?: unknown[] }): unknown =>
  node.children
    ? { [node.name ? `${node.type}:${node.name}` : node.type]: (node.children as (typeof node)[]).map(shape) }
    : node.type;

test('an ```mdx live block becomes its source followed by what that source renders to', () => {
  const tree = run('Before.\n\n```mdx live\nSome *text* with $x^2$.\n\n<Box size={2} />\n```\n\nAfter.');
  expect(tree.children.map(shape)).toEqual([
    { paragraph: ['text'] },
    {
      'mdxJsxFlowElement:div': [
        { 'mdxJsxFlowElement:div': ['code'] },
        {
          'mdxJsxFlowElement:div': [
            { paragraph: ['text', { emphasis: ['text'] }, 'text', 'inlineMath', 'text'] },
            { 'mdxJsxFlowElement:Box': [] },
          ],
        },
      ],
    },
    { paragraph: ['text'] },
  ]);
  const wrapper = tree.children[1] as unknown as {
    children: { children: { value?: string; meta?: string }[] }[];
  };
  const code = wrapper.children[0]?.children[0];
  expect(code?.value).toBe('Some *text* with $x^2$.\n\n<Box size={2} />');
  expect(code?.meta, 'the shown block loses the "live" flag').toBeNull();
});

test('other code blocks, mdx without "live" included, are left alone', () => {
  const tree = run('```mdx\n<Box />\n```\n\n```js live\nlet a = 1;\n```');
  expect(tree.children.map((n) => n.type)).toEqual(['code', 'code']);
});
