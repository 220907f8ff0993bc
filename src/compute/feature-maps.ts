/**
 * One convolutional layer, stage by stage, as the feature-maps demo shows it: a picture goes through
 * a bank of F filters (one k×k kernel and one bias each, 'valid' padding, stride 1), then ReLU (on or
 * off), then pooling (max or average). Every stage's maps are returned, with their shapes and the
 * formula that gives each, plus "trace back" helpers that explain one cell of any stage from the
 * stage before it. Built on the reference (reference.ts): the executable spec the TensorFlow.js
 * engine (tf/feature-maps.ts) is tested against. Pure: no DOM.
 */
import { diverging } from './colormap';
import { avgPool, conv2d, maxPool, relu } from './reference';
import { outputSize } from './shape';
import type { Shape4, Tensor4 } from './types';

/** The convolution's padding: none, so every output cell has a whole window inside the picture. */
export const CONV_PADDING = 'valid';
export const MIN_FILTERS = 1;
export const MAX_FILTERS = 8;
export const KERNEL_SIZES = [3, 5] as const;
export const POOL_SIZES = [2, 3] as const;
export const POOL_STRIDES = [1, 2, 3] as const;

export type PoolMode = 'max' | 'avg';
export type Stage = 'conv' | 'relu' | 'pool';
export const STAGES: readonly Stage[] = ['conv', 'relu', 'pool'];

export interface BankFilter {
  /** size × size weights, row-major. */
  readonly values: readonly number[];
  readonly bias: number;
}

export interface PoolSpec {
  readonly mode: PoolMode;
  readonly size: number;
  readonly stride: number;
}

export interface LayerSpec {
  /** The kernel size every filter of the bank shares: 3 or 5. */
  readonly size: number;
  readonly filters: readonly BankFilter[];
  readonly relu: boolean;
  readonly pool: PoolSpec;
}

export interface LayerResult {
  /** NHWC, batch 1; C = the number of filters for the three stages. */
  readonly input: Tensor4;
  readonly conv: Tensor4;
  readonly relu: Tensor4;
  readonly pool: Tensor4;
}

/**
 * Why a layer cannot run, as a sentence for an author or a reader; null when it can. Checks the
 * bank (1 to 8 filters, each with size² finite weights and a finite bias), the kernel and pool
 * sizes, and that the maps do not shrink to nothing for an input of inH × inW (when given).
 */
export function layerProblem(spec: LayerSpec, inH?: number, inW?: number): string | null {
  const { size, filters, pool } = spec;
  if (!KERNEL_SIZES.includes(size as 3 | 5)) return `The kernel size must be 3 or 5, not ${size}.`;
  if (filters.length < MIN_FILTERS || filters.length > MAX_FILTERS) {
    return `A bank holds 1 to 8 filters, not ${filters.length}.`;
  }
  for (const [f, filter] of filters.entries()) {
    if (filter.values.length !== size * size) {
      return `Filter ${f + 1} has ${filter.values.length} weights; every filter of this bank is ${size}×${size}, so it needs ${size * size}.`;
    }
    const bad = filter.values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      return `Filter ${f + 1}, row ${Math.floor(bad / size) + 1}, column ${(bad % size) + 1} is ${String(filter.values[bad])}: weights must be finite numbers.`;
    }
    if (!Number.isFinite(filter.bias)) {
      return `Filter ${f + 1} has the bias ${String(filter.bias)}: a bias must be a finite number.`;
    }
  }
  if (pool.mode !== 'max' && pool.mode !== 'avg') {
    return `Pooling is "max" or "avg", not "${String(pool.mode)}".`;
  }
  if (!POOL_SIZES.includes(pool.size as 2 | 3))
    return `The pooling window is 2 or 3 cells wide, not ${pool.size}.`;
  if (!POOL_STRIDES.includes(pool.stride as 1 | 2 | 3)) {
    return `The pooling stride is 1, 2 or 3 cells, not ${pool.stride}.`;
  }
  if (inH !== undefined && inW !== undefined) {
    const convH = outputSize(inH, size, 1, CONV_PADDING);
    const convW = outputSize(inW, size, 1, CONV_PADDING);
    if (convH < pool.size || convW < pool.size) {
      return `A ${inW}×${inH} picture is too small: a ${size}×${size} kernel leaves ${convW}×${convH} cells, fewer than the ${pool.size}×${pool.size} pooling window needs.`;
    }
  }
  return null;
}

