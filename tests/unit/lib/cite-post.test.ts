import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { loadBibliography } from '~/lib/bibliography';
import { articleJsonLd, citedWorks, postCitation, scholarMeta } from '~/lib/cite-post';
import { citedKeysOf } from '~/lib/post-citations';
import { remarkCitations } from '~/lib/remark-citations';

const post = {
  slug: 'understanding-convolutional-neural-networks',
  title: "Understanding Convolutional Neural Networks (A Beginner's Guide)",
  date: new Date('2017-01-11T12:54:47Z'),
  excerpt: 'An introduction.',
  authors: [] as string[],
  siteTitle: 'Convolutions, Explained',
  url: 'https://convolutions.example.org/understanding-convolutional-neural-networks/',
};

const bibliography = loadBibliography(process.cwd());
const SEED = 'content/posts/understanding-convolutional-neural-networks/index.mdx';
const body = readFileSync(SEED, 'utf8');

/** The keys a post cites, as the Markdown pipeline (remark-citations) hands them to the page. */
function citedKeys(mdx: string): string[] {
  const file = new VFile({
    value: mdx.replace(/^---\n[\s\S]*?\n---\n/, ''),
    path: resolve(SEED),
    cwd: process.cwd(),
  });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkCitations);
  processor.runSync(processor.parse(file), file);
  return citedKeysOf((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter);
}
const seedWorks = () => citedWorks(citedKeys(body), bibliography);

describe('citing the post and what it cites', () => {
  test('citedWorks: the seed post cites the guide first, then the book', () => {
    expect(seedWorks().map((w) => w.id)).toEqual(['beginnersguide', 'goodfellow2016']);
  });

  test('a [@key] only inside code is not a citation: no Scholar tag, no schema.org citation', () => {
    const keys = citedKeys('Write `[@goodfellow2016]` to cite.\n\n```md\nAs shown [@beginnersguide].\n```\n');
    expect(keys).toEqual([]);
    expect(
      scholarMeta(post, citedWorks(keys, bibliography)).filter((t) => t.name === 'citation_reference'),
    ).toEqual([]);
    expect(articleJsonLd(post, citedWorks(keys, bibliography))['citation']).toEqual([]);
    expect(citedKeys('In code `[@goodfellow2016]`, and in text [@beginnersguide].\n')).toEqual([
      'beginnersguide',
    ]);
  });

  test('no author named: APA starts with the title, BibTeX has no author; the site is never the author', () => {
    const { text, bibtex } = postCitation(post, 'apa');
    // APA 7, a work with no author: the title moves to the author's place, then the date.
    expect(text).toMatchInlineSnapshot(
      `"Understanding Convolutional Neural Networks (A Beginner’s Guide). (2017, January 11). Convolutions, Explained. https://convolutions.example.org/understanding-convolutional-neural-networks/"`,
    );
    expect(bibtex).toMatchInlineSnapshot(`
      "@misc{understanding2017,
        year = {2017},
        month = jan,
        title = {Understanding {Convolutional} {Neural} {Networks} ({A} {Beginner}'s {Guide})},
        url = {https://convolutions.example.org/understanding-convolutional-neural-networks/},
      }"
    `);
  });

  test('named authors: APA lists family names and initials, BibTeX joins them with "and", keyed by the first', () => {
    const people = { ...post, authors: ['Ada Lovelace', 'van Rossum, Guido'] };
    const { text, bibtex } = postCitation(people, 'apa');
    expect(text).toBe(
      'Lovelace, A., & van Rossum, G. (2017, January 11). Understanding Convolutional Neural Networks (A Beginner’s Guide). Convolutions, Explained. https://convolutions.example.org/understanding-convolutional-neural-networks/',
    );
    expect(bibtex).toMatch(/^@misc\{lovelace2017understanding,\n/);
    expect(bibtex).toContain('  author = {Lovelace, Ada and van Rossum, Guido},\n');
    expect(scholarMeta(people, []).filter((t) => t.name === 'citation_author')).toEqual([
      { name: 'citation_author', content: 'Ada Lovelace' },
      { name: 'citation_author', content: 'Guido van Rossum' },
    ]);
    expect(articleJsonLd(people, [])['author']).toEqual([
      { '@type': 'Person', name: 'Ada Lovelace' },
      { '@type': 'Person', name: 'Guido van Rossum' },
    ]);
    // Nobody named: no Scholar author tag, and schema.org credits the site as an organisation.
    expect(scholarMeta(post, []).some((t) => t.name === 'citation_author')).toBe(false);
    expect(articleJsonLd(post, [])['author']).toEqual({
      '@type': 'Organization',
      name: 'Convolutions, Explained',
    });
  });

  test('BibTeX months are the month macros: 2026-12-01 → dec, 2026-05-31 → may; one address', () => {
    for (const [date, month] of [
      ['2026-12-01T00:00:00Z', 'dec'],
      ['2026-05-31T23:00:00Z', 'may'],
    ] as const) {
      const { bibtex } = postCitation({ ...post, date: new Date(date) }, 'apa');
      expect(bibtex, date).toContain(`  month = ${month},\n`);
      expect(bibtex.match(/convolutions\.example\.org/g), 'the address once').toHaveLength(1);
    }
  });

  test('Google Scholar tags: one citation_reference per cited work', () => {
    const tags = scholarMeta(post, seedWorks());
    expect(tags.filter((t) => t.name === 'citation_reference')).toHaveLength(2);
    expect(tags).toMatchInlineSnapshot(`
      [
        {
          "content": "Understanding Convolutional Neural Networks (A Beginner's Guide)",
          "name": "citation_title",
        },
        {
          "content": "2017/01/11",
          "name": "citation_publication_date",
        },
        {
          "content": "Convolutions, Explained",
          "name": "citation_journal_title",
        },
        {
          "content": "https://convolutions.example.org/understanding-convolutional-neural-networks/",
          "name": "citation_fulltext_html_url",
        },
        {
          "content": "citation_title=A Beginners Guide to Understanding Convolutional Neural Networks; citation_public_url=https://adeshpande3.github.io/adeshpande3.github.io/A-Beginner's-Guide-To-Understanding-Convolutional-Neural-Networks-Part-2/",
          "name": "citation_reference",
        },
        {
          "content": "citation_title=Deep Learning; citation_author=Ian Goodfellow; citation_author=Yoshua Bengio; citation_author=Aaron Courville; citation_publication_date=2016; citation_public_url=http://www.deeplearningbook.org",
          "name": "citation_reference",
        },
      ]
    `);
  });

  test('schema.org data names the cited works', () => {
    const ld = articleJsonLd(
      { ...post, image: 'https://convolutions.example.org/og/x.png', keywords: ['cnn'] },
      seedWorks(),
    );
    expect(ld['@type']).toBe('BlogPosting');
    expect(ld['image']).toBe('https://convolutions.example.org/og/x.png');
    expect(ld['keywords']).toEqual(['cnn']);
    expect(articleJsonLd(post, [])).not.toHaveProperty('image');
    expect((ld['citation'] as { name: string }[]).map((c) => c.name)).toEqual([
      'A Beginners Guide to Understanding Convolutional Neural Networks',
      'Deep Learning',
    ]);
  });
});
