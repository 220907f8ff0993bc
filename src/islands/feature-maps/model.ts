/**
 * The feature-maps demo's state and the pure rules that change it: the bank (add, remove, move,
 * resize), which cell is inspected and how it is followed back through pool → ReLU → convolution,
 * keyboard moves, and the state in the page's address. No DOM: tested in Node.
 */
import {
  KERNELS,
  downsample,
  downsampleFactor,
  rgbaToChannels,
  MAX_FILTERS,
  poolCellFor,
  traceConv,
  tracePool,
  traceRelu,
  type BankFilter,
  type ConvTrace,
  type LayerResult,
  type LayerSpec,
  type PoolMode,
  type PoolTrace,
  type ReluTrace,
  type Stage,
} from '../../compute';
import { resizeKernel } from '../kernel-playground/model';
import { parseCell } from '../shared/parse';
import type { UrlCodec } from '../shared/url-state';

/** The demo's working picture: the longer side brought to at most this many cells. */
export const WORK_SIDE = 64;

export const DEFAULT_FILTERS = ['sobel-x', 'sobel-y', 'outline', 'box-blur-3'] as const;

export interface FeatureMapsState {
  size: 3 | 5;
  filters: BankFilter[];
  relu: boolean;
  pool: { mode: PoolMode; size: number; stride: number };
  sample: string;
}

export const toSpec = (s: FeatureMapsState): LayerSpec => ({
  size: s.size,
  filters: s.filters,
  relu: s.relu,
  pool: s.pool,
});

/** The preset with exactly these values, if any. */
export const presetOf = (values: readonly number[], size: number) =>
  KERNELS.find((k) => k.size === size && k.values.every((v, i) => v === values[i]));

export const presetFilter = (id: string, bias = 0): BankFilter | null => {
  const k = KERNELS.find((kk) => kk.id === id);
  return k ? { values: [...k.values], bias } : null;
};

/** The bank with one more filter: the first preset of this size not in it yet (or the identity). */
export function addFilter(filters: readonly BankFilter[], size: number): BankFilter[] {
  if (filters.length >= MAX_FILTERS) return [...filters];
  const unused = KERNELS.find(
    (k) => k.size === size && !filters.some((f) => presetOf(f.values, size)?.id === k.id),
  );
  const values = unused ? [...unused.values] : resizeKernel([0, 0, 0, 0, 1, 0, 0, 0, 0], 3, size);
  return [...filters, { values, bias: 0 }];
}

export function removeFilter(filters: readonly BankFilter[], index: number): BankFilter[] {
  return filters.length <= 1 ? [...filters] : filters.filter((_, i) => i !== index);
}

/** The bank with filter `index` moved one place up (−1) or down (+1). */
export function moveFilter(filters: readonly BankFilter[], index: number, by: -1 | 1): BankFilter[] {
  const to = index + by;
  if (to < 0 || to >= filters.length) return [...filters];
  const next = [...filters];
  [next[index], next[to]] = [next[to] as BankFilter, next[index] as BankFilter];
  return next;
}

/** Every filter at a new size: a preset becomes the same preset at that size if there is one. */
export function resizeBank(filters: readonly BankFilter[], from: number, to: 3 | 5): BankFilter[] {
  const twin: Record<string, string> = {
    'box-blur-3': 'box-blur-5',
    'box-blur-5': 'box-blur-3',
    'gaussian-3': 'gaussian-5',
    'gaussian-5': 'gaussian-3',
  };
  return filters.map((f) => {
    const preset = presetOf(f.values, from);
    const other = preset ? presetFilter(twin[preset.id] ?? '', f.bias) : null;
    return other ?? { values: resizeKernel(f.values, from, to), bias: f.bias };
  });
}

/** The cell being inspected: a stage of one filter, and a cell of that stage's map. */
export interface Inspect {
  filter: number;
  stage: Stage;
  row: number;
  col: number;
}

/** One inspected cell followed back across the three stages. */
export interface Followed {
  /** The convolution/ReLU cell followed (null when a pooled cell's window has none: never). */
  cell: { row: number; col: number };
  /** The pooled cell whose window holds it, or null when it is in no window. */
  pooled: { row: number; col: number } | null;
  pool: PoolTrace | null;
  relu: ReluTrace;
  conv: ConvTrace;
}

