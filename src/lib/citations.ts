/**
 * Pandoc-style citation markers in prose: [@key], [@key, ch. 9], [@a; @b]. Pure functions, so
 * the syntax and the numbering can be tested without a Markdown pipeline.
 */

export interface CitedWork {
  key: string;
  /** A page or chapter locator, as written after the comma ("ch. 9"). */
  locator?: string;
}

export type TextPiece = { kind: 'text'; value: string } | { kind: 'cite'; works: CitedWork[]; raw: string };

const MARKER = /\[(@[^\]\n]+)\]/g;
const WORK = /^@([A-Za-z0-9_:.\-/]+)\s*(?:,\s*(.+))?$/;

/** Splits text into plain runs and citation markers; throws on a marker it cannot read. */
export function splitCitations(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const start = match.index;
    if (start > last) pieces.push({ kind: 'text', value: text.slice(last, start) });
    const works = (match[1] ?? '').split(';').map((part) => {
      const parsed = WORK.exec(part.trim());
      if (parsed === null) {
        throw new Error(
          `the citation ${match[0]} is not of the form [@key], [@key, locator] or [@key1; @key2]`,
        );
      }
      const locator = parsed[2]?.trim();
      return locator ? { key: parsed[1] as string, locator } : { key: parsed[1] as string };
    });
    pieces.push({ kind: 'cite', works, raw: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', value: text.slice(last) });
  return pieces;
}

/** Numbers works in order of first citation and counts each citing place, for back-links. */
export class CitationRegistry {
  readonly #numbers = new Map<string, number>();
  readonly #uses = new Map<string, number>();

  /** Registers one citing place of `key`; returns its number and the id of that place. */
  cite(key: string): { number: number; anchor: string } {
    let number = this.#numbers.get(key);
    if (number === undefined) {
      number = this.#numbers.size + 1;
      this.#numbers.set(key, number);
    }
    const use = (this.#uses.get(key) ?? 0) + 1;
    this.#uses.set(key, use);
    return { number, anchor: citeAnchor(key, use) };
  }

  /** Keys in numbering order, each with the anchors of every place that cites it. */
  entries(): { key: string; number: number; anchors: string[] }[] {
    return [...this.#numbers].map(([key, number]) => ({
      key,
      number,
      anchors: Array.from({ length: this.#uses.get(key) ?? 0 }, (_, i) => citeAnchor(key, i + 1)),
    }));
  }
}

export const referenceAnchor = (key: string): string => `ref-${key}`;
export const citeAnchor = (key: string, use: number): string => `cite-${key}-${use}`;
