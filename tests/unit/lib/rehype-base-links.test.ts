import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { rehypeBaseLinks } from '~/lib/rehype-base-links';

const markdown = (base: string, text: string): string =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeBaseLinks, { base })
      .use(rehypeStringify)
      .processSync(text),
  );

test('rehype-base-links: links and pictures written as site paths go under the base', () => {
  const html = markdown(
    '/blog/',
    '[guide](/writing-a-post/) [tags](/tags/#cnn) ![k](/samples/k.png) [home](/)\n',
  );
  expect(html).toBe(
    '<p><a href="/blog/writing-a-post/">guide</a> <a href="/blog/tags/#cnn">tags</a> <img src="/blog/samples/k.png" alt="k"> <a href="/blog/">home</a></p>',
  );
});

test('rehype-base-links: full, protocol-relative, relative and fragment addresses stay; the root base changes nothing', () => {
  const text = '[a](https://x.org/y) [b](//cdn.example/z) [c](figure.png) [d](#ref-1) [e](../up/)\n';
  const out = markdown('/blog/', text);
  expect(out).toContain('href="https://x.org/y"');
  expect(out).toContain('href="//cdn.example/z"');
  expect(out).toContain('href="figure.png"');
  expect(out).toContain('href="#ref-1"');
  expect(out).toContain('href="../up/"');
  expect(markdown('/', '[g](/writing-a-post/)\n')).toBe('<p><a href="/writing-a-post/">g</a></p>');
});

test('rehype-base-links: JSX written in MDX (<a href="/tags/">) goes under the base too', () => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkRehype, { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement'] })
    .use(rehypeBaseLinks, { base: '/blog/' });
  const tree = processor.runSync(
    processor.parse('A <a href="/tags/">tag</a> and <img src="https://x.org/p.png" />.\n'),
  );
  const attributes: Record<string, unknown> = {};
  const walk = (node: {
    type: string;
    name?: string;
    attributes?: { name: string; value: unknown }[];
    children?: unknown[];
  }) => {
    if (node.attributes) for (const a of node.attributes) attributes[`${node.name}.${a.name}`] = a.value;
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as never);
  expect(attributes).toEqual({ 'a.href': '/blog/tags/', 'img.src': 'https://x.org/p.png' });
});
