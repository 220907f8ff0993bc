/**
 * The text-convolution demo's state and everything drawn from it, pure (tested in Node): the
 * tokens, the one-hot rows, each filter's output and winner, the window's products, the sentences
 * for bad input, the prediction check and the URL codec. The island and the build-time figure both
 * draw `view(state)`, so the static figure is the live one.
 */
import {
  conv1dTerms,
  cutNotice,
  filterBank,
  filterFromText,
  filterWeight,
  graphemes,
  MAX_FILTER_WIDTH,
  MAX_TEXT_FILTERS,
  MIN_FILTER_WIDTH,
  planConv1d,
  shownToken,
  tapPosition,
  textConv,
  tokenize,
  type TextConvResult,
  type TextFilter,
  type Tokens,
} from '../../compute';
import type { Decoded, UrlCodec } from '../shared/url-state';

export type Padding1 = 'valid' | 'same';

export interface TextConvState {
  /** The last text that had at least one character (what is drawn). */
  readonly text: string;
  readonly filters: readonly TextFilter[];
  readonly stride: number;
  readonly padding: Padding1;
  readonly dilation: number;
}

export const DEFAULT_TEXT = 'The cat sat on the mat.';
export const DEFAULT_PIECES = ['the', 'at'];
export const STRIDES = [1, 2, 3] as const;
export const DILATIONS = [1, 2, 3] as const;

export function madeFilter(piece: string): TextFilter {
  const made = filterFromText(piece);
  if (!made.ok) throw new Error(made.message);
  return made.filter;
}

export interface TextConvInit {
  text?: string | undefined;
  filters?: readonly string[] | undefined;
  stride?: number | undefined;
  padding?: Padding1 | undefined;
  dilation?: number | undefined;
}

export function initialState(init: TextConvInit): TextConvState {
  const text = tokenize(init.text ?? DEFAULT_TEXT).tokens.join('');
  return {
    text: text === '' ? DEFAULT_TEXT : text,
    filters: (init.filters ?? DEFAULT_PIECES).map(madeFilter),
    stride: init.stride ?? 1,
    padding: init.padding ?? 'valid',
    dilation: init.dilation ?? 1,
  };
}

export interface Typed {
  /** What the text box should hold now (a long paste is cut to what is read). */
  readonly draft: string;
  /** The state to draw: the new text, or the last good one when the box is empty. */
  readonly state: TextConvState;
  /** A sentence beside the box ('' for none). */
  readonly message: string;
  readonly tone: 'error' | 'notice';
}

export const EMPTY_MESSAGE =
  'Type a sentence (at least one character): the figure keeps the last one until then.';

/** The reader typed `draft` into the box. */
export function typeText(state: TextConvState, draft: string): Typed {
  const tokens = tokenize(draft);
  if (tokens.tokens.length === 0) return { draft, state, message: EMPTY_MESSAGE, tone: 'error' };
  const text = tokens.tokens.join('');
  return {
    draft: tokens.cut ? text : draft,
    state: { ...state, text },
    message: cutNotice(tokens),
    tone: 'notice',
  };
}

export interface WindowTap {
  readonly tap: number;
  /** The token position read, or null in the zero padding. */
  readonly position: number | null;
  readonly token: string;
  readonly weight: number;
  readonly product: number;
}

export interface FilterView {
  readonly filter: TextFilter;
  readonly values: Float32Array;
  readonly winner: number;
  readonly max: number;
  /** The characters each window reads ('□' for padding), by output position. */
  readonly windows: string[];
  /** A sentence when no window fits ('' otherwise). */
  readonly problem: string;
}

export interface View {
  readonly tokens: Tokens;
  readonly result: TextConvResult;
  readonly filters: FilterView[];
}

export const PAD_MARK = '□';

export function view(state: TextConvState): View {
  const tokens = tokenize(state.text);
  const result = textConv(tokens.keys, state.filters, state);
  const filters = state.filters.map((filter, f) => {
    const out = result.outputs[f]!;
    const plan = planConv1d('conv1d', tokens.tokens.length, filter.width, state);
    const windows = Array.from({ length: out.values.length }, (_, t) => {
      let text = '';
      for (let k = 0; k < filter.width; k++) {
        const p = tapPosition(plan, tokens.tokens.length, t, k);
        text += p === null ? PAD_MARK : shownToken(tokens.tokens[p] ?? '');
      }
      return text;
    });
    const span = state.dilation * (filter.width - 1) + 1;
    const problem =
      out.values.length === 0
        ? `Filter ${f + 1} spans ${span} characters but the text has ${tokens.tokens.length}: no window fits. Type more, or choose padding “same”.`
        : '';
    return { filter, values: out.values, winner: out.winner, max: out.max, windows, problem };
  });
  return { tokens, result, filters };
}

/** The products of filter f's window at output t: the stepper's terms, one per tap. */
export function windowTaps(
  state: TextConvState,
  tokens: Tokens,
  result: TextConvResult,
  f: number,
  t: number,
): WindowTap[] {
  const filter = state.filters[f]!;
  const terms = conv1dTerms(result.input, filterBank(filter, result.vocab), t, 0, result.outputs[f]!.options);
  return terms.map(({ tap, position, product }) => {
    const key = position === null ? '' : (tokens.keys[position] ?? '');
    return {
      tap,
      position,
      token: position === null ? '' : (tokens.tokens[position] ?? ''),
      weight: position === null ? 0 : filterWeight(filter, key, tap),
      product,
    };
  });
}

