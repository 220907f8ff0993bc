/**
 * The importer on the fixture site (tests/fixtures/jekyll/site): every construct of issue 15's
 * list, checked in the MDX it writes, which must parse as MDX and pass the post schema.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { postSchema } from '~/lib/post-schema';
import { importFixture, readMdx, SITE } from './mdx';

const edge = importFixture('2016-03-02-edge-detectors.md');
const pooling = importFixture('2016-04-10-pooling-notes.markdown');
const plainWords = importFixture('2017-01-05-plain-words.md');
const odds = importFixture('2017-02-14-odds-and-ends.md');
const whats = (out: typeof edge) => out.findings.attention.map((f) => `${f.line}: ${f.what}`);

/** Node types in the MDX tree, with the values of math nodes. */
function nodes(mdx: string): { types: Set<string>; math: string[]; inlineMath: string[] } {
  const types = new Set<string>();
  const math: string[] = [];
  const inlineMath: string[] = [];
  visit(readMdx(mdx).tree, (node: Node & { value?: string }) => {
    types.add(node.type);
    if (node.type === 'math') math.push(node.value ?? '');
    if (node.type === 'inlineMath') inlineMath.push(node.value ?? '');
  });
  return { types, math, inlineMath };
}

describe('every fixture post', () => {
  const names = readdirSync(join(SITE, '_posts')).filter((n) => /\.(md|markdown)$/.test(n));
  test.each(names)('%s parses as MDX and its frontmatter passes the schema', (name) => {
    const { mdx } = importFixture(name);
    const { data } = readMdx(mdx);
    const result = postSchema.safeParse(data);
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([]);
  });

  test.each(names)('%s imports to the same text twice', (name) => {
    expect(importFixture(name).mdx).toBe(importFixture(name).mdx);
  });
});

describe('frontmatter', () => {
  test('layout and mathjax go; tags written as one string and categories become one list', () => {
    const { data } = readMdx(edge.mdx);
    expect(data).toEqual({
      title: 'Edge detectors, by hand',
      date: '2016-03-02 09:30:00',
      excerpt:
        'A kernel is a small grid of weights that slides over a picture. Jekyll <3 kernels, and a budget of $5 buys none.',
      math: true,
      comments: false,
      tags: ['vision', 'kernels', 'sobel', 'notes'],
    });
    expect(edge.folder).toBe('2016-03-02-edge-detectors');
  });

  test('the excerpt stops at the post’s excerpt_separator; published: false is a draft; the date comes from the file name', () => {
    const { data } = readMdx(pooling.mdx);
    expect(data['excerpt']).toBe(
      'Pooling shrinks a feature map. It keeps the strongest answer in each window. Max pooling takes the largest value.',
    );
    expect(data['draft']).toBe(true);
    expect(data['date']).toBe('2016-04-10');
    expect(data['tags']).toEqual(['pooling', 'CNN', 'notes']);
  });

  test('without a separator the excerpt is the first paragraph', () => {
    expect(readMdx(plainWords.mdx).data['excerpt']).toBe(
      'A short post with no frontmatter date: the file name gives it. Inline kramdown math $a + b$ stays inline.',
    );
  });

  test('author becomes authors; a key into _data/authors.yml is reported as not a name', () => {
    expect(readMdx(pooling.mdx).data['authors']).toEqual(['Ada Lovelace', 'Turing, Alan']);
    expect(whats(pooling).filter((w) => w.includes('author'))).toEqual([]);
    expect(readMdx(odds.mdx).data['authors']).toEqual(['ada']);
    expect(whats(odds)).toContain(
      '2: author "ada" looks like a key into Jekyll\'s _data/authors.yml, not a person\'s name',
    );
  });

  test('a frontmatter image is dropped and reported, with its line', () => {
    expect(whats(edge)).toContain(
      '8: frontmatter image "/assets/img/kernel.png" dropped (the site draws each post’s social image)',
    );
  });
});