/**
 * From a pooled cell back to its window (the winner for max, the window's first cell for the
 * average) and on to the ReLU and convolution cell; from a conv or ReLU cell to the pooled cell
 * whose window holds it.
 */
export function follow(result: LayerResult, spec: LayerSpec, at: Inspect): Followed {
  let cell: { row: number; col: number };
  let pooled: { row: number; col: number } | null;
  let pool: PoolTrace | null = null;
  if (at.stage === 'pool') {
    pooled = { row: at.row, col: at.col };
    pool = tracePool(result, spec, at.filter, at.row, at.col);
    const chosen = pool.cells[pool.winner ?? 0];
    cell = { row: chosen?.row ?? 0, col: chosen?.col ?? 0 };
  } else {
    cell = { row: at.row, col: at.col };
    pooled = poolCellFor(spec, result.pool.shape, at.row, at.col);
    if (pooled) pool = tracePool(result, spec, at.filter, pooled.row, pooled.col);
  }
  return {
    cell,
    pooled,
    pool,
    relu: traceRelu(result, at.filter, cell.row, cell.col),
    conv: traceConv(result.input, spec, at.filter, cell.row, cell.col),
  };
}

/** The inspected cell kept inside a map of h × w cells and a bank of `filters` filters. */
export function clampInspect(at: Inspect, filters: number, h: number, w: number): Inspect {
  return {
    ...at,
    filter: Math.min(at.filter, filters - 1),
    row: Math.max(0, Math.min(at.row, h - 1)),
    col: Math.max(0, Math.min(at.col, w - 1)),
  };
}

/** Where an arrow key (Shift: 4 cells), Home or End moves the inspected cell; null for other keys. */
export function cellAfterKey(
  at: { row: number; col: number },
  key: string,
  shift: boolean,
  h: number,
  w: number,
): { row: number; col: number } | null {
  const step = shift ? 4 : 1;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-step, 0],
    ArrowDown: [step, 0],
    ArrowLeft: [0, -step],
    ArrowRight: [0, step],
  };
  if (key === 'Home') return { row: 0, col: 0 };
  if (key === 'End') return { row: h - 1, col: w - 1 };
  const move = moves[key];
  if (move === undefined) return null;
  return {
    row: Math.max(0, Math.min(h - 1, at.row + move[0])),
    col: Math.max(0, Math.min(w - 1, at.col + move[1])),
  };
}

/** The cell under a pointer at (x, y) in a box showing a map of h × w cells. */
export function cellUnder(
  x: number,
  y: number,
  box: DOMRect | { left: number; top: number; width: number; height: number },
  h: number,
  w: number,
) {
  const col = Math.floor(((x - box.left) / box.width) * w);
  const row = Math.floor(((y - box.top) / box.height) * h);
  return { row: Math.max(0, Math.min(h - 1, row)), col: Math.max(0, Math.min(w - 1, col)) };
}

/** The strongest pooled cell of filter 0 (where the reader is first taken): its row and column. */
export function strongestPooled(result: LayerResult, filter = 0): { row: number; col: number } {
  const [, h, w, c] = result.pool.shape;
  let best = { row: 0, col: 0 };
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < h; r++) {
    for (let col = 0; col < w; col++) {
      const v = result.pool.data[(r * w + col) * c + filter] as number;
      if (v > max) {
        max = v;
        best = { row: r, col };
      }
    }
  }
  return best;
}

const CORNERS = ['top left', 'top right', 'bottom left', 'bottom right'];

/** The name of cell i of a pooling window ("top left", or "row 2, column 3" for 3×3). */
export function windowCellName(i: number, size: number): string {
  if (size === 2) return CORNERS[i] ?? '';
  return `row ${Math.floor(i / size) + 1}, column ${(i % size) + 1}`;
}

/**
 * The state in the address:
 *   fmaps-1=v:1~k:3~f:sobel-x_sobel-y_1,0,1,0,1,0,1,0,1~b:0,0,-8~r:1~p:max-2-2~i:shapes
 * f: each filter a preset id or its weights, joined by "_"; b: the biases (left out when all 0).
 */
