/**
 * Turns [@key] markers into numbered links to the References list, and fills that list (after a
 * "References" heading, or at the end) with the cited works, each linking back to every place
 * that cites it. An unknown key fails the build with the file, the line and the key.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Heading, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { dirname } from 'node:path';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { loadBibliography, type Bibliography } from './bibliography';
import { CitationRegistry, referenceAnchor, splitCitations, type CitedWork } from './citations';
import { formatReferences } from './format-reference';
import { where } from './where';

/** An mdast node that remark-rehype turns into the hast element it carries. */
interface HastCarrier extends Node {
  type: 'citationHast';
  data: { hName: string; hProperties: Element['properties']; hChildren: ElementContent[] };
}

function carry(element: Element): HastCarrier {
  return {
    type: 'citationHast',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  };
}

/** A marker, and its card: filled in later, once every work's formatted reference is known. */
interface PendingCard {
  card: Element;
  works: { key: string; number: number; locator?: string }[];
}

function marker(
  works: CitedWork[],
  registry: CitationRegistry,
  bibliography: Bibliography,
  cards: PendingCard[],
): Element {
  const children: (ElementContent | string)[] = ['['];
  const cited: PendingCard['works'] = [];
  let cardId = '';
  works.forEach((work, i) => {
    const { number, anchor } = registry.cite(work.key);
    cardId ||= `card-${anchor}`;
    cited.push(work.locator ? { key: work.key, number, locator: work.locator } : { key: work.key, number });
    const title = bibliography.get(work.key)?.title ?? work.key;
    if (i > 0) children.push('; ');
    children.push(
      h(
        'a',
        {
          href: `#${referenceAnchor(work.key)}`,
          id: anchor,
          className: ['citation-link'],
          ariaLabel: `Reference ${number}: ${title}${work.locator ? `, ${work.locator}` : ''}`,
          ariaDescribedBy: cardId,
        },
        String(number),
      ),
    );
    if (work.locator) children.push(`, ${work.locator}`);
  });
  children.push(']');
  const card = h('span', { className: ['cite-card'], id: cardId, role: 'tooltip' });
  cards.push({ card, works: cited });
  return h('sup', { className: ['citation'] }, [...children, card]);
}

/** Fills each card with the full references of the works its marker cites. */
function fillCards(cards: PendingCard[], formatted: Map<string, ElementContent[]>): void {
  for (const { card, works } of cards) {
    card.children = works.map(({ key, number, locator }) =>
      h('span', { className: ['cite-card__item'] }, [
        h('span', { className: ['cite-card__number'] }, `${number}.`),
        ' ',
        ...structuredClone(formatted.get(key) ?? []),
        locator ? h('span', { className: ['cite-card__locator'] }, ` (${locator})`) : '',
      ]),
    );
  }
}

function referenceList(registry: CitationRegistry, formatted: Map<string, ElementContent[]>): Element {
  const items = registry.entries().map(({ key, number, anchors }) => {
    const text = formatted.get(key) ?? [];
    const back = anchors.map((anchor, i) =>
      h(
        'a',
        {
          href: `#${anchor}`,
          className: ['citation-backlink'],
          ariaLabel: `Back to citation ${i + 1} of ${anchors.length} of reference ${number}`,
        },
        anchors.length > 1 ? `↩\uFE0E${i + 1}` : '↩\uFE0E',
      ),
    );
    return h('li', { id: referenceAnchor(key), value: number }, [
      h('span', { className: ['reference-text'] }, text),
      ' ',
      h('span', { className: ['citation-backlinks'] }, back),
    ]);
  });
  return h('ol', { className: ['references'] }, items);
}

/** The remark-plugin frontmatter field holding the keys a post cites, in numbering order. */
export const CITED_KEYS = 'citedKeys';

export interface RemarkCitationsOptions {
  /** Project root: where content/references.bib lives. Default: the current directory. */
  root?: string;
  /** A CSL style name (see src/consts.ts). Default: 'article-order'. */
  style?: string;
}

export function remarkCitations(options: RemarkCitationsOptions = {}) {
  return (tree: Root, file: VFile): void => {
    let bibliography: Bibliography | undefined;
    const registry = new CitationRegistry();
    const cards: PendingCard[] = [];
    visit(tree, 'text', (node: Text, index, parent) => {
      if (parent === undefined || index === undefined || !node.value.includes('[@')) return undefined;
      try {
        bibliography ??= loadBibliography(
          options.root ?? file.cwd,
          file.path ? dirname(file.path) : undefined,
        );
      } catch (error) {
        throw new Error(
          `${where(file)} cites from a bibliography with a problem: ${(error as Error).message}`,
        );
      }
      const known = bibliography;
      let pieces;
      try {
        pieces = splitCitations(node.value);
      } catch (error) {
        throw new Error(`${where(file, node)}: ${(error as Error).message}.`);
      }
      const replacement = pieces.map((piece) => {
        if (piece.kind === 'text') return { type: 'text', value: piece.value } as Text;
        for (const work of piece.works) {
          if (!known.has(work.key)) {
            throw new Error(
              `${where(file, node)}: the citation key "${work.key}" is not in the bibliography. ` +
                `Add an entry with that key to content/references.bib (or the post's own references.bib), ` +
                `or use one of: ${[...known.keys()].join(', ')}.`,
            );
          }
        }
        return carry(marker(piece.works, registry, known, cards));
      });
      parent.children.splice(index, 1, ...(replacement as Text[]));
      return [SKIP, index + replacement.length];
    });
    // The one list of what the post cites, in numbering order: the page's Scholar tags and
    // schema.org data read it (render(post).remarkPluginFrontmatter), so nothing parses twice.
    // A post that cites nothing gets no field (absent means none).
    if (bibliography === undefined) return;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter[CITED_KEYS] = registry.entries().map(({ key }) => key);
    const known = bibliography;
    const cited = registry.entries().flatMap(({ key }) => known.get(key) ?? []);
    const formatted = formatReferences(cited, options.style ?? 'article-order');
    fillCards(cards, formatted);
    const list = carry(referenceList(registry, formatted)) as unknown as RootContent;
    const heading = tree.children.findIndex(
      (n): n is Heading => n.type === 'heading' && toString(n).trim() === 'References',
    );
    if (heading === -1) {
      const title: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] };
      tree.children.push(title, list);
    } else {
      tree.children.splice(heading + 1, 0, list);
    }
  };
}