describe('kramdown, HTML and Liquid', () => {
  test('{:toc}, attribute lists and comments leave nothing behind; a header id becomes an anchor', () => {
    expect(edge.mdx).not.toMatch(/\{:|TOC|<!--|more-->/);
    expect(pooling.mdx).not.toMatch(/<!--|A comment|cut-->/);
    expect(edge.mdx).toContain('<a id="sobel"></a>\n\n## Sobel, step by step\n');
  });

  test('MathJax \\\\( \\\\) and \\\\[ \\\\] become $ and $$ with kramdown’s escapes removed', () => {
    const { math, inlineMath } = nodes(edge.mdx);
    expect(inlineMath).toContain('G_x');
    expect(inlineMath).toContain('(i, j)');
    expect(math[0]).toBe('G_x = \\begin{bmatrix} -1 & 0 & 1 \\\\ -2 & 0 & 2 \\\\ -1 & 0 & 1 \\end{bmatrix}');
  });

  test('a one-line $$ paragraph is display math; $$ inside a sentence stays inline', () => {
    const { math, inlineMath } = nodes(edge.mdx);
    expect(math).toContain('\\|G\\| = \\sqrt{G_x^2 + G_y^2}');
    expect(inlineMath).toContain('|G|');
    expect(nodes(plainWords.mdx).inlineMath).toEqual(['a + b']);
  });

  test('<, {, } and $ in prose are text, not JSX, expressions or math', () => {
    const { body } = readMdx(edge.mdx);
    expect(body).toContain('Jekyll \\<3 kernels, and a budget of \\$5 buys none.');
    expect(body).toContain('a set like \\{1, 2, 1\\} is its profile');
    expect(body).toContain('x\\<y holds');
    expect(pooling.mdx).toContain('Total cost: \\$3 for the prints, \\$4 for the frame.');
    expect(nodes(pooling.mdx).inlineMath).toEqual([]);
  });

  test('Liquid addresses are resolved; highlight is a fenced block; raw text is shown as written', () => {
    expect(edge.mdx).toContain('See [the next post](/pooling-notes/) and [the grid](#grid-note).');
    expect(edge.mdx).toContain('```python\ndef sobel_x(image):\n    return convolve(');
    expect(edge.mdx).toContain('write \\{\\{ page.title \\}\\} in a template');
    expect(pooling.mdx).toContain('```liquid\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n```');
    expect(edge.mdx).not.toContain('site.baseurl');
  });

  test('an include and an unknown Liquid value stay visible as code and are reported with their lines', () => {
    expect(edge.mdx).toContain('`{% include figure.html src="edges.png" %}`');
    expect(whats(edge)).toContain('45: Liquid include of "figure.html" kept as code');
    expect(plainWords.mdx).toContain('`{{ page.author }}`');
    expect(whats(plainWords)).toContain('7: Liquid output {{ page.author }} kept as code');
  });

  test('void tags are closed, <a name> becomes an id, unquoted attributes are quoted', () => {
    expect(edge.mdx).toContain('<img src={picture1.src} width="300" alt="A grid" /><br />');
    expect(edge.mdx).toContain('<a id="grid-note"></a>As the grid shows');
  });

  test('<style> is removed and reported; indented code becomes a fenced block', () => {
    expect(edge.mdx).not.toMatch(/<style|font-size/);
    expect(whats(edge)).toContain(
      '47: <style> block removed (MDX cannot hold one, and it would restyle the whole site)',
    );
    expect(edge.mdx).toContain('```\nfor i in range(h):\n    out[i] = sum(k * x[i])\n```');
  });

  test('autolinks, footnotes, reference links and <cite> survive as MDX reads them', () => {
    const { types } = nodes(edge.mdx);
    expect(edge.mdx).toContain('[https://example.org/sobel](https://example.org/sobel)');
    expect(types).toContain('footnoteReference');
    expect(types).toContain('footnoteDefinition');
    expect(types).toContain('linkReference');
    expect(types).toContain('definition');
    expect(edge.mdx).toContain('<cite>Vision, A. Author</cite>');
  });
});

describe('links and kramdown comments', () => {
  test('a link to a Jekyll post address leads to the post’s new address; a link to a site file is reported', () => {
    expect(plainWords.mdx).toContain('[its old address](/edge-detectors/#sobel)');
    expect(whats(plainWords)).toContain('15: link to a file of the Jekyll site: /assets/slides.pdf');
  });

  test('{::comment} … {:/comment} leaves nothing behind', () => {
    expect(plainWords.mdx).not.toMatch(/comment|never shows/);
  });
});

describe('lists, tables, quotes and kramdown extras', () => {
  test('a fenced block inside a list item stays in the item; quotes, tables and footnotes keep their shape', () => {
    const { types } = nodes(odds.mdx);
    expect(odds.mdx).toContain(
      '1. First, pad the image:\n\n    ```python\n    padded = np.pad(image, 1)\n    ```\n\n2. Then',
    );
    expect(odds.mdx).toContain('> A quote with a formula $a \\cdot b$ inside\n> and a second line.');
    expect(odds.mdx).toContain('| box    | 3×3  | blur \\{soft\\} |');
    expect(odds.mdx).toContain('| sobel  | 3×3  | edges <br /> (x and y) |');
    expect(types).toContain('table');
    expect(types).toContain('blockquote');
    expect(odds.mdx).toContain('and \\<- back, and 3 \\< 4.');
  });

  test('markdown="1" goes; Liquid control flow, definition lists and abbreviations are reported', () => {
    expect(odds.mdx).toContain('<div class="note">\n**Note:**');
    expect(odds.mdx).not.toContain('*[CNN]');
    expect(whats(odds).filter((w) => !w.includes('author'))).toEqual([
      '38: Liquid tag {% if page.comments %} kept as code',
      '40: Liquid tag {% endif %} kept as code',
      '43: kramdown definition list: MDX shows it as a plain paragraph',
      '51: kramdown abbreviation *[CNN]: Convolutional Neural Network removed (MDX has no abbreviations)',
    ]);
  });
});

describe('pictures', () => {
  test('pictures behind Liquid, relative paths and reference definitions are copied beside the post', () => {
    expect(edge.images).toEqual([
      { sitePath: 'assets/img/kernel.png', name: 'kernel.png' },
      { sitePath: 'assets/img/grid.png', name: 'grid.png' },
    ]);
    expect(edge.mdx).toContain('![A kernel](./kernel.png)');
    expect(edge.mdx).toContain("import picture1 from './grid.png';");
    expect(pooling.images.map((i) => i.name).sort()).toEqual(['beside.png', 'grid.png']);
    expect(pooling.mdx).toContain('![A picture beside the post](./beside.png)');
    expect(pooling.mdx).toContain('[grid]: ./grid.png');
  });

  test('external pictures and frames (blocked by the site’s policy) and missing pictures are reported', () => {
    expect(whats(edge).filter((w) => /another site|from https/.test(w))).toEqual([
      '58: picture from another site: https://example.org/remote.png (the site’s security policy shows pictures from this site only, so readers see nothing there)',
      '60: <iframe> from https://www.youtube.com/embed/abc123 kept, but the site’s security policy blocks frames from other sites',
    ]);
    expect(whats(plainWords)).toContain(
      '9: picture /assets/img/missing.png not found in the Jekyll site (assets/img/missing.png)',
    );
  });
});
