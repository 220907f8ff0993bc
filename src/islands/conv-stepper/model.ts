/**
 * The stepper's logic as pure functions of data: parsing what a reader types, resizing grids,
 * checking settings (with sentences in plain words), the caption, what a lit formula symbol lights
 * in the figure, and the formulas' TeX. No DOM, no Preact: tested in Node.
 */
import {
  convolveGrid,
  outputSize,
  paddingSplit,
  effectiveKernelSize,
  planWindow,
  windowTaps,
  windowTerms,
  type Padding,
  type WindowPlan,
  type WindowTerm,
} from '../../compute';
import { formatNumber } from '../shared/format';
import { MAX_ABS, parseCell, type Parsed } from '../shared/parse';

export { MAX_ABS, parseCell, type Parsed };

export type Grid = number[][];

export interface Settings {
  stride: number;
  padding: Padding;
  dilation: number;
}

/** What the stepper shows: its data, settings, and the output they give. */
export interface Frame {
  input: Grid;
  kernel: Grid;
  settings: Settings;
  output: Grid;
  plan: WindowPlan;
}

export const LIMITS = {
  inputSize: { min: 3, max: 9, label: 'Input size' },
  kernelSize: { min: 1, max: 5, label: 'Kernel size' },
  stride: { min: 1, max: 3, label: 'Stride' },
  dilation: { min: 1, max: 3, label: 'Dilation' },
} as const;

export type LimitName = keyof typeof LIMITS;

/** Padding choices: 'valid' means no padding, so there is no separate "0 cells". */
export const PADDINGS = ['valid', 'same', '1', '2'] as const;

export function paddingLabel(p: string | number): string {
  const text = String(p);
  if (text === 'valid' || text === '0') return 'none (valid)';
  if (text === 'same') return 'same';
  return `${text} cell${text === '1' ? '' : 's'}`;
}

/** A whole-number setting within its limits. */
export function parseSetting(name: LimitName, text: string): Parsed<number> {
  const { min, max, label } = LIMITS[name];
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '') {
    return { ok: false, message: `${label} is empty: type a whole number from ${min} to ${max}.` };
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    return {
      ok: false,
      message: `${label} must be a whole number from ${min} to ${max}; “${trimmed}” is not.`,
    };
  }
  return { ok: true, value };
}

export function parsePadding(text: string): Parsed<Padding> {
  if (text === 'valid' || text === 'same') return { ok: true, value: text };
  if (text === '0' || text === '1' || text === '2') return { ok: true, value: Number(text) };
  return { ok: false, message: `Padding must be valid, same, 0, 1 or 2; “${text}” is not.` };
}

/** A square grid of `size`, keeping the top-left values of `rows` and filling the rest with 0. */
export function resizeGrid(rows: Grid, size: number): Grid {
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => rows[r]?.[c] ?? 0));
}

export function setCell(rows: Grid, index: number, value: number): Grid {
  const size = rows[0]?.length ?? 0;
  const r = Math.floor(index / size);
  const c = index % size;
  return rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
}

/**
 * Why a kernel leaves no output, in plain words: "With dilation 3, a 3×3 kernel spans 7 cells,
 * more than the 5 cells of the padded input."
 */
export function noOutputReason(n: number, k: number, settings: Settings): string {
  const [before, after] = paddingSplit(n, k, settings.stride, settings.padding, settings.dilation);
  const room = n + before + after;
  const span = effectiveKernelSize(k, settings.dilation);
  const where = before + after > 0 ? `the ${room} cells of the padded input` : `the ${n} cells of the input`;
  if (settings.dilation > 1) {
    return `With dilation ${settings.dilation}, a ${k}×${k} kernel spans ${span} cells, more than ${where}.`;
  }
  return `A ${k}×${k} kernel spans ${span} cells, more than ${where}.`;
}

/**
 * The frame for new data or settings, or a sentence saying why there would be no output. A
 * reader's change that fails keeps the previous frame: the caller only replaces it on success.
 */
export function makeFrame(input: Grid, kernel: Grid, settings: Settings): Parsed<Frame> {
  const n = input.length;
  const k = kernel.length;
  if (outputSize(n, k, settings.stride, settings.padding, settings.dilation) === 0) {
    return { ok: false, message: noOutputReason(n, k, settings) };
  }
  try {
    const plan = planWindow('stepper', [1, n, n, 1], k, k, settings);
    return {
      ok: true,
      value: { input, kernel, settings, plan, output: convolveGrid(input, kernel, settings) },
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^stepper: /, '') };
  }
}