/** "Where will this filter fire hardest?": a window's text or its number (from 1) is right when it holds the maximum. */
export function checkPrediction(fv: FilterView, guess: string): { correct: boolean; feedback: string } {
  const answer = `window ${fv.winner + 1}, “${fv.windows[fv.winner] ?? ''}”, scoring ${fv.max}`;
  const g = guess.trim();
  const asNumber = /^\d+$/.test(g) ? Number(g) - 1 : null;
  const positions =
    asNumber !== null
      ? [asNumber]
      : fv.windows.flatMap((w, t) => {
          // A window matches when it holds the guess ("at" in "cat") or the guess holds it ("she" for "Sh").
          const [window, typed] = [w.toLowerCase(), g.toLowerCase().replace(/ /g, '␣')];
          return typed !== '' && (window.includes(typed) || typed.includes(window)) ? [t] : [];
        });
  const hits = positions.filter((t) => t >= 0 && t < fv.values.length);
  if (hits.length === 0) {
    return { correct: false, feedback: `No window reads “${g}”. The filter fires hardest at ${answer}.` };
  }
  const best = Math.max(...hits.map((t) => fv.values[t] ?? -Infinity));
  if (best === fv.max) {
    const first = hits.includes(fv.winner) ? '' : ' (it ties with an earlier window, and the first one wins)';
    return {
      correct: true,
      feedback: `Yes: that window scores ${fv.max}, the most of any${first}. Max pooling keeps ${answer}.`,
    };
  }
  return {
    correct: false,
    feedback: `That window scores ${best}; the most is ${fv.max}, at ${answer}. Each character in the right place adds its weight.`,
  };
}

/** A filter grid edit or width change keeps the width within bounds. */
export const WIDTHS = Array.from(
  { length: MAX_FILTER_WIDTH - MIN_FILTER_WIDTH + 1 },
  (_, i) => MIN_FILTER_WIDTH + i,
);

/** "Make a filter that finds this": a new filter (or the last one replaced when there are 3 already). */
export function addFilterFrom(
  state: TextConvState,
  piece: string,
): { state: TextConvState; message: string } {
  if (piece.trim() === '') {
    return {
      state,
      message: `Select ${MIN_FILTER_WIDTH} to ${MAX_FILTER_WIDTH} characters of your sentence first, then press the button.`,
    };
  }
  const made = filterFromText(piece);
  if (!made.ok) return { state, message: made.message };
  const filters =
    state.filters.length < MAX_TEXT_FILTERS
      ? [...state.filters, made.filter]
      : [...state.filters.slice(0, -1), made.filter];
  return { state: { ...state, filters }, message: '' };
}

// URL: t = text; s, p, d = settings; f = the filters as JSON [[width, bias, [[key, [taps]], …]], …].
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function decodeFilters(text: string): TextFilter[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_TEXT_FILTERS) return null;
  const out: TextFilter[] = [];
  for (const f of raw) {
    if (!Array.isArray(f) || f.length !== 3) return null;
    const [width, bias, rows] = f as unknown[];
    if (!isNum(width) || !WIDTHS.includes(width) || !isNum(bias) || !Array.isArray(rows)) return null;
    const parsed = [];
    for (const r of rows) {
      if (!Array.isArray(r) || typeof r[0] !== 'string' || graphemes(r[0]).length !== 1) return null;
      const taps = r[1] as unknown;
      if (!Array.isArray(taps) || taps.length !== width || !taps.every(isNum)) return null;
      parsed.push({ key: r[0], taps: taps as number[] });
    }
    out.push({ width, bias, rows: parsed });
  }
  return out;
}

export const textConvCodec: UrlCodec<TextConvState> = {
  version: 1,
  encode: (s) => ({
    t: s.text,
    s: String(s.stride),
    p: s.padding,
    d: String(s.dilation),
    f: JSON.stringify(s.filters.map((f) => [f.width, f.bias, f.rows.map((r) => [r.key, r.taps])])),
  }),
  decode: (fields): Decoded<TextConvState> => {
    const text = tokenize(fields.t ?? '').tokens.join('');
    if (text === '') return { ok: false, message: 'its text is empty.' };
    const stride = Number(fields.s);
    const dilation = Number(fields.d);
    if (!STRIDES.includes(stride as 1)) return { ok: false, message: 'the stride must be 1, 2 or 3.' };
    if (!DILATIONS.includes(dilation as 1)) return { ok: false, message: 'the dilation must be 1, 2 or 3.' };
    if (fields.p !== 'valid' && fields.p !== 'same') {
      return { ok: false, message: 'the padding must be “valid” or “same”.' };
    }
    const filters = decodeFilters(fields.f ?? '');
    if (filters === null) return { ok: false, message: 'its filters could not be read.' };
    return { ok: true, value: { text, filters, stride, padding: fields.p, dilation } };
  },
};