export function featureMapsCodec(samples: readonly string[]): UrlCodec<FeatureMapsState> {
  return {
    version: 1,
    encode: (s) => ({
      k: String(s.size),
      f: s.filters.map((f) => presetOf(f.values, s.size)?.id ?? f.values.map(String).join(',')).join('_'),
      ...(s.filters.some((f) => f.bias !== 0) ? { b: s.filters.map((f) => String(f.bias)).join(',') } : {}),
      r: s.relu ? '1' : '0',
      p: `${s.pool.mode}-${s.pool.size}-${s.pool.stride}`,
      i: s.sample,
    }),
    decode: (fields) => {
      const size = Number(fields.k ?? '3');
      if (size !== 3 && size !== 5)
        return { ok: false, message: `the kernel size “${fields.k}” is neither 3 nor 5.` };
      const parts = (fields.f ?? '').split('_');
      if (parts.length < 1 || parts.length > MAX_FILTERS || parts[0] === '') {
        return {
          ok: false,
          message: `a bank holds 1 to ${MAX_FILTERS} filters, and the link has ${parts.length}.`,
        };
      }
      const biases = fields.b === undefined ? parts.map(() => '0') : fields.b.split(',');
      if (biases.length !== parts.length) {
        return { ok: false, message: `the link has ${parts.length} filters but ${biases.length} biases.` };
      }
      const filters: BankFilter[] = [];
      for (const [i, part] of parts.entries()) {
        const bias = parseCell(biases[i] ?? '');
        if (!bias.ok) return { ok: false, message: `the bias “${biases[i]}” is not a number.` };
        const preset = KERNELS.find((k) => k.id === part);
        if (preset) {
          if (preset.size !== size) {
            return {
              ok: false,
              message: `the preset “${part}” is ${preset.size}×${preset.size}, not ${size}×${size}.`,
            };
          }
          filters.push({ values: [...preset.values], bias: bias.value });
          continue;
        }
        const cells = part.split(',');
        if (cells.length !== size * size) {
          return {
            ok: false,
            message: `filter ${i + 1} “${part}” is neither a preset nor ${size * size} numbers.`,
          };
        }
        const values: number[] = [];
        for (const cell of cells) {
          const parsed = parseCell(cell);
          if (!parsed.ok) return { ok: false, message: `the kernel value “${cell}” is not a number.` };
          values.push(parsed.value);
        }
        filters.push({ values, bias: bias.value });
      }
      const relu = fields.r ?? '1';
      if (relu !== '0' && relu !== '1')
        return { ok: false, message: `ReLU “${relu}” is neither 1 (on) nor 0 (off).` };
      const pool = /^(max|avg)-([23])-([123])$/.exec(fields.p ?? 'max-2-2');
      if (pool === null) {
        return {
          ok: false,
          message: `the pooling “${fields.p}” is not max or avg, a window of 2 or 3 and a stride of 1 to 3.`,
        };
      }
      const sample = fields.i ?? samples[0] ?? '';
      if (!samples.includes(sample)) return { ok: false, message: `there is no picture called “${sample}”.` };
      return {
        ok: true,
        value: {
          size,
          filters,
          relu: relu === '1',
          pool: { mode: pool[1] as PoolMode, size: Number(pool[2]), stride: Number(pool[3]) },
          sample,
        },
      };
    },
  };
}

/** The picture as the layer sees it: grey (luma), then box-averaged down to at most WORK_SIDE cells a side. */
export function workingPicture(rgba: ArrayLike<number>, width: number, height: number) {
  const grey = rgbaToChannels(rgba, width, height, 'gray');
  return downsample(grey, width, height, downsampleFactor(width, height, WORK_SIDE));
}

/** A reader's guess of a window cell ("top right", "2, 3" or "4" in reading order) as its index, or null. */
export function guessWindowCell(text: string, size: number): number | null {
  const t = text.trim().toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (size === 2) {
    const named = CORNERS.indexOf(t);
    if (named >= 0) return named;
  }
  const numbers = t.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 2) {
    const [r = 0, c = 0] = numbers;
    return r >= 1 && r <= size && c >= 1 && c <= size ? (r - 1) * size + c - 1 : null;
  }
  if (numbers.length === 1 && (numbers[0] ?? 0) >= 1 && (numbers[0] ?? 0) <= size * size)
    return (numbers[0] ?? 1) - 1;
  return null;
}