export function termsAt(frame: Frame, index: number): WindowTerm[] {
  const row = Math.floor(index / frame.plan.outW);
  return windowTerms(frame.input, frame.kernel, row, index % frame.plan.outW, frame.settings);
}

/** "1×1 + 1×0 + … = 4" as one line of text. */
export function sumText(terms: readonly WindowTerm[], value: number): string {
  return `${terms.map((t) => `${formatNumber(t.value)}×${formatNumber(t.weight)}`).join(' + ')} = ${formatNumber(value)}`;
}

/** "output row 2, column 3: 1 times 1 plus 0 times 1 … equals 4" for the live region. */
export function spokenText(terms: readonly WindowTerm[], row: number, col: number, value: number): string {
  const products = terms
    .map((t) => `${formatNumber(t.value)} times ${formatNumber(t.weight)}`)
    .join(' plus ');
  return `output row ${row + 1}, column ${col + 1}: ${products} equals ${formatNumber(value)}`;
}

/** Cells of the padded input (row, column in padded coordinates) that tap the kernel for one output. */
export function windowCells(plan: WindowPlan, index: number): Set<string> {
  const taps = windowTaps(plan, Math.floor(index / plan.outW), index % plan.outW);
  return new Set(taps.map((t) => `${t.paddedRow},${t.paddedCol}`));
}

/** The caption's first sentence: the current settings, and what the animation is doing. */
export function describe(frame: Frame, selected: number, playing: boolean): string {
  const { plan, settings } = frame;
  const k = plan.kH;
  const n = plan.inH;
  const padding = plan.pad.every((p) => p === 0)
    ? 'no padding'
    : settings.padding === 'same'
      ? `“same” padding (${plan.pad[0]} before, ${plan.pad[1]} after)`
      : `${plan.pad[0]} cell${plan.pad[0] === 1 ? '' : 's'} of zero padding`;
  const row = Math.floor(selected / plan.outW) + 1;
  const col = (selected % plan.outW) + 1;
  const where = playing
    ? `Playing: now at output row ${row}, column ${col}.`
    : `Showing output row ${row}, column ${col}: press Play, step, or pick any output cell.`;
  return `A ${k}×${k} kernel slides over a ${n}×${n} input with stride ${settings.stride}, ${padding} and dilation ${settings.dilation}, giving a ${plan.outH}×${plan.outW} output. ${where}`;
}

/** The symbols of the two formulas (data-term values) and what each one is, for readers and screen readers. */
export const TERMS = ['y', 'i', 'j', 'm', 'n', 'x', 's', 'd', 'p', 'k', 'ny', 'nx', 'nk'] as const;
export type Term = (typeof TERMS)[number];

export function termMeaning(term: string, frame: Frame, selected: number, tap: number): string {
  const { plan } = frame;
  const i = Math.floor(selected / plan.outW);
  const j = selected % plan.outW;
  const m = Math.floor(tap / plan.kW);
  const n = tap % plan.kW;
  const meanings: Record<string, string> = {
    y: `y, the output (${plan.outH}×${plan.outW})`,
    i: `i, the output row: ${i}, counting from 0`,
    j: `j, the output column: ${j}, counting from 0`,
    m: `m, the kernel row of a tap: ${m}`,
    n: `n, the kernel column of a tap: ${n}`,
    x: `x, the input (${plan.inH}×${plan.inW})`,
    s: `s, the stride: each window starts ${plan.strideH} cell${plan.strideH === 1 ? '' : 's'} after the last`,
    d: `d, the dilation: the kernel's taps are ${plan.dilationH} cell${plan.dilationH === 1 ? '' : 's'} apart`,
    p: `p, the padding: ${plan.pad[0]} zero cell${plan.pad[0] === 1 ? '' : 's'} before the input, ${plan.pad[1]} after`,
    k: `k, the kernel (${plan.kH}×${plan.kW})`,
    ny: `n_y, the output size: ${plan.outH}`,
    nx: `n_x, the input size: ${plan.inH}`,
    nk: `n_k, the kernel size: ${plan.kH}`,
  };
  return meanings[term] ?? term;
}

