import { describe, expect, test } from 'vitest';
import {
  downsample,
  planesOf,
  stageColours,
  featureMaps,
  fromRows,
  layerProblem,
  layerShapes,
  poolCellFor,
  sizeFormula,
  toRows,
  traceConv,
  tracePool,
  traceRelu,
  type LayerSpec,
} from '~/compute';

// A 4×4 picture, worked by hand below.
//   1 2 0 1
//   0 1 3 0
//   2 0 1 1
//   1 1 0 2
const PICTURE = fromRows([
  [1, 2, 0, 1],
  [0, 1, 3, 0],
  [2, 0, 1, 1],
  [1, 1, 0, 2],
]);
// Filter 1: the vertical-edge kernel [-1 0 1] on each row, bias 0.
// Filter 2: all ones (a 3×3 sum), bias −8.
const SPEC: LayerSpec = {
  size: 3,
  filters: [
    { values: [-1, 0, 1, -1, 0, 1, -1, 0, 1], bias: 0 },
    { values: [1, 1, 1, 1, 1, 1, 1, 1, 1], bias: -8 },
  ],
  relu: true,
  pool: { mode: 'max', size: 2, stride: 1 },
};

describe('featureMaps, worked by hand', () => {
  // 'valid' 3×3 on 4×4 leaves 2×2 outputs.
  // Filter 1, cell (0,0): right column 0+3+1 = 4 minus left column 1+0+2 = 3 → 1.
  //          cell (0,1): right 1+0+1 = 2 minus left 2+1+0 = 3 → −1.
  //          cell (1,0): right 3+1+0 = 4 minus left 0+2+1 = 3 → 1.
  //          cell (1,1): right 0+1+2 = 3 minus left 1+0+1 = 2 → 1.
  // Filter 2: window sums 10, 9, 9, 9; minus 8 → 2, 1, 1, 1.
  const result = featureMaps(PICTURE, SPEC);
  test('convolution with bias, per filter', () => {
    expect(result.conv.shape).toEqual([1, 2, 2, 2]);
    expect(toRows(result.conv, 0, 0)).toEqual([
      [1, -1],
      [1, 1],
    ]);
    expect(toRows(result.conv, 0, 1)).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
  test('ReLU zeroes the negative cell only', () => {
    expect(toRows(result.relu, 0, 0)).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(traceRelu(result, 0, 0, 1)).toEqual({ before: -1, after: 0, zeroed: true });
    expect(traceRelu(result, 0, 1, 1)).toEqual({ before: 1, after: 1, zeroed: false });
  });
  test('a 2×2 max pool of a 2×2 map keeps one cell: the largest', () => {
    expect(result.pool.shape).toEqual([1, 1, 1, 2]);
    expect(toRows(result.pool, 0, 1)).toEqual([[2]]);
    const trace = tracePool(result, SPEC, 1, 0, 0);
    expect(trace.cells.map((c) => c.value)).toEqual([2, 1, 1, 1]);
    expect(trace.winner).toBe(0);
  });
  test('ties: the first largest cell in row-major order wins', () => {
    // Filter 1 after ReLU: 1 0 / 1 1: three cells tie at 1; the top-left one survives.
    const trace = tracePool(result, SPEC, 0, 0, 0);
    expect(trace.value).toBe(1);
    expect(trace.winner).toBe(0);
    expect(trace.cells[0]).toEqual({ row: 0, col: 0, value: 1 });
  });
  test('without ReLU the negative value reaches the pool; average pooling', () => {
    const avg = featureMaps(PICTURE, { ...SPEC, relu: false, pool: { mode: 'avg', size: 2, stride: 1 } });
    // (1 − 1 + 1 + 1) / 4 = 0.5
    expect(toRows(avg.pool, 0, 0)).toEqual([[0.5]]);
    const trace = tracePool(avg, { ...SPEC, pool: { mode: 'avg', size: 2, stride: 1 } }, 0, 0, 0);
    expect(trace.winner).toBeNull();
    expect(trace.value).toBeCloseTo(0.5, 6);
  });
  test('convolution trace: window × kernel products, sum and bias', () => {
    const trace = traceConv(PICTURE, SPEC, 1, 0, 0);
    expect(trace.terms).toHaveLength(9);
    // Window of (0,0): 1 2 0 / 0 1 3 / 2 0 1, all weights 1.
    expect(trace.terms.map((t) => t.product)).toEqual([1, 2, 0, 0, 1, 3, 2, 0, 1]);
    expect(trace.sum).toBe(10);
    expect(trace.bias).toBe(-8);
    expect(trace.value).toBe(2);
    const edge = traceConv(PICTURE, SPEC, 0, 0, 1);
    // Window of (0,1): 2 0 1 / 1 3 0 / 0 1 1 times −1 0 1 on each row: −2+1, −1+0, −0+1 → −1.
    expect(edge.terms.map((t) => t.product)).toEqual([-2, 0, 1, -1, 0, 0, -0, 0, 1]);
    expect(edge.value).toBe(-1);
  });
});

describe('shapes', () => {
  test('6×6 picture, 5×5 kernels, 3 filters, 2×2 pool stride 1', () => {
    const spec: LayerSpec = {
      size: 5,
      filters: [0, 1, 2].map(() => ({ values: Array<number>(25).fill(0), bias: 0 })),
      relu: true,
      pool: { mode: 'max', size: 2, stride: 1 },
    };
    // conv: 6 − 5 + 1 = 2; pool: ⌊(2 − 2) / 1⌋ + 1 = 1.
    expect(layerShapes(6, 6, 1, spec)).toEqual({
      input: [6, 6, 1],
      conv: [2, 2, 3],
      relu: [2, 2, 3],
      pool: [1, 1, 3],
    });
  });
  test('64×64, 3×3, 3×3 pool stride 2: 62 then ⌊(62 − 3) / 2⌋ + 1 = 30', () => {
    expect(layerShapes(64, 64, 1, { ...SPEC, pool: { mode: 'max', size: 3, stride: 2 } }).pool).toEqual([
      30, 30, 2,
    ]);
    expect(sizeFormula(62, 3, 2)).toBe('⌊(62 + 2·0 − 3) / 2⌋ + 1 = 30');
  });
  test('the cells a pooled cell comes from, and which pooled cell a map cell feeds', () => {
    const spec = { ...SPEC, pool: { mode: 'max' as const, size: 2, stride: 3 } };
    // Windows start at 0, 3, 6: cells 0,1 → 0; cell 2 → none; 3,4 → 1.
    expect(poolCellFor(spec, [3, 3, 2], 1, 4)).toEqual({ row: 0, col: 1 });
    expect(poolCellFor(spec, [3, 3, 2], 2, 0)).toBeNull();
    const overlapping = { ...SPEC, pool: { mode: 'max' as const, size: 3, stride: 1 } };
    // Cell 2 is in windows 0, 1 and 2: the first one.
    expect(poolCellFor(overlapping, [4, 4, 2], 2, 2)).toEqual({ row: 0, col: 0 });
  });
});

describe('problems are sentences', () => {
  test.each([
    [{ ...SPEC, filters: [] }, 'A bank holds 1 to 8 filters, not 0.'],
    [{ ...SPEC, size: 4 }, 'The kernel size must be 3 or 5, not 4.'],
    [
      { ...SPEC, filters: [{ values: [1, 2], bias: 0 }] },
      'Filter 1 has 2 weights; every filter of this bank is 3×3, so it needs 9.',
    ],
    [
      { ...SPEC, filters: [{ values: [0, 0, 0, 0, Number.NaN, 0, 0, 0, 0], bias: 0 }] },
      'Filter 1, row 2, column 2 is NaN: weights must be finite numbers.',
    ],
    [
      { ...SPEC, pool: { mode: 'max' as const, size: 4, stride: 2 } },
      'The pooling window is 2 or 3 cells wide, not 4.',
    ],
    [
      { ...SPEC, pool: { mode: 'max' as const, size: 2, stride: 0 } },
      'The pooling stride is 1, 2 or 3 cells, not 0.',
    ],
  ])('%#', (spec, sentence) => {
    expect(layerProblem(spec as LayerSpec)).toBe(sentence);
  });
  test('a picture too small for kernel and pool', () => {
    const fives = { ...SPEC, size: 5, filters: [{ values: Array<number>(25).fill(1), bias: 0 }] };
    expect(layerProblem(fives, 5, 5)).toBe(
      'A 5×5 picture is too small: a 5×5 kernel leaves 1×1 cells, fewer than the 2×2 pooling window needs.',
    );
    expect(() => featureMaps(fromRows([[1, 2, 3]]), SPEC)).toThrow('too small');
  });
  test('nine filters are refused', () => {
    const nine = Array.from({ length: 9 }, () => SPEC.filters[0]!);
    expect(layerProblem({ ...SPEC, filters: nine })).toBe('A bank holds 1 to 8 filters, not 9.');
  });
});

test('downsample averages whole blocks', () => {
  // 4×2 → factor 2 → 2×1: (1+2+5+6)/4 = 3.5, (3+4+7+8)/4 = 5.5
  const got = downsample(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 4, 2, 2);
  expect(got.width).toBe(2);
  expect(got.height).toBe(1);
  expect([...got.values]).toEqual([3.5, 5.5]);
});

describe('stage colours', () => {
  test('signed maps are diverging around white; ReLU zeros are blue; positive maps are grey', () => {
    const out = new Uint8ClampedArray(12);
    // −2 → full blue (33,102,172); 0 → white-ish mid (247,247,247); 2 → full red (178,24,43).
    expect(stageColours(Float32Array.from([-2, 0, 2]), out)).toBe(2);
    expect([...out]).toEqual([33, 102, 172, 255, 247, 247, 247, 255, 178, 24, 43, 255]);
    // After ReLU: 0 (was −2) → the zeroed blue; 0 (was 0) → black; 2 → white.
    stageColours(Float32Array.from([0, 0, 2]), out, Float32Array.from([-2, 0, 2]));
    expect([...out]).toEqual([33, 102, 172, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    // A faint negative (less than 5 of the convolution map's 255 steps below white: 2 × 5 / 255
    // ≈ 0.039 here) stays black; a visible one (−0.04) is marked.
    stageColours(Float32Array.from([0, 0, 2]), out, Float32Array.from([-0.038, -0.04, 2]));
    expect([...out]).toEqual([0, 0, 0, 255, 33, 102, 172, 255, 255, 255, 255, 255]);
    // A flat zero map does not divide by zero.
    stageColours(Float32Array.from([0, 0, 0]), out);
    expect([...out.subarray(0, 3)]).toEqual([0, 0, 0]);
  });
});

test('planesOf splits the channels of an NHWC map', () => {
  // 1×2×2×3: cells (0,0) = 1,2,3; (0,1) = 4,5,6; (1,0) = 7,8,9; (1,1) = 10,11,12.
  const planes = planesOf({ data: Float32Array.from({ length: 12 }, (_, i) => i + 1), shape: [1, 2, 2, 3] });
  expect(planes.map((p) => [...p])).toEqual([
    [1, 4, 7, 10],
    [2, 5, 8, 11],
    [3, 6, 9, 12],
  ]);
});
