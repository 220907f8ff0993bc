import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadBibliography } from '~/lib/bibliography';
import { articleJsonLd, citedWorks, postCitation, scholarMeta } from '~/lib/cite-post';

const post = {
  slug: 'understanding-convolutional-neural-networks',
  title: "Understanding Convolutional Neural Networks (A Beginner's Guide)",
  date: new Date('2017-01-11T12:54:47Z'),
  excerpt: 'An introduction.',
  author: 'Convolutions, Explained',
  siteTitle: 'Convolutions, Explained',
  url: 'https://convolutions.example.org/understanding-convolutional-neural-networks/',
};

const bibliography = loadBibliography(process.cwd());
const body = readFileSync('content/posts/understanding-convolutional-neural-networks/index.mdx', 'utf8');

describe('citing the post and what it cites', () => {
  test('citedWorks: the seed post cites the guide first, then the book', () => {
    expect(citedWorks(body, bibliography).map((w) => w.id)).toEqual(['beginnersguide', 'goodfellow2016']);
  });

  test('a formatted citation (APA) and a BibTeX entry for the post', () => {
    const { text, bibtex } = postCitation(post, 'apa');
    expect(text).toMatchInlineSnapshot(
      `"Convolutions, Explained. (2017, January 11). Understanding Convolutional Neural Networks (A Beginner’s Guide). Convolutions, Explained. https://convolutions.example.org/understanding-convolutional-neural-networks/"`,
    );
    expect(bibtex).toMatchInlineSnapshot(`
      "@misc{understanding2017,
        author = {{Convolutions, Explained}},
        year = {2017},
        month = jan,
        title = {Understanding {Convolutional} {Neural} {Networks} ({A} {Beginner}'s {Guide})},
        url = {https://convolutions.example.org/understanding-convolutional-neural-networks/},
      }"
    `);
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
    const tags = scholarMeta(post, citedWorks(body, bibliography));
    expect(tags.filter((t) => t.name === 'citation_reference')).toHaveLength(2);
    expect(tags).toMatchInlineSnapshot(`
      [
        {
          "content": "Understanding Convolutional Neural Networks (A Beginner's Guide)",
          "name": "citation_title",
        },
        {
          "content": "Convolutions, Explained",
          "name": "citation_author",
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
      citedWorks(body, bibliography),
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
