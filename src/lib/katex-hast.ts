/**
 * A formula as hast, straight from KaTeX's own tree: the same nodes that parsing KaTeX's HTML
 * (renderToString, then an HTML parser, as rehype-katex does) gives, without writing the HTML
 * out and reading it back, which was most of the math's share of a post's build. A unit test
 * holds the two equal over every formula of the site and a list of KaTeX's node kinds.
 *
 * KaTeX's tree is its `__renderToDomTree` (exported, not in its types); its node classes are
 * `__domTree` (Span, Anchor, SymbolNode, SvgNode, PathNode, LineNode) and, for the MathML half,
 * MathNode, TextNode, SpaceNode and DocumentFragment, told apart here by their fields. A node of
 * any other kind goes through KaTeX's HTML and the parser, as before.
 */
import type { ElementContent, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h, s } from 'hastscript';
import katex, { type KatexOptions } from 'katex';

interface Styled {
  classes: string[];
  style: Record<string, string | undefined>;
  attributes?: Record<string, string>;
  children?: unknown[];
}

interface KatexInternals {
  __renderToDomTree(tex: string, options: KatexOptions): { toMarkup(): string };
  __domTree: Record<
    'Span' | 'Anchor' | 'SymbolNode' | 'SvgNode' | 'PathNode' | 'LineNode',
    new (...args: never[]) => unknown
  >;
}

const internals = katex as unknown as Partial<KatexInternals>;

/** Whether this KaTeX has the tree this module reads (else callers use renderToString). */
export const KATEX_TREE_AVAILABLE =
  typeof internals.__renderToDomTree === 'function' && typeof internals.__domTree === 'object';

const hyphenate = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** KaTeX's inline style string: "name:value;" for each property set, in order. */
function styleString(style: Styled['style'], prefix = ''): string {
  let out = prefix;
  for (const [name, value] of Object.entries(style))
    if (value !== undefined) out += `${hyphenate(name)}:${value};`;
  return out;
}

function properties(node: Styled, style = styleString(node.style)): Properties {
  const props: Properties = {};
  const className = node.classes.filter(Boolean).join(' ');
  if (className) props['class'] = className;
  if (style) props['style'] = style;
  for (const [name, value] of Object.entries(node.attributes ?? {})) props[name] = value;
  return props;
}

/** Adjacent text nodes become one, as an HTML parser reads them. */
function pushText(out: ElementContent[], value: string): void {
  if (value === '') return;
  const last = out.at(-1);
  if (last?.type === 'text') last.value += value;
  else out.push({ type: 'text', value });
}

function push(out: ElementContent[], node: ElementContent): void {
  if (node.type === 'text') pushText(out, node.value);
  else out.push(node);
}

/** KaTeX's own HTML for one node, parsed: for node kinds this module does not know. */
function viaHtml(node: { toMarkup(): string }, out: ElementContent[]): void {
  for (const child of fromHtml(node.toMarkup(), { fragment: true }).children) {
    push(out, stripPositions(child as ElementContent));
  }
}

function stripPositions(node: ElementContent): ElementContent {
  if ('position' in node) delete (node as { position?: unknown }).position;
  if ('children' in node) node.children.forEach((child) => stripPositions(child as ElementContent));
  return node;
}

/** KaTeX nodes as hast, one list (adjacent text merged). */
function children(list: unknown[] | undefined, svg: boolean): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of list ?? []) convert(child, out, svg);
  return out;
}

function convert(node: unknown, out: ElementContent[], svg: boolean): void {
  const D = internals.__domTree!;
  const n = node as Styled & Record<string, unknown> & { toMarkup(): string };
  if (n instanceof D.Span || n instanceof D.Anchor) {
    push(out, h(n instanceof D.Anchor ? 'a' : 'span', properties(n), children(n.children, false)));
  } else if (n instanceof D.SymbolNode) {
    const italic = n['italic'] as number;
    const style = styleString(n.style, italic > 0 ? `margin-right:${+italic.toFixed(4)}em;` : '');
    const text = n['text'] as string;
    if (n.classes.length > 0 || style) push(out, h('span', properties(n, style), text === '' ? [] : [text]));
    else pushText(out, text);
  } else if (n instanceof D.SvgNode) {
    push(out, s('svg', { xmlns: 'http://www.w3.org/2000/svg', ...n.attributes }, children(n.children, true)));
  } else if (n instanceof D.PathNode && svg) {
    const d = /^<path d="([^"&<>]*)"\/>$/.exec(n.toMarkup())?.[1];
    if (d === undefined) viaHtml(n, out);
    else push(out, s('path', { d }));
  } else if (n instanceof D.LineNode && svg) {
    push(out, s('line', { ...n.attributes }));
  } else if (
    typeof n['type'] === 'string' &&
    typeof n['toText'] === 'function' &&
    Array.isArray(n.children)
  ) {
    // MathNode: a MathML element (its class, if any, after its attributes, as KaTeX writes it).
    push(out, h(n['type'] as string, properties({ ...n, style: {} }), children(n.children, false)));
  } else if (typeof n['text'] === 'string' && !('children' in n) && !('classes' in n)) {
    pushText(out, n['text'] as string); // TextNode
  } else if (typeof n['width'] === 'number' && 'character' in n) {
    // SpaceNode: a space character in <mtext>, or an <mspace> of that width.
    const character = n['character'] as string | null;
    if (character) push(out, h('mtext', [character]));
    else viaHtml(n, out);
  } else if (Array.isArray(n.children) && !('type' in n) && !('attributes' in n)) {
    for (const child of n.children) convert(child, out, svg); // DocumentFragment
  } else {
    viaHtml(n, out);
  }
}

/**
 * The formula as hast nodes (KaTeX's HTML and MathML, as renderToString writes them). Throws
 * KaTeX's ParseError when the formula cannot be read, whatever `throwOnError` says.
 */
export function katexHast(tex: string, options: KatexOptions = {}): ElementContent[] {
  const settings = { ...options, throwOnError: true };
  const out: ElementContent[] = [];
  if (KATEX_TREE_AVAILABLE) convert(internals.__renderToDomTree!(tex, settings), out, false);
  else viaHtml({ toMarkup: () => katex.renderToString(tex, settings) }, out);
  return out;
}
