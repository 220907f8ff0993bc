import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { remarkCitations } from '~/lib/remark-citations';
import { rehypeKatex } from '~/lib/rehype-katex';

/** A throwaway project: content/references.bib and one post folder. */
function project(bib: string, postBib?: string): { root: string; post: string } {
  const root = mkdtempSync(join(tmpdir(), 'cite-'));
  mkdirSync(join(root, 'content', 'posts', 'p'), { recursive: true });
  writeFileSync(join(root, 'content', 'references.bib'), bib);
  if (postBib !== undefined) writeFileSync(join(root, 'content', 'posts', 'p', 'references.bib'), postBib);
  return { root, post: join(root, 'content', 'posts', 'p', 'index.md') };
}

const BIB = `@book{gb, title = {Deep Learning}, author = {Goodfellow, Ian and Bengio, Yoshua}, year = {2016}, url = {https://example.org/dl}}
@misc{web, title = {A Web Page}, url = {https://example.org/page}}`;

function render(markdown: string, root: string, path: string): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkCitations, { root })
    .use(remarkRehype)
    .use(rehypeKatex)
    .use(rehypeStringify);
  return String(processor.processSync(new VFile({ value: markdown, path, cwd: root })));
}

describe('remark-citations', () => {
  test('markers link to entries, entries link back, numbers follow first citation', () => {
    const { root, post } = project(BIB);
    const html = render('First [@web]. Then [@gb, ch. 9] and [@web].\n\n## References\n', root, post);
    expect(html).toContain('<a href="#ref-web" id="cite-web-1"');
    expect(html).toContain('<a href="#ref-gb" id="cite-gb-1"');
    expect(html).toContain('>2</a>, ch. 9]');
    expect(html).toContain('<a href="#ref-web" id="cite-web-2"');
    const list = html.slice(html.indexOf('<ol class="references">'));
    expect(list.indexOf('id="ref-web"')).toBeLessThan(list.indexOf('id="ref-gb"'));
    expect(list).toContain(
      'Deep Learning, 2016, Ian Goodfellow and Yoshua Bengio, <a href="https://example.org/dl">',
    );
    expect(list).toContain('href="#cite-web-1"');
    expect(list).toContain('href="#cite-web-2"');
    expect(list).toContain('href="#cite-gb-1"');
  });

  test('a marker citing several works has one card showing all of them, with its locator', () => {
    const { root, post } = project(BIB);
    const html = render('Both [@web; @gb, p. 3].', root, post);
    const card =
      /<span class="cite-card" id="card-cite-web-1" role="tooltip">(.*?)<\/span><\/sup>/.exec(html)?.[1] ??
      '';
    expect(card).toContain('1.</span> A Web Page');
    expect(card).toContain('2.</span> Deep Learning, 2016, Ian Goodfellow and Yoshua Bengio');
    expect(card).toContain('(p. 3)');
    expect(html).toContain('aria-describedby="card-cite-web-1"');
  });

  test('without a References heading the list is appended under one', () => {
    const { root, post } = project(BIB);
    const html = render('Text [@gb].', root, post);
    expect(html).toMatch(/<h2>References<\/h2>\s*<ol class="references">/);
  });

  test('text from the .bib is escaped, never injected as HTML', () => {
    const { root, post } = project('@misc{x, title = {<img src=x onerror=alert(1)>}}');
    const html = render('See [@x].', root, post);
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<img');
    expect(html).toContain('&#x3C;img');
  });

  test('a post’s own references.bib adds to the site-wide one', () => {
    const { root, post } = project(BIB, '@misc{local, title = {Local Work}}');
    expect(render('See [@local] and [@gb].', root, post)).toContain('Local Work');
  });

  test('an unknown key fails with the file, the line and the key', () => {
    const { root, post } = project(BIB);
    expect(() => render('Intro.\n\nSee [@goodfelow2016].', root, post)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.md:3: the citation key "goodfelow2016" is not in the bibliography. Add an entry with that key to content/references.bib (or the post's own references.bib), or use one of: gb, web.]`,
    );
  });

  test('BibTeX with an error inside an entry names that entry', () => {
    const { root, post } = project(
      '@misc{web, title = {A}}\n@book{gb,\n  title = {Deep Learning},\n  year = 2016 2017\n}',
    );
    expect(() => render('See [@gb].', root, post)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.md cites from a bibliography with a problem: content/references.bib: this BibTeX does not parse in the entry "gb" (from line 2): expected "rbrace", got "number" at line 4 col 15]`,
    );
  });

  test('a duplicate key fails naming the .bib file and the key', () => {
    const { root, post } = project(`${BIB}\n@misc{gb, title = {Again}}`);
    expect(() => render('See [@gb].', root, post)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.md cites from a bibliography with a problem: content/references.bib: the key "gb" is used by two entries; give each work its own key.]`,
    );
  });

  test('BibTeX that does not parse fails naming the file and the line', () => {
    const { root, post } = project(
      '@book{gb, title = {Deep Learning},\n  year = {2016}\n@misc{web, title = {A}}',
    );
    expect(() => render('See [@gb].', root, post)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.md cites from a bibliography with a problem: content/references.bib: this BibTeX does not parse in the entry "gb" (from line 1), which seems to lack its closing brace before line 3: invalid syntax at line 3 col 1]`,
    );
  });
});

describe('rehype-katex (src/lib/rehype-katex.ts)', () => {
  test('valid inline and display math passes', () => {
    const { root, post } = project(BIB);
    expect(() => render('$a^2$ and\n\n$$\n\\frac{1}{2}\n$$\n', root, post)).not.toThrow();
  });
  test('every formula KaTeX cannot read is named in one error, each with its line', () => {
    const { root, post } = project(BIB);
    expect(() => render('Fine $a$.\n\nBroken: $\\frac{1}{$ here.\n\n$$\n\\sqrt[\n$$\n', root, post))
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: 2 formulas KaTeX cannot render in content/posts/p/index.md:
      content/posts/p/index.md:3: KaTeX cannot render the formula "\\frac{1}{": KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{
      content/posts/p/index.md:5: KaTeX cannot render the formula "\\sqrt[": KaTeX parse error: Unexpected end of input in a macro argument, expected ']' at end of input: \\sqrt[]
    `);
  });

  test('a formula KaTeX cannot read fails with the file, the line and the formula', () => {
    const { root, post } = project(BIB);
    expect(() =>
      render('Fine.\n\nBroken: $\\frac{1}{$ here.', root, post),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.md:3: KaTeX cannot render the formula "\\frac{1}{": KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{]`,
    );
  });
});
