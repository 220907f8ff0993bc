/**
 * Filters over text: a filter is `width` taps, and at each tap one weight per character (a
 * character it does not list weighs 0). Against one-hot tokens, a window's score is the sum of
 * the weights of the characters it sees, tap by tap, plus the bias: an n-gram detector.
 * `textConv` runs every filter along the text (src/compute/conv1d.ts) and pools each over time.
 */
import { conv1d, maxOverTime, type Conv1DOptions, type Filter1, type Sequence } from './conv1d';
import { graphemes, oneHot, tokenKey, vocabulary } from './text-tokens';

export const MIN_FILTER_WIDTH = 2;
export const MAX_FILTER_WIDTH = 5;
export const MAX_TEXT_FILTERS = 3;

/** One character's weights, one per tap. */
export interface FilterRow {
  readonly key: string;
  readonly taps: readonly number[];
}

export interface TextFilter {
  readonly width: number;
  readonly bias: number;
  /** Characters with a non-zero weight somewhere; every other character weighs 0 at every tap. */
  readonly rows: readonly FilterRow[];
}

export type Made = { ok: true; filter: TextFilter } | { ok: false; message: string };

/**
 * "Make a filter that finds this": weight 1 for the piece's k-th character at tap k, 0 elsewhere,
 * bias 0. A window then scores how many of its characters are in place: `width` on the piece itself.
 */
export function filterFromText(piece: string): Made {
  const chars = graphemes(piece);
  if (chars.length < MIN_FILTER_WIDTH || chars.length > MAX_FILTER_WIDTH) {
    return {
      ok: false,
      message: `A filter is ${MIN_FILTER_WIDTH} to ${MAX_FILTER_WIDTH} characters wide; select ${MIN_FILTER_WIDTH} to ${MAX_FILTER_WIDTH} characters (${JSON.stringify(piece)} has ${chars.length}).`,
    };
  }
  const rows: FilterRow[] = [];
  chars.forEach((ch, k) => {
    const key = tokenKey(ch);
    const row = rows.find((r) => r.key === key);
    const taps = row ? [...row.taps] : new Array<number>(chars.length).fill(0);
    taps[k] = 1;
    if (row) rows[rows.indexOf(row)] = { key, taps };
    else rows.push({ key, taps });
  });
  return { ok: true, filter: { width: chars.length, bias: 0, rows } };
}

export function filterWeight(filter: TextFilter, key: string, tap: number): number {
  return filter.rows.find((r) => r.key === key)?.taps[tap] ?? 0;
}

/** The filter with one weight changed; a row left all zeros is dropped. */
export function setFilterWeight(filter: TextFilter, key: string, tap: number, value: number): TextFilter {
  const old = filter.rows.find((r) => r.key === key);
  const taps = old ? [...old.taps] : new Array<number>(filter.width).fill(0);
  taps[tap] = value;
  const keep = taps.some((v) => v !== 0);
  const rows = old
    ? filter.rows.flatMap((r) => (r === old ? (keep ? [{ key, taps }] : []) : [r]))
    : keep
      ? [...filter.rows, { key, taps }]
      : filter.rows;
  return { ...filter, rows };
}

/** The filter made `width` taps wide: taps cut from the end, or zeros added there. */
export function resizeFilter(filter: TextFilter, width: number): TextFilter {
  const rows = filter.rows
    .map((r) => ({ key: r.key, taps: Array.from({ length: width }, (_, k) => r.taps[k] ?? 0) }))
    .filter((r) => r.taps.some((v) => v !== 0));
  return { ...filter, width, rows };
}

/** The filter as a [width, vocab, 1] bank for conv1d. Every key of the filter must be in `vocab`. */
export function filterBank(filter: TextFilter, vocab: readonly string[]): Filter1 {
  const data = new Float32Array(filter.width * vocab.length);
  const index = new Map(vocab.map((v, i) => [v, i]));
  for (const row of filter.rows) {
    const c = index.get(row.key);
    if (c === undefined)
      throw new Error(
        `filterBank: the filter's character ${JSON.stringify(row.key)} is not in the vocabulary`,
      );
    row.taps.forEach((w, k) => (data[k * vocab.length + c] = w));
  }
  return { data, width: filter.width, inChannels: vocab.length, outChannels: 1 };
}

export interface TextConvSettings {
  readonly stride: number;
  readonly padding: 'valid' | 'same';
  readonly dilation: number;
}

export interface FilterOutput {
  /** The score at every output position. */
  readonly values: Float32Array;
  /** Max-over-time: the first position with the largest score (-1 when there is no output). */
  readonly winner: number;
  readonly max: number;
  readonly options: Conv1DOptions;
}

export interface TextConvResult {
  /** Rows of the one-hot grid: the text's characters in order of first appearance, then the filters' others. */
  readonly vocab: string[];
  readonly input: Sequence;
  readonly outputs: FilterOutput[];
}

/** Every filter along the tokens (by key), each pooled over time. */
export function textConv(
  keys: readonly string[],
  filters: readonly TextFilter[],
  settings: TextConvSettings,
): TextConvResult {
  const vocab = vocabulary(
    keys,
    filters.flatMap((f) => f.rows.map((r) => r.key)),
  );
  const input = oneHot(keys, vocab);
  const outputs = filters.map((f) => {
    const options: Conv1DOptions = { ...settings, bias: [f.bias] };
    const out = conv1d(input, filterBank(f, vocab), options);
    if (out.length === 0) return { values: out.data, winner: -1, max: Number.NaN, options };
    const pooled = maxOverTime(out);
    return {
      values: out.data,
      winner: pooled.positions[0] as number,
      max: pooled.values[0] as number,
      options,
    };
  });
  return { vocab, input, outputs };
}