function check(spec: LayerSpec, inH?: number, inW?: number): void {
  const problem = layerProblem(spec, inH, inW);
  if (problem !== null) throw new Error(`featureMaps: ${problem}`);
}

/**
 * The bank's weights in TensorFlow's conv2d layout [k, k, C, F]: filter f's kernel is used for every
 * input channel (so on an RGB picture each filter adds up the three channels' responses).
 */
export function bankWeights(spec: LayerSpec, channels: number): Float32Array {
  const { size, filters } = spec;
  const count = filters.length;
  const out = new Float32Array(size * size * channels * count);
  filters.forEach((filter, f) => {
    filter.values.forEach((w, tap) => {
      for (let c = 0; c < channels; c++) out[(tap * channels + c) * count + f] = w;
    });
  });
  return out;
}

/** The biases, one per filter. */
export const bankBiases = (spec: LayerSpec) => Float32Array.from(spec.filters, (f) => f.bias);

/** Every stage of the layer for an NHWC input of batch 1. */
export function featureMaps(input: Tensor4, spec: LayerSpec): LayerResult {
  const [batch, inH, inW, channels] = input.shape;
  if (batch !== 1) throw new Error(`featureMaps: the input must be one picture (batch 1), got ${batch}`);
  check(spec, inH, inW);
  const count = spec.filters.length;
  const weights = {
    data: bankWeights(spec, channels),
    shape: [spec.size, spec.size, channels, count] as const,
  };
  const raw = conv2d(input, weights, { padding: CONV_PADDING });
  const data = raw.data.map((v, i) => v + (spec.filters[i % count]?.bias ?? 0));
  const conv = { data, shape: raw.shape };
  const rectified = spec.relu ? relu(conv) : { data: conv.data.slice(), shape: conv.shape };
  const options = { size: spec.pool.size, stride: spec.pool.stride, padding: 'valid' as const };
  const pooled = spec.pool.mode === 'max' ? maxPool(rectified, options) : avgPool(rectified, options);
  return { input, conv, relu: rectified, pool: pooled };
}

/** Channel c of an NHWC tensor of batch 1, as a plain H×W array (one filter's map). */
export function channelOf(t: Tensor4, c: number): Float32Array {
  const [, h, w, channels] = t.shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = t.data[i * channels + c] as number;
  return out;
}

/**
 * Every channel of an NHWC tensor of batch 1 as its own H×W array, in one sequential pass (the
 * demo draws each filter's map on its own canvas on every update).
 */
export function planesOf(t: Tensor4, into?: Float32Array[]): Float32Array[] {
  const [, h, w, channels] = t.shape;
  const size = h * w;
  // Reused arrays when they fit: a new array per map per update costs more than the copy.
  const out = Array.from({ length: channels }, (_, c) =>
    into?.[c]?.length === size ? (into[c] as Float32Array) : new Float32Array(size),
  );
  const data = t.data;
  if (channels === 1) {
    (out[0] as Float32Array).set(data.subarray(0, size));
    return out;
  }
  for (let c = 0; c < channels; c++) {
    const plane = out[c] as Float32Array;
    for (let i = 0, j = c; i < size; i++, j += channels) plane[i] = data[j] as number;
  }
  return out;
}

/** The value at (row, col) of filter f's map. */
export function valueAt(t: Tensor4, f: number, row: number, col: number): number {
  const [, , w, channels] = t.shape;
  return t.data[(row * w + col) * channels + f] as number;
}

/** The four shapes, NHWC without the batch: [H, W, C]. */
export function layerShapes(inH: number, inW: number, channels: number, spec: LayerSpec) {
  const f = spec.filters.length;
  const convH = outputSize(inH, spec.size, 1, CONV_PADDING);
  const convW = outputSize(inW, spec.size, 1, CONV_PADDING);
  const poolH = outputSize(convH, spec.pool.size, spec.pool.stride, 'valid');
  const poolW = outputSize(convW, spec.pool.size, spec.pool.stride, 'valid');
  return {
    input: [inH, inW, channels] as const,
    conv: [convH, convW, f] as const,
    relu: [convH, convW, f] as const,
    pool: [poolH, poolW, f] as const,
  };
}

/** "64×64×1": a shape as the figure writes it. */
export const shapeText = (shape: readonly number[]) => shape.join('×');

