/**
 * Everything about citing a post and what it cites, computed once at build time: the works it
 * cites (in order), a formatted citation and BibTeX for the post itself, Google Scholar meta tags
 * and schema.org data. BibTeX and citations come from citation-js, not from string building.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { cslName, displayName } from './authors';
import type { Bibliography, CslEntry } from './bibliography';
import { referenceText } from './format-reference';

/**
 * The works a post cites, from the keys remark-citations found in its text (never in code), in
 * order of first citation (as the markers are numbered).
 */
export function citedWorks(keys: readonly string[], bibliography: Bibliography): CslEntry[] {
  return keys.flatMap((k) => bibliography.get(k) ?? []);
}

export interface PostFacts {
  slug: string;
  title: string;
  date: Date;
  excerpt: string;
  /**
   * The people who wrote it ("Ada Lovelace", "van Rossum, Guido"); none when nobody is named, and
   * then citations start with the title, as APA does for a work without an author (the site's
   * name is the container, never the author).
   */
  authors: readonly string[];
  siteTitle: string;
  url: string;
  /** The post's social card, an absolute URL (schema.org recommends an image for articles). */
  image?: string;
  keywords?: readonly string[];
}

/** The post as a CSL entry, keyed like BibTeX keys usually are: family name or slug word, year, title word. */
export function postEntry(post: PostFacts): CslEntry & Record<string, unknown> {
  const year = post.date.getUTCFullYear();
  const firstWord = (post.title.match(/[A-Za-z]+/)?.[0] ?? 'post').toLowerCase();
  const author = post.authors.map(cslName);
  const family = author[0]?.family?.match(/[A-Za-z]+$/)?.[0]?.toLowerCase();
  const lead = family ?? post.slug.split('-')[0] ?? 'post';
  return {
    id: `${lead}${year}${firstWord === lead ? '' : firstWord}`,
    type: 'post-weblog',
    title: post.title,
    ...(author.length ? { author } : {}),
    issued: { 'date-parts': [[year, post.date.getUTCMonth() + 1, post.date.getUTCDate()]] },
    'container-title': post.siteTitle,
    URL: post.url,
  };
}

export function postCitation(post: PostFacts, style: string): { text: string; bibtex: string } {
  const entry = postEntry(post);
  // BibTeX takes a month name, not a day: give citation-js the year and month only.
  const [year, month] = entry.issued?.['date-parts']?.[0] ?? [];
  const forBibtex = { ...entry, 'citation-key': entry.id, issued: { 'date-parts': [[year, month]] } };
  const bibtex = bibtexHouseStyle((new Cite(forBibtex).format('bibtex') as string).trim());
  return { text: referenceText(entry, style), bibtex };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * citation-js writes the month as a number in braces and the address twice (`url` and
 * `howpublished`). BibTeX styles expect the month macro (`month = jan`, unbraced, so a style can
 * abbreviate or spell it out) and one address: keep `url`, which natbib and biblatex styles print.
 */
function bibtexHouseStyle(bibtex: string): string {
  return bibtex
    .replaceAll('\t', '  ')
    .replace(/^(\s*)month = \{(\d{1,2})\},$/m, (line, indent: string, n: string) =>
      MONTHS[Number(n) - 1] ? `${indent}month = ${MONTHS[Number(n) - 1]},` : line,
    )
    .replace(/^\s*howpublished = \{[^\n]*\},\n/m, '');
}

const slashDate = (date: Date) =>
  `${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}`;

function names(entry: CslEntry): string[] {
  return (entry.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '));
}

/** Google Scholar's tags: one citation_reference per cited work. */
export function scholarMeta(
  post: PostFacts,
  cited: readonly CslEntry[],
): { name: string; content: string }[] {
  const tags = [
    { name: 'citation_title', content: post.title },
    ...post.authors.map((name) => ({ name: 'citation_author', content: displayName(name) })),
    { name: 'citation_publication_date', content: slashDate(post.date) },
    { name: 'citation_journal_title', content: post.siteTitle },
    { name: 'citation_fulltext_html_url', content: post.url },
  ];
  for (const work of cited) {
    const year = work.issued?.['date-parts']?.[0]?.[0];
    const parts = [
      work.title ? `citation_title=${work.title}` : '',
      ...names(work).map((n) => `citation_author=${n}`),
      year ? `citation_publication_date=${year}` : '',
      work.publisher ? `citation_publisher=${work.publisher}` : '',
      work.DOI ? `citation_doi=${work.DOI}` : '',
      work.URL ? `citation_public_url=${work.URL}` : '',
    ].filter(Boolean);
    tags.push({ name: 'citation_reference', content: parts.join('; ') });
  }
  return tags;
}

/** schema.org BlogPosting, with the cited works. */
export function articleJsonLd(post: PostFacts, cited: readonly CslEntry[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.excerpt,
    datePublished: post.date.toISOString(),
    // A post without a named person is credited to the site, as schema.org allows.
    author: post.authors.length
      ? post.authors.map((name) => ({ '@type': 'Person', name: displayName(name) }))
      : { '@type': 'Organization', name: post.siteTitle },
    publisher: { '@type': 'Organization', name: post.siteTitle },
    url: post.url,
    mainEntityOfPage: post.url,
    ...(post.image ? { image: post.image } : {}),
    ...(post.keywords?.length ? { keywords: [...post.keywords] } : {}),
    citation: cited.map((w) => ({
      '@type': 'CreativeWork',
      name: w.title,
      ...(w.URL ? { url: w.URL } : {}),
      ...(names(w).length ? { author: names(w).map((n) => ({ '@type': 'Person', name: n })) } : {}),
      ...(w.issued?.['date-parts']?.[0]?.[0] ? { datePublished: String(w.issued['date-parts'][0][0]) } : {}),
    })),
  };
}
