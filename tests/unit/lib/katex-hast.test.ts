/**
 * src/lib/katex-hast.ts builds a formula's hast from KaTeX's tree; rehype-katex (the package) got
 * it by writing KaTeX's HTML and parsing it back. The two must be the same nodes: for every formula
 * of every post on the site, and for a list of what KaTeX draws with each kind of node (SVG
 * stretchy arrows and roots, links, colours, spaces, arrays, accents, non-Latin text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import type { Root } from 'mdast';
import packageRehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { KATEX_TREE_AVAILABLE, katexHast } from '~/lib/katex-hast';
import { rehypeKatex } from '~/lib/rehype-katex';

const POSTS = 'content/posts';

/** Every formula of every post, as remark-math reads it (display or inline). */
function siteFormulas(): { tex: string; display: boolean; post: string }[] {
  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);
  const out: { tex: string; display: boolean; post: string }[] = [];
  for (const post of readdirSync(POSTS)) {
    let source: string;
    try {
      source = readFileSync(join(POSTS, post, 'index.mdx'), 'utf8');
    } catch {
      continue;
    }
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    visit(parser.parse(body) as Root, ['math', 'inlineMath'], (node) => {
      if (node.type === 'math' || node.type === 'inlineMath')
        out.push({ tex: node.value, display: node.type === 'math', post });
    });
  }
  return out;
}

const KINDS = [
  '\\sqrt{x^2+1}',
  '\\sqrt[3]{x}',
  '\\widehat{abc}',
  '\\overrightarrow{AB}',
  '\\xrightarrow[x]{abc}',
  '\\underbrace{a+b}_{n}',
  '\\boxed{x}',
  '\\fcolorbox{red}{blue}{x}',
  '\\color{blue} x \\textcolor{#f00}{y}',
  '\\href{https://example.org/?a=1&b=2}{x}',
  '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
  '\\begin{array}{c|c}a&b\\\\\\hline c&d\\end{array}',
  '\\begin{aligned}a&=b\\\\c&=d\\end{aligned}',
  '\\left(\\frac{a}{b}\\right) \\Bigg( \\binom{n}{k} \\dfrac12',
  '\\text{héllo wörld <\\&>"\'}',
  '\\mathrm{d}x\\,\\;\\!\\quad\\qquad\\ \\hspace{1.3em}\\kern-1em\\mkern3mu',
  '\\mathbb{R}\\mathcal{L}\\mathfrak{g}\\mathscr{S}',
  '\\int_0^1 f(x)\\,dx + \\sum_{i=1}^n i',
  "\\lfloor x \\rfloor \\vec{v}\\hat{a}\\tilde{n} f'(x)",
  '\\cancel{x} \\not= \\neq \\operatorname{argmax}_x',
  '\\overline{x}\\underline{y}\\phase{x}\\rule{1em}{2em}',
  'ì í 中文 \\char"41',
  '\\verb|a<b|',
  '\\smash{x}\\mathllap{x}\\stackrel{a}{b}\\overset{!}{=}',
];

/** What rehype-katex did with one formula: KaTeX's HTML, parsed (positions aside). */
function viaHtml(tex: string, displayMode: boolean): ElementContent[] {
  const html = katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'ignore' });
  const strip = (node: ElementContent): ElementContent => {
    delete (node as { position?: unknown }).position;
    if ('children' in node) node.children.forEach((child) => strip(child as ElementContent));
    return node;
  };
  return fromHtml(html, { fragment: true }).children.map((child) => strip(child as ElementContent));
}

test('this KaTeX has the tree katex-hast reads (else every formula takes the slower path)', () => {
  expect(KATEX_TREE_AVAILABLE).toBe(true);
});

describe('katexHast gives the nodes of KaTeX HTML, parsed', () => {
  const formulas = siteFormulas();

  test('the site has formulas to compare (inline and display)', () => {
    expect(formulas.filter((f) => f.display).length).toBeGreaterThan(5);
    expect(formulas.filter((f) => !f.display).length).toBeGreaterThan(20);
  });

  test("every formula of the site's posts", () => {
    for (const { tex, display, post } of formulas) {
      expect(katexHast(tex, { displayMode: display }), `${post}: ${tex}`).toEqual(viaHtml(tex, display));
    }
  });

  test.each(KINDS)('%s, inline and display', (tex) => {
    for (const displayMode of [false, true]) {
      expect(katexHast(tex, { displayMode, strict: 'ignore' })).toEqual(viaHtml(tex, displayMode));
    }
  });

  test('a formula KaTeX cannot read throws its ParseError', () => {
    expect(() => katexHast('\\frac{1}{')).toThrow(/KaTeX parse error/);
  });
});

test('rehypeKatex writes the same page as the rehype-katex package', () => {
  const doc = [
    'Inline $a^2 + \\sqrt{b}$ and $\\overrightarrow{AB}$.',
    '',
    '$$',
    'S(i, j) = \\sum_m \\sum_n I(i + m, j + n) K(m, n)',
    '$$',
    '',
    '```math',
    '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
    '```',
    '',
  ].join('\n');
  const page = (plugin: typeof rehypeKatex) =>
    String(
      unified()
        .use(remarkParse)
        .use(remarkMath)
        .use(remarkRehype)
        .use(plugin)
        .use(rehypeStringify)
        .processSync(doc),
    );
  const ours = page(rehypeKatex);
  expect(ours).toContain('class="katex-display"');
  expect(ours).toBe(page(packageRehypeKatex as typeof rehypeKatex));
});
