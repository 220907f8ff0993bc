/**
 * Who wrote a post: people's names as an author writes them, and the same names as citation
 * software needs them (family and given names apart). "Family, Given" says where the family name
 * ends ("van Rossum, Guido"); otherwise the last word is the family name ("Ada Lovelace"). A
 * single word ("Plato") or a name in braces ("{World Health Organization}") stays whole.
 */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export function cslName(name: string): CslName {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const braced = trimmed.match(/^\{(.+)\}$/);
  if (braced) return { literal: braced[1] as string };
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    const family = trimmed.slice(0, comma).trim();
    const given = trimmed.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const space = trimmed.lastIndexOf(' ');
  if (space < 0) return { literal: trimmed };
  return { given: trimmed.slice(0, space), family: trimmed.slice(space + 1) };
}

/** The name as a reader sees it: "Guido van Rossum", "Ada Lovelace", "World Health Organization". */
export function displayName(name: string): string {
  const n = cslName(name);
  return n.literal ?? [n.given, n.family].filter(Boolean).join(' ');
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  const shown = names.map(displayName);
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * The site's default authors from the environment: SITE_AUTHORS="Ada Lovelace; Turing, Alan"
 * (semicolons between people, since a name may hold a comma). Unset or blank: nobody.
 */
export function authorsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
}
