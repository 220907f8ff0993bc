/** What a post page needs for citing: computed from the post's source and the bibliography. */
import { dirname, resolve } from 'node:path';
import { CITE_THIS_POST_STYLE, SITE_TITLE } from '../consts';
import { loadBibliography } from './bibliography';
import { postAuthors, socialImagePath } from './posts';
import { articleJsonLd, citedWorks, postCitation, scholarMeta, type PostFacts } from './cite-post';
import { CITED_KEYS } from './remark-citations';

export interface PostSource {
  id: string;
  body?: string | undefined;
  filePath?: string | undefined;
  data: { title: string; date: Date; excerpt: string; tags?: string[]; authors?: string[] | undefined };
}

/** The cited keys remark-citations left in the post's remark-plugin frontmatter ([] when none). */
export function citedKeysOf(remarkFrontmatter: Record<string, unknown> | undefined): string[] {
  const keys = remarkFrontmatter?.[CITED_KEYS];
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

/** `citedKeys`: what the post's text cites, as the Markdown pipeline found it (citedKeysOf). */
export function postCitations(post: PostSource, url: URL, citedKeys: readonly string[]) {
  const root = process.cwd();
  const bibliography = loadBibliography(
    root,
    post.filePath ? dirname(resolve(root, post.filePath)) : undefined,
  );
  const cited = citedWorks(citedKeys, bibliography);
  const facts: PostFacts = {
    slug: post.id,
    title: post.data.title,
    date: post.data.date,
    excerpt: post.data.excerpt,
    authors: postAuthors(post.data),
    siteTitle: SITE_TITLE,
    url: url.href,
    image: new URL(socialImagePath(post.id), url).href,
    keywords: post.data.tags ?? [],
  };
  return {
    meta: scholarMeta(facts, cited),
    jsonLd: articleJsonLd(facts, cited),
    ...postCitation(facts, CITE_THIS_POST_STYLE),
  };
}

export type PostCitations = ReturnType<typeof postCitations>;