/**
 * The formula that gives one side of a stage, with its numbers:
 * "⌊(64 + 2·0 − 3) / 1⌋ + 1 = 62" (H_out = ⌊(H + 2p − k) / s⌋ + 1).
 */
export function sizeFormula(n: number, k: number, stride: number, padding = 0): string {
  const out = Math.floor((n + 2 * padding - k) / stride) + 1;
  return `⌊(${n} + 2·${padding} − ${k}) / ${stride}⌋ + 1 = ${out}`;
}

/** One cell of a pooling window, in the coordinates of the map it pools (the ReLU map). */
export interface WindowCell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

export interface PoolTrace {
  readonly mode: PoolMode;
  readonly cells: readonly WindowCell[];
  /** Max: the index in `cells` of the cell that survives (the first largest, in row-major order). */
  readonly winner: number | null;
  /** The pooled value: the largest, or the mean of the window. */
  readonly value: number;
}

/** The window of pooled cell (row, col) of filter f: its cells, the winner or the average. */
export function tracePool(
  result: LayerResult,
  spec: LayerSpec,
  f: number,
  row: number,
  col: number,
): PoolTrace {
  const { size, stride, mode } = spec.pool;
  const cells: WindowCell[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const r = row * stride + i;
      const c = col * stride + j;
      cells.push({ row: r, col: c, value: valueAt(result.relu, f, r, c) });
    }
  }
  if (mode === 'max') {
    let winner = 0;
    cells.forEach((cell, i) => {
      if (cell.value > (cells[winner] as WindowCell).value) winner = i;
    });
    return { mode, cells, winner, value: (cells[winner] as WindowCell).value };
  }
  const value = cells.reduce((a, c) => a + c.value, 0) / cells.length;
  return { mode, cells, winner: null, value };
}

export interface ReluTrace {
  readonly before: number;
  readonly after: number;
  /** True where ReLU turned a negative value into 0. */
  readonly zeroed: boolean;
}

export function traceRelu(result: LayerResult, f: number, row: number, col: number): ReluTrace {
  const before = valueAt(result.conv, f, row, col);
  const after = valueAt(result.relu, f, row, col);
  return { before, after, zeroed: before < 0 && after === 0 };
}

export interface ConvTerm {
  /** Kernel row and column. */
  readonly m: number;
  readonly n: number;
  /** Input channel. */
  readonly c: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
}

export interface ConvTrace {
  readonly terms: readonly ConvTerm[];
  /** The sum of the products, before the bias. */
  readonly sum: number;
  readonly bias: number;
  /** sum + bias: the convolution map's value. */
  readonly value: number;
}

/**
 * The window × kernel products of convolution cell (row, col) of filter f ('valid', stride 1:
 * the window's top-left input cell is (row, col)), their sum, the bias and the total.
 */
export function traceConv(input: Tensor4, spec: LayerSpec, f: number, row: number, col: number): ConvTrace {
  const [, , inW, channels] = input.shape;
  const filter = spec.filters[f];
  if (filter === undefined) throw new Error(`traceConv: there is no filter ${f + 1}`);
  const terms: ConvTerm[] = [];
  let sum = 0;
  for (let m = 0; m < spec.size; m++) {
    for (let n = 0; n < spec.size; n++) {
      for (let c = 0; c < channels; c++) {
        const value = input.data[((row + m) * inW + col + n) * channels + c] as number;
        const weight = filter.values[m * spec.size + n] as number;
        const product = value * weight;
        sum += product;
        terms.push({ m, n, c, input: value, weight, product });
      }
    }
  }
  return { terms, sum, bias: filter.bias, value: sum + filter.bias };
}

/**
 * The pooled cell whose window holds conv/ReLU cell (row, col): the first in row-major order when
 * windows overlap (stride < window), or null when the cell lies in no window (stride > window, or
 * the cells left over at the right and bottom edges).
 */
export function poolCellFor(
  spec: LayerSpec,
  poolShape: Shape4 | readonly number[],
  row: number,
  col: number,
) {
  const { size, stride } = spec.pool;
  const [outH, outW] = poolShape.length === 4 ? [poolShape[1], poolShape[2]] : [poolShape[0], poolShape[1]];
  const first = (x: number, out: number) => {
    for (let o = Math.max(0, Math.ceil((x - size + 1) / stride)); o < (out ?? 0); o++) {
      if (o * stride <= x && x < o * stride + size) return o;
    }
    return null;
  };
  const r = first(row, outH as number);
  const c = first(col, outW as number);
  return r === null || c === null ? null : { row: r, col: c };
}

