/**
 * BibTeX in, CSL-JSON out, through citation-js (no hand-written parser). A mistake throws a
 * sentence that names the .bib file and what is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

/** The CSL-JSON fields this site reads. */
export interface CslEntry {
  id: string;
  type?: string;
  title?: string;
  author?: { given?: string; family?: string; literal?: string }[];
  issued?: { 'date-parts'?: (number | string)[][] };
  note?: string;
  publisher?: string;
  'container-title'?: string;
  URL?: string;
  DOI?: string;
}

export type Bibliography = ReadonlyMap<string, CslEntry>;

/** " in the entry "key" (from line 3)" for the entry around the line an error names, if any. */
function entryAt(text: string, reason: string): string {
  const line = Number(/line (\d+)/.exec(reason)?.[1]);
  if (!Number.isFinite(line)) return '';
  const starts = text
    .split('\n')
    .map((l, i) => ({ line: i + 1, key: /^\s*@\w+\s*\{\s*([^,\s]+)/.exec(l)?.[1] }))
    .filter((s): s is { line: number; key: string } => s.key !== undefined && s.line <= line);
  const here = starts.at(-1);
  if (here === undefined) return '';
  if (here.line < line) return ` in the entry "${here.key}" (from line ${here.line})`;
  const before = starts.at(-2);
  return before
    ? ` in the entry "${before.key}" (from line ${before.line}), which seems to lack its closing brace before line ${line}`
    : ` at the start of the entry "${here.key}"`;
}

/**
 * Parsed files, by name and text: every post reads the site's references.bib (its page, and its
 * Markdown once more), so each distinct file is parsed once per build, not twice a post.
 */
const parsed = new Map<string, Map<string, CslEntry>>();

/** Parses BibTeX text; `source` names the file in error messages. */
export function parseBibtex(text: string, source: string): Map<string, CslEntry> {
  const cacheKey = `${source}\u0000${text}`;
  const known = parsed.get(cacheKey);
  if (known !== undefined) return new Map(known);
  let entries: CslEntry[];
  try {
    entries = new Cite(text).data as CslEntry[];
  } catch (error) {
    const reason = ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').replace(
      /:$/,
      '',
    );
    throw new Error(`${source}: this BibTeX does not parse${entryAt(text, reason)}: ${reason}`);
  }
  const map = new Map<string, CslEntry>();
  for (const entry of entries) {
    if (map.has(entry.id)) {
      throw new Error(`${source}: the key "${entry.id}" is used by two entries; give each work its own key.`);
    }
    map.set(entry.id, entry);
  }
  parsed.set(cacheKey, map);
  return new Map(map);
}

/** The site-wide content/references.bib merged with the post's own references.bib, if any. */
export function loadBibliography(root: string, postDir?: string): Bibliography {
  const files = [join(root, 'content', 'references.bib')];
  if (postDir !== undefined) files.push(join(postDir, 'references.bib'));
  const merged = new Map<string, CslEntry>();
  for (const file of files.filter((f) => existsSync(f))) {
    const source = relative(root, file);
    for (const [key, entry] of parseBibtex(readFileSync(file, 'utf8'), source)) {
      if (merged.has(key)) {
        throw new Error(
          `${source}: the key "${key}" is already defined in content/references.bib; rename one.`,
        );
      }
      merged.set(key, entry);
    }
  }
  return merged;
}
