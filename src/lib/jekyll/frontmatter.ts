/**
 * Jekyll frontmatter → the frontmatter src/lib/post-schema.ts accepts (title, date, excerpt, math,
 * comments, tags, draft), saying what was dropped and why. The YAML Jekyll posts use is a small
 * subset (key: value, quoted or not, [a, b] and "- a" lists), read here without a YAML library.
 */
import { slugify } from '../slug.ts';
import type { Findings } from './report.ts';

export type YamlValue = string | number | boolean | null | YamlValue[];

/** Splits "---\n…\n---\n" off the top: the YAML text, the body, and how many lines the YAML block took. */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { yaml: '', body: text, bodyLine: 1 };
  const head = match[0];
  return { yaml: match[1] ?? '', body: text.slice(head.length), bodyLine: head.split('\n').length };
}

function scalar(raw: string): YamlValue {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return null;
  if (/^".*"$/s.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (/^'.*'$/s.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^(true|yes|on)$/i.test(text)) return true;
  if (/^(false|no|off)$/i.test(text)) return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    return inner === '' ? [] : splitFlow(inner).map(scalar);
  }
  return text.replace(/\s+#.*$/, '');
}

/** "a, 'b, c', d" → ["a", "'b, c'", "d"]: commas inside quotes do not split. */
function splitFlow(text: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** The subset of YAML Jekyll frontmatter uses. Keys keep their order. */
export function parseYaml(yaml: string): Map<string, YamlValue> {
  const data = new Map<string, YamlValue>();
  let listKey: string | undefined;
  let folded: { key: string; lines: string[]; join: string } | undefined;
  const flush = () => {
    if (folded) data.set(folded.key, folded.lines.join(folded.join).trim());
    folded = undefined;
  };
  for (const line of yaml.split('\n')) {
    if (folded && (/^\s+\S/.test(line) || line.trim() === '')) {
      folded.lines.push(line.trim());
      continue;
    }
    flush();
    if (/^\s*(#|$)/.test(line)) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey !== undefined) {
      const list = data.get(listKey);
      if (Array.isArray(list)) list.push(scalar(item[1] ?? ''));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line);
    if (!pair) continue;
    const key = pair[1] ?? '';
    const value = (pair[2] ?? '').trim();
    listKey = undefined;
    if (value === '') {
      data.set(key, []);
      listKey = key;
    } else if (value === '>' || value === '|' || value === '>-' || value === '|-') {
      folded = { key, lines: [], join: value.startsWith('>') ? ' ' : '\n' };
    } else data.set(key, scalar(value));
  }
  flush();
  // A key with nothing under it is empty, not an empty list.
  for (const [key, value] of data)
    if (Array.isArray(value) && value.length === 0 && key !== 'tags') data.set(key, null);
  return data;
}

/** "2016-03-02-my-post.md" → { date: "2016-03-02", slug: "my-post" }. */
export function fileNameParts(fileName: string): { date?: string; slug: string } {
  const base = fileName.replace(/^.*\//, '').replace(/\.(md|markdown|mkd|mkdn|html)$/i, '');
  const match = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(base);
  return match
    ? { date: match[1] as string, slug: slugify(match[2] ?? '') || 'post' }
    : { slug: slugify(base) || 'post' };
}

const asList = (value: YamlValue | undefined): string[] =>
  value === undefined || value === null
    ? []
    : Array.isArray(value)
      ? value.flatMap(asList)
      : String(value)
          .split(/[\s,]+/)
          .filter((t) => t !== '');

export interface Frontmatter {
  title: string;
  date: string;
  excerpt?: string;
  /** Jekyll's `author` (one name or a list), as the schema's `authors`. */
  authors?: string[];
  math: boolean;
  comments?: boolean;
  tags: string[];
  draft?: boolean;
  /** Jekyll's excerpt_separator, when the post sets one (the importer then cuts the excerpt there). */
  excerptSeparator?: string;
  /** The post mentions MathJax (mathjax: true): its math is converted whether or not it is set. */
  mathjax: boolean;
}

/** Frontmatter keys that are Jekyll's business and mean nothing here. */
const DROPPED: Record<string, string> = {
  layout: 'layout dropped: every post uses the site’s post layout',
  mathjax: 'mathjax dropped: KaTeX renders math at build time (math: true says the post has math)',
  excerpt_separator: 'excerpt_separator used for the excerpt, then dropped',
  permalink: '',
  image: '',
  categories: 'categories added to tags',
  category: 'category added to tags',
  published: 'published: false became draft: true',
  author: '',
};

/**
 * The schema's frontmatter from Jekyll's. `line` is the line of the frontmatter's first key, for
 * findings; the date falls back to the file name's.
 */
export function convertFrontmatter(yaml: string, fileName: string, findings: Findings): Frontmatter {
  const data = parseYaml(yaml);
  const lineOf = (key: string) => {
    const index = yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return index < 0 ? 1 : index + 2;
  };
  const file = fileNameParts(fileName);
  const title = data.get('title');
  const out: Frontmatter = {
    title: typeof title === 'string' && title.trim() !== '' ? title.trim() : file.slug.replace(/-/g, ' '),
    date: '',
    math: false,
    tags: [],
    mathjax: data.get('mathjax') === true,
  };
  if (typeof title !== 'string' || title.trim() === '') {
    findings.need(
      1,
      'no title in the frontmatter',
      `check the title made from the file name: "${out.title}"`,
    );
  }
  const date = data.get('date');
  if (
    typeof date === 'string' &&
    !Number.isNaN(new Date(date.replace(' ', 'T').replace(/ ([+-]\d{4})$/, '$1')).getTime())
  ) {
    out.date = date.replace(/\s+[+-]\d{4}$/, '').replace(/\s+/, ' ');
  } else if (file.date) {
    out.date = file.date;
    if (date !== undefined)
      findings.need(
        lineOf('date'),
        `date ${JSON.stringify(date)} cannot be read`,
        `check the date taken from the file name (${file.date})`,
      );
  } else {
    out.date = '1970-01-01';
    findings.need(
      1,
      'no date in the frontmatter or the file name',
      'set date: YYYY-MM-DD and rename the folder to YYYY-MM-DD-slug',
    );
  }
  const excerpt = data.get('excerpt');
  if (typeof excerpt === 'string' && excerpt.trim() !== '') out.excerpt = excerpt.trim();
  const separator = data.get('excerpt_separator');
  if (typeof separator === 'string' && separator !== '') out.excerptSeparator = separator;
  if (typeof data.get('comments') === 'boolean') out.comments = data.get('comments') as boolean;
  if (data.get('published') === false) out.draft = true;

  const tags = [
    ...asList(data.get('tags')),
    ...asList(data.get('categories')),
    ...asList(data.get('category')),
  ];
  const seen = new Set<string>();
  for (const tag of tags) {
    const slug = slugify(tag);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    out.tags.push(tag);
  }
  if (typeof data.get('tags') === 'string') findings.did('tags written as one string → a list');

  for (const key of data.keys()) {
    if (['title', 'date', 'excerpt', 'comments', 'tags'].includes(key)) continue;
    const line = lineOf(key);
    if (key === 'image') {
      findings.need(
        line,
        `frontmatter image "${String(data.get('image'))}" dropped (the site draws each post’s social image)`,
        'if the picture belongs in the post, add it to the text as ![description](./file.png)',
      );
    } else if (key === 'permalink') {
      findings.need(
        line,
        `permalink "${String(data.get('permalink'))}" dropped: the post's address is now /<slug>/`,
        'rename the post folder to choose the address, and redirect the old one on your host',
      );
    } else if (key === 'author') {
      const value = data.get('author');
      const names = (Array.isArray(value) ? value : [value])
        .map((n) => String(n ?? '').trim())
        .filter(Boolean);
      if (names.length > 0) out.authors = names;
      findings.did('author → authors');
      // Jekyll themes often write a key into _data/authors.yml ("ada"), not a name.
      for (const name of names.filter((n) => /^[a-z0-9_.-]+$/.test(n))) {
        findings.need(
          line,
          `author "${name}" looks like a key into Jekyll's _data/authors.yml, not a person's name`,
          'write the name in authors: ["Ada Lovelace"], or "Family, Given" where the family name is not the last word',
        );
      }
    } else if (key in DROPPED) {
      findings.did(DROPPED[key] ?? key);
    } else {
      findings.need(
        line,
        `frontmatter field "${key}" dropped (the schema does not know it)`,
        'move what it said into the text, or leave it out',
      );
    }
  }
  return out;
}

const quote = (text: string) => JSON.stringify(text);

/** The frontmatter as YAML, fields in the schema's order. */
export function formatFrontmatter(fm: Frontmatter): string {
  const lines = [
    '---',
    `title: ${quote(fm.title)}`,
    `date: ${fm.date}`,
    `excerpt: ${quote(fm.excerpt ?? '')}`,
  ];
  if (fm.authors?.length) lines.push(`authors: [${fm.authors.map(quote).join(', ')}]`);
  if (fm.math) lines.push('math: true');
  if (fm.comments !== undefined) lines.push(`comments: ${fm.comments}`);
  if (fm.tags.length > 0) lines.push(`tags: [${fm.tags.map(quote).join(', ')}]`);
  if (fm.draft) lines.push('draft: true');
  lines.push('---');
  return lines.join('\n');
}