/** Box-average downsampling of one-channel H×W values by a whole factor (the picture the demo uses). */
export function downsample(values: Float32Array, width: number, height: number, factor: number) {
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let i = 0; i < factor; i++) {
        for (let j = 0; j < factor; j++) sum += values[(y * factor + i) * width + x * factor + j] as number;
      }
      out[y * w + x] = sum / (factor * factor);
    }
  }
  return { values: out, width: w, height: h };
}

/** The whole factor that brings the longer side of a picture to at most `side` cells. */
export const downsampleFactor = (width: number, height: number, side: number) =>
  Math.max(1, Math.ceil(Math.max(width, height) / side));

/** RGB of a cell ReLU set to 0 (it was negative): a flat blue, so it never reads as dark grey. */
export const ZEROED_RGB = [33, 102, 172] as const;

/**
 * Colours of one stage's map into RGBA bytes `out` (alpha 255), and the largest magnitude drawn:
 * - a map with any negative value (the convolution, or ReLU turned off): the diverging blue-white-red
 *   scale, symmetric around 0 (white), −m..m with m the largest magnitude;
 * - a map with no negative value: grey, 0 black to the largest value white;
 * - `zeroedFrom` (the convolution map, for the ReLU stage): cells that were visibly blue there (at
 *   least ZEROED_STEPS of its 255 steps below white) and are 0 here are drawn in ZEROED_RGB, so the
 *   reader sees what ReLU removed where it mattered. The faint negatives of a nearly flat patch
 *   (a photo's grain, a gentle gradient: near-white in the convolution map) stay plain black, as
 *   they would otherwise flood the map in blue and hide the shapes; the inspector still says, cell
 *   by cell, that each was a negative set to 0.
 */
export function stageColours(
  values: Float32Array,
  out: Uint8ClampedArray,
  zeroedFrom?: Float32Array,
): number {
  if (out.length !== values.length * 4) {
    throw new Error(
      `stageColours: ${values.length} cells need ${values.length * 4} RGBA bytes, got ${out.length}`,
    );
  }
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const m = Math.max(-min, max) || 1;
  // One tight loop, one 32-bit store per cell, no allocation: this runs for every map on every
  // demo update. The tables hold whole RGBA pixels in the platform's byte order.
  const { diverging: lut, grey, zeroed } = pixelTables();
  const pixels = new Uint32Array(out.buffer, out.byteOffset, values.length);
  // Math.round(x) is floor(x + 0.5); on the non-negative indices here `| 0` is that floor, and
  // V8 runs it about twice as fast as the Math.round call (measured: 24 maps of 254², 19 → 7 ms).
  const scale = 255 / m;
  if (min < 0) {
    for (let i = 0; i < values.length; i++) {
      pixels[i] = lut[((values[i] as number) * scale + 255.5) | 0] as number;
    }
  } else {
    for (let i = 0; i < values.length; i++)
      pixels[i] = grey[((values[i] as number) * scale + 0.5) | 0] as number;
  }
  if (zeroedFrom !== undefined) {
    let largest = 0;
    for (let i = 0; i < zeroedFrom.length; i++)
      largest = Math.max(largest, Math.abs(zeroedFrom[i] as number));
    const visible = (-largest * ZEROED_STEPS) / 255;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === 0 && (zeroedFrom[i] as number) <= visible && largest > 0) pixels[i] = zeroed;
    }
  }
  return m;
}

/** How far below white (in the convolution map's 255 steps) a cell must be to be marked as zeroed. */
export const ZEROED_STEPS = 5;

let tables: { diverging: Uint32Array; grey: Uint32Array; zeroed: number } | null = null;

/** RGBA pixels as 32-bit words: the diverging scale at 511 steps from −1 to 1, 256 greys, the zeroed blue. */
function pixelTables() {
  if (tables === null) {
    const word = (r: number, g: number, b: number) => {
      const bytes = new Uint8ClampedArray([r, g, b, 255]);
      return new Uint32Array(bytes.buffer)[0] as number;
    };
    const lut = new Uint32Array(511);
    for (let k = 0; k < 511; k++) lut[k] = word(...diverging(k / 255 - 1));
    const grey = Uint32Array.from({ length: 256 }, (_, g) => word(g, g, g));
    tables = { diverging: lut, grey, zeroed: word(...ZEROED_RGB) };
  }
  return tables;
}