/** Which cells a set of lit symbols lights: padded-input, kernel, output and product indexes. */
export interface Lit {
  input: Set<number>;
  kernel: Set<number>;
  output: Set<number>;
  products: Set<number>;
}

export function litCells(frame: Frame, selected: number, terms: ReadonlySet<string>, tap: number): Lit {
  const { plan } = frame;
  const cols = plan.inW + plan.pad[2] + plan.pad[3];
  const rows = plan.inH + plan.pad[0] + plan.pad[1];
  const i = Math.floor(selected / plan.outW);
  const j = selected % plan.outW;
  const taps = windowTaps(plan, i, j);
  const lit: Lit = { input: new Set(), kernel: new Set(), output: new Set(), products: new Set() };
  const at = (r: number, c: number) => r * cols + c;
  const padded = (r: number, c: number) =>
    r < plan.pad[0] || r >= plan.pad[0] + plan.inH || c < plan.pad[2] || c >= plan.pad[2] + plan.inW;
  if (terms.has('i') || terms.has('j') || terms.has('y')) lit.output.add(selected);
  if (terms.has('ny')) for (let o = 0; o < plan.outH * plan.outW; o++) lit.output.add(o);
  if (terms.has('m') || terms.has('n')) {
    const t = taps[tap];
    if (t) {
      lit.kernel.add(tap);
      lit.products.add(tap);
      lit.input.add(at(t.paddedRow, t.paddedCol));
    }
  }
  if (terms.has('k') || terms.has('nk')) for (let q = 0; q < plan.kH * plan.kW; q++) lit.kernel.add(q);
  if (terms.has('x')) for (const t of taps) lit.input.add(at(t.paddedRow, t.paddedCol));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (padded(r, c) ? terms.has('p') : terms.has('nx')) lit.input.add(at(r, c));
    }
  }
  if (terms.has('s')) {
    // Where this window starts, and where the next one starts: s cells on (or the next row).
    lit.input.add(at(i * plan.strideH, j * plan.strideW));
    if (j + 1 < plan.outW) lit.input.add(at(i * plan.strideH, (j + 1) * plan.strideW));
    else if (i + 1 < plan.outH) lit.input.add(at((i + 1) * plan.strideH, 0));
  }
  if (terms.has('d')) {
    // The gaps: cells inside the window's span that no tap reads.
    const tapSet = new Set(taps.map((t) => at(t.paddedRow, t.paddedCol)));
    const top = i * plan.strideH;
    const left = j * plan.strideW;
    const span = effectiveKernelSize(plan.kH, plan.dilationH);
    for (let r = top; r < top + span; r++) {
      for (let c = left; c < left + span; c++) if (!tapSet.has(at(r, c))) lit.input.add(at(r, c));
    }
  }
  return lit;
}

/** The terms a cell of the figure stands for, when the reader points at it. */
export function termsOfCell(kind: 'input' | 'kernel' | 'output' | 'product' | 'padding'): string[] {
  switch (kind) {
    case 'output':
      return ['y', 'i', 'j'];
    case 'kernel':
    case 'product':
      return ['k', 'm', 'n'];
    case 'padding':
      return ['p'];
    default:
      return ['x'];
  }
}

// ---------------------------------------------------------------------------------------------
// The formulas. The server renders each with KaTeX once, with placeholders (99xx) for numbers;
// the island fills the numbers in (fillFormula), so readers never download KaTeX. Every symbol is
// wrapped in \htmlData{testid=formula-term, term=…}, the one KaTeX command trusted.

const T = (term: string, body: string | number) =>
  String.raw`\htmlData{testid=formula-term, term=${term}}{${body}}`;

export const GENERAL_TEX =
  String.raw`${T('y', 'y')}[${T('i', 'i')},${T('j', 'j')}] = \sum_{${T('m', 'm')}} \sum_{${T('n', 'n')}} ` +
  String.raw`${T('x', 'x')}[${T('s', 's')}\cdot ${T('i', 'i')} + ${T('d', 'd')}\cdot ${T('m', 'm')} - ${T('p', 'p')},\ ` +
  String.raw`${T('s', 's')}\cdot ${T('j', 'j')} + ${T('d', 'd')}\cdot ${T('n', 'n')} - ${T('p', 'p')}]\,${T('k', 'k')}[${T('m', 'm')},${T('n', 'n')}]`;

