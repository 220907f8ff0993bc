/**
 * The stepper's logic as pure functions of data: parsing what a reader types, resizing grids,
 * checking settings, and the sentences it shows and reads aloud. No DOM, no Preact: tested in Node.
 */
import {
  convolveGrid,
  planWindow,
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

export const PADDINGS = ['valid', 'same', '0', '1', '2'] as const;

/** A whole-number setting within its limits. */
export function parseSetting(name: LimitName, text: string): Parsed<number> {
  const { min, max, label } = LIMITS[name];
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return {
      ok: false,
      message: `${label} must be a whole number from ${min} to ${max}; “${text.trim()}” is not.`,
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
 * The frame for new data or settings, or a sentence saying why there would be no output. A
 * reader's change that fails keeps the previous frame: the caller only replaces it on success.
 */
export function makeFrame(input: Grid, kernel: Grid, settings: Settings): Parsed<Frame> {
  try {
    const n = input.length;
    const k = kernel.length;
    const plan = planWindow('stepper', [1, n, n, 1], k, k, settings);
    return {
      ok: true,
      value: { input, kernel, settings, plan, output: convolveGrid(input, kernel, settings) },
    };
  } catch (error) {
    const reason = (error as Error).message.replace(/^stepper: /, '');
    return {
      ok: false,
      message: `No output with these settings: the ${reason}. Change the setting back, or make the input larger.`,
    };
  }
}

export function termsAt(frame: Frame, index: number): WindowTerm[] {
  const row = Math.floor(index / frame.plan.outW);
  return windowTerms(frame.input, frame.kernel, row, index % frame.plan.outW, frame.settings);
}

/** "1×1 + 1×0 + … = 4" for the screen. */
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
  const oy = Math.floor(index / plan.outW);
  const ox = index % plan.outW;
  const cells = new Set<string>();
  for (let i = 0; i < plan.kH; i++) {
    for (let j = 0; j < plan.kW; j++) {
      cells.add(`${oy * plan.strideH + i * plan.dilationH},${ox * plan.strideW + j * plan.dilationW}`);
    }
  }
  return cells;
}

type FormulaNumbers = readonly [
  n: number,
  pb: number,
  pa: number,
  d: number,
  k: number,
  s: number,
  o: number,
];

function formulaWith([n, pb, pa, d, k, s, o]: FormulaNumbers): string {
  return (
    String.raw`o = \left\lfloor \frac{n + p_\text{before} + p_\text{after} - d \cdot (k - 1) - 1}{s} \right\rfloor + 1` +
    String.raw` = \left\lfloor \frac{${n} + ${pb} + ${pa} - ${d} \cdot (${k} - 1) - 1}{${s}} \right\rfloor + 1 = ${o}`
  );
}

const numbers = (plan: WindowPlan): FormulaNumbers => [
  plan.inH,
  plan.pad[0],
  plan.pad[1],
  plan.dilationH,
  plan.kH,
  plan.strideH,
  plan.outH,
];

/** The output-size formula with the current numbers, as TeX, for one axis. */
export function formulaTex(plan: WindowPlan): string {
  return formulaWith(numbers(plan));
}

/**
 * The formula with a placeholder for each number (9901 to 9907). The server renders it once with
 * KaTeX; the stepper fills in the numbers with fillFormula, so readers never download KaTeX.
 */
const PLACEHOLDERS = [9901, 9902, 9903, 9904, 9905, 9906, 9907] as const;
export const FORMULA_TEMPLATE_TEX = formulaWith(PLACEHOLDERS);

/**
 * KaTeX's rendering of FORMULA_TEMPLATE_TEX with the plan's numbers put in: the same string KaTeX
 * gives for formulaTex(plan) (tested), since only the digits differ. A placeholder is replaced
 * only as a whole number, never inside KaTeX's own decimal lengths ("0.9901em").
 */
export function fillFormula(templateHtml: string, plan: WindowPlan): string {
  const values = numbers(plan);
  return PLACEHOLDERS.reduce(
    (html, placeholder, i) =>
      html.replace(new RegExp(`(?<![\\d.])${placeholder}(?!\\d)`, 'g'), String(values[i])),
    templateHtml,
  );
}
