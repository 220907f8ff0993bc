import type { CslEntry } from './bibliography';

/** One piece of a formatted reference: plain text, or a link. */
export type ReferencePart = { text: string } | { text: string; href: string };

function names(entry: CslEntry): string | undefined {
  const people = (entry.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '));
  if (people.length === 0) return undefined;
  if (people.length === 1) return people[0];
  if (people.length === 2) return `${people[0]} and ${people[1]}`;
  return `${people.slice(0, -1).join(', ')}, and ${people.at(-1)}`;
}

function year(entry: CslEntry): string | undefined {
  const first = entry.issued?.['date-parts']?.[0]?.[0];
  return first === undefined ? undefined : String(first);
}

/**
 * A reference as parts, in the article's own order: title, year, authors, venue or note, then
 * the DOI and URL as links. Parts are data, never HTML, so nothing from a .bib is injected.
 */
export function formatReference(entry: CslEntry): ReferencePart[] {
  const fields = [
    entry.title,
    year(entry),
    names(entry),
    entry['container-title'],
    entry.publisher,
    entry.note,
  ].filter((f): f is string => f !== undefined && f !== '');
  const parts: ReferencePart[] = fields.map((text) => ({ text }));
  if (entry.DOI) parts.push({ text: `doi:${entry.DOI}`, href: `https://doi.org/${entry.DOI}` });
  if (entry.URL) parts.push({ text: entry.URL, href: entry.URL });
  return parts;
}