export const SIZE_TEX = String.raw`${T('ny', 'n_y')} = \left\lfloor \frac{${T('nx', 'n_x')} + ${T('p', String.raw`p_\text{before}`)} + ${T('p', String.raw`p_\text{after}`)} - ${T('d', 'd')}\,(${T('nk', 'n_k')} - 1) - 1}{${T('s', 's')}} \right\rfloor + 1`;

/** The general formula with this window's numbers: placeholders i, j, s, d, p, last tap index. */
type HereNumbers = readonly [i: number, j: number, s: number, d: number, p: number, last: number];
function hereWith([i, j, s, d, p, last]: HereNumbers): string {
  return (
    String.raw`y[${T('i', i)},${T('j', j)}] = \sum_{m=0}^{${last}} \sum_{n=0}^{${last}} ` +
    String.raw`x[${T('s', s)}\cdot ${T('i', i)} + ${T('d', d)}\cdot m - ${T('p', p)},\ ` +
    String.raw`${T('s', s)}\cdot ${T('j', j)} + ${T('d', d)}\cdot n - ${T('p', p)}]\,k[m,n]`
  );
}

/** The size formula with the numbers: n_x, p_before, p_after, d, n_k, s, n_y. */
type SizeNumbers = readonly [
  nx: number,
  pb: number,
  pa: number,
  d: number,
  nk: number,
  s: number,
  ny: number,
];
function sizeWith([nx, pb, pa, d, nk, s, ny]: SizeNumbers): string {
  return String.raw`\left\lfloor \frac{${T('nx', nx)} + ${T('p', pb)} + ${T('p', pa)} - ${T('d', d)}\,(${T('nk', nk)} - 1) - 1}{${T('s', s)}} \right\rfloor + 1 = ${T('ny', ny)}`;
}

const HERE_PLACEHOLDERS = [9901, 9902, 9903, 9904, 9905, 9906] as const;
const SIZE_PLACEHOLDERS = [9911, 9912, 9913, 9914, 9915, 9916, 9917] as const;
export const HERE_TEMPLATE_TEX = hereWith(HERE_PLACEHOLDERS);
export const SIZE_TEMPLATE_TEX = sizeWith(SIZE_PLACEHOLDERS);

const hereNumbers = (plan: WindowPlan, selected: number): HereNumbers => [
  Math.floor(selected / plan.outW),
  selected % plan.outW,
  plan.strideH,
  plan.dilationH,
  plan.pad[0],
  plan.kH - 1,
];
const sizeNumbers = (plan: WindowPlan): SizeNumbers => [
  plan.inH,
  plan.pad[0],
  plan.pad[1],
  plan.dilationH,
  plan.kH,
  plan.strideH,
  plan.outH,
];

/** The TeX of the two filled-in lines, for one plan and selected cell (what the templates become). */
export function hereTex(plan: WindowPlan, selected: number): string {
  return hereWith(hereNumbers(plan, selected));
}
export function sizeTex(plan: WindowPlan): string {
  return sizeWith(sizeNumbers(plan));
}

/** Replaces whole-number placeholders in KaTeX's HTML, never inside its decimal lengths ("0.9901em"). */
function fill(html: string, placeholders: readonly number[], values: readonly number[]): string {
  return placeholders.reduce(
    (out, placeholder, i) =>
      out.replace(new RegExp(`(?<![\\d.])${placeholder}(?!\\d)`, 'g'), String(values[i])),
    html,
  );
}

/** KaTeX's HTML of HERE_TEMPLATE_TEX with the numbers put in: equal to KaTeX's own for hereTex (tested). */
export function fillHere(templateHtml: string, plan: WindowPlan, selected: number): string {
  return fill(templateHtml, HERE_PLACEHOLDERS, hereNumbers(plan, selected));
}

/** KaTeX's HTML of SIZE_TEMPLATE_TEX with the numbers put in: equal to KaTeX's own for sizeTex (tested). */
export function fillSize(templateHtml: string, plan: WindowPlan): string {
  return fill(templateHtml, SIZE_PLACEHOLDERS, sizeNumbers(plan));
}

/** The KaTeX options every formula of the stepper is rendered with: only \htmlData is trusted. */
export const KATEX_OPTIONS = {
  displayMode: true,
  output: 'html',
  trust: (context: { command: string }) => context.command === '\\htmlData',
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
} as const;
