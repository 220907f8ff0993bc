/**
 * Authors link to the site's own pages as site paths ("[the guide](/writing-a-post/)", or
 * `<a href="/tags/">` in MDX): this puts every such address under the base path the site is built
 * for (BASE_PATH), so the same post works at https://example.org/ and under
 * https://me.github.io/blog/. Only addresses that start with a single '/' change: full addresses,
 * '//host' addresses, relative ones ('figure.png', '#anchor') and imported images stay as they are.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isSitePath, withBase } from './site-address.ts';

/** The attributes that hold an address, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};

interface MdxJsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxJsxAttribute[];
}

export function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  const fix = (value: unknown): unknown =>
    typeof value === 'string' && isSitePath(value) ? withBase(base, value) : value;
  return (tree: Root): void => {
    if (base === '/') return;
    visit(tree, (node) => {
      if (node.type === 'element') {
        const element = node as Element;
        for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
          const value = element.properties[name];
          if (typeof value === 'string') element.properties[name] = fix(value) as string;
        }
        return;
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const jsx = node as unknown as MdxJsxElement;
        const names = URL_ATTRIBUTES[jsx.name ?? ''];
        if (names === undefined) return;
        for (const attribute of jsx.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && names.includes(attribute.name ?? '')) {
            attribute.value = fix(attribute.value);
          }
        }
      }
    });
  };
}
