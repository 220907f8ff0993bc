/**
 * References formatted by a CSL style through citation-js (citeproc), returned as hast nodes: the
 * markup comes from the CSL processor, which escapes the data, never from string concatenation
 * here. URLs and DOIs become links.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Element, ElementContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { CslEntry } from './bibliography';
import { ARTICLE_ORDER_CSL } from './csl-styles';

const styles = plugins.config.get('@csl').styles as {
  has(name: string): boolean;
  add(name: string, xml: string): void;
};
if (!styles.has('article-order')) styles.add('article-order', ARTICLE_ORDER_CSL);

/** citeproc turns ' into ’ in text, URLs included; a link must keep the address as written. */
const typographic = (text: string) => text.replaceAll("'", '’');

function linkify(nodes: ElementContent[], entry: CslEntry): ElementContent[] {
  const targets = [entry.URL, entry.DOI ? `https://doi.org/${entry.DOI}` : undefined].filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );
  const root: Element = { type: 'element', tagName: 'span', properties: {}, children: nodes };
  visit(root, 'text', (node: Text, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    for (const target of targets) {
      for (const shown of [target, typographic(target)]) {
        const at = node.value.indexOf(shown);
        if (at === -1) continue;
        const parts: ElementContent[] = [
          { type: 'text', value: node.value.slice(0, at) },
          h('a', { href: target }, target),
          { type: 'text', value: node.value.slice(at + shown.length) },
        ];
        parent.children.splice(index, 1, ...parts);
        return [SKIP, index + parts.length];
      }
    }
    return undefined;
  });
  return root.children;
}

/** Formatted lists by style and entries: posts that cite the same works are formatted once. */
const formattedLists = new Map<string, Map<string, ElementContent[]>>();

/** Each entry's formatted reference, by key, in the given CSL style (each call gets its own nodes). */
export function formatReferences(entries: readonly CslEntry[], style: string): Map<string, ElementContent[]> {
  const cacheKey = `${style}\u0000${JSON.stringify(entries)}`;
  let result = formattedLists.get(cacheKey);
  if (result === undefined) {
    result = formatReferencesOnce(entries, style);
    formattedLists.set(cacheKey, result);
  }
  return new Map([...result].map(([key, nodes]) => [key, structuredClone(nodes)]));
}

function formatReferencesOnce(entries: readonly CslEntry[], style: string): Map<string, ElementContent[]> {
  const html = new Cite(entries.map((e) => ({ ...e }))).format('bibliography', {
    format: 'html',
    template: style,
    lang: 'en-US',
  }) as string;
  const tree = fromHtml(html, { fragment: true });
  const result = new Map<string, ElementContent[]>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['dataCslEntryId'];
    if (typeof id !== 'string') return undefined;
    const entry = entries.find((e) => e.id === id);
    if (entry) result.set(id, linkify(node.children as ElementContent[], entry));
    return SKIP;
  });
  return result;
}

/** A reference as plain text, for meta tags and copy buttons. */
export function referenceText(entry: CslEntry, style: string): string {
  return (
    new Cite({ ...entry }).format('bibliography', {
      format: 'text',
      template: style,
      lang: 'en-US',
    }) as string
  ).trim();
}
