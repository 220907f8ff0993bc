/** Reading numbers that readers type into demo cells. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The largest magnitude a cell may hold: products and sums stay exact and readable. */
export const MAX_ABS = 1_000_000;

/** A cell as typed: a finite number within ±MAX_ABS. Accepts a typographic minus and a comma decimal. */
export function parseCell(text: string): Parsed<number> {
  const trimmed = text
    .trim()
    .replace(/^−/, '-')
    .replace(/^(-?\d*),(\d+)$/, '$1.$2');
  if (trimmed === '') return { ok: false, message: 'A cell cannot be empty: type a number, such as 0.' };
  const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      message: `“${text.trim()}” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.`,
    };
  }
  if (Math.abs(value) > MAX_ABS) {
    return {
      ok: false,
      message: `${text.trim()} is too large: cell values must be between −1,000,000 and 1,000,000.`,
    };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/**
 * What a cell holds while the reader is still typing: a number the demo may use at once, a draft
 * (the beginning of a number: "", "-", "−", "+", ".", "-.", "1e", "1e-": no error yet), or an error
 * (text that no further typing could turn into a number). On commit a draft is read with parseCell,
 * so "-" or "" then gets its sentence.
 */
export type DraftState =
  { kind: 'value'; value: number } | { kind: 'draft' } | { kind: 'error'; message: string };

const PARTIAL = /^[-+−]?(\d*[.,]?\d*)?(e[-+]?)?$/i;

export function readDraft(text: string): DraftState {
  const parsed = parseCell(text);
  if (parsed.ok) return { kind: 'value', value: parsed.value };
  const trimmed = text.trim();
  if (PARTIAL.test(trimmed) && !/\d.*e[-+]?\d/i.test(trimmed)) return { kind: 'draft' };
  return { kind: 'error', message: parsed.message };
}
