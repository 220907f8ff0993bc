import { describe, expect, test } from 'vitest';
import { featureMaps, fromRows, KERNELS } from '~/compute';
import {
  addFilter,
  cellAfterKey,
  featureMapsCodec,
  follow,
  guessWindowCell,
  moveFilter,
  removeFilter,
  resizeBank,
  toSpec,
  workingPicture,
  type FeatureMapsState,
} from '~/islands/feature-maps/model';
import { checkFeatureMapsProps } from '~/islands/feature-maps/props';
import { decodeFields, encodeState, readState } from '~/islands/shared/url-state';

const sobelX = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
const STATE: FeatureMapsState = {
  size: 3,
  filters: [
    { values: sobelX, bias: 0 },
    { values: [1, 0, 1, 0, 1, 0, 1, 0, 1], bias: -2.5 },
  ],
  relu: true,
  pool: { mode: 'max', size: 2, stride: 2 },
  sample: 'city',
};
const codec = featureMapsCodec(['shapes', 'city']);

describe('the bank', () => {
  test('add takes the next unused preset, never past 8; remove keeps at least one', () => {
    const added = addFilter(STATE.filters, 3);
    expect(added).toHaveLength(3);
    expect(added[2]?.values).toEqual(KERNELS[0]?.values); // identity: the first 3×3 preset not used
    let many = STATE.filters;
    for (let i = 0; i < 10; i++) many = addFilter(many, 3);
    expect(many).toHaveLength(8);
    expect(removeFilter([STATE.filters[0]!], 0)).toHaveLength(1);
    expect(removeFilter(STATE.filters, 0)).toEqual([STATE.filters[1]]);
  });
  test('move up and down swaps neighbours, and stops at the ends', () => {
    expect(moveFilter(STATE.filters, 1, -1)).toEqual([STATE.filters[1], STATE.filters[0]]);
    expect(moveFilter(STATE.filters, 1, 1)).toEqual(STATE.filters);
  });
  test('resizing keeps a blur a blur and pads a kernel with zeros', () => {
    const box3 = KERNELS.find((k) => k.id === 'box-blur-3')!;
    const box5 = KERNELS.find((k) => k.id === 'box-blur-5')!;
    const [blur, edge] = resizeBank(
      [
        { values: [...box3.values], bias: 1 },
        { values: sobelX, bias: 0 },
      ],
      3,
      5,
    );
    expect(blur).toEqual({ values: [...box5.values], bias: 1 });
    expect(edge?.values).toHaveLength(25);
    expect(edge?.values[6]).toBe(-1); // row 1, column 1 of 5×5 = the old top left
    expect(edge?.values[0]).toBe(0);
  });
});

describe('following a cell back', () => {
  // 4×4 picture, filter 1 = Sobel x, filter 2 = the X with bias −2.5; maps 2×2, pool 2×2 → 1×1.
  const picture = fromRows([
    [0, 0, 9, 9],
    [0, 0, 9, 9],
    [0, 0, 9, 9],
    [0, 0, 9, 9],
  ]);
  const result = featureMaps(picture, toSpec(STATE));
  test('from the pooled cell to the winner, then to ReLU and the convolution', () => {
    // Sobel x: window (0,0) reads columns 0..2: right column 9s → 9+18+9 = 36; (0,1): 36 too; ties → first.
    const followed = follow(result, toSpec(STATE), { filter: 0, stage: 'pool', row: 0, col: 0 });
    expect(followed.pool?.value).toBe(36);
    expect(followed.pool?.winner).toBe(0);
    expect(followed.cell).toEqual({ row: 0, col: 0 });
    expect(followed.relu).toEqual({ before: 36, after: 36, zeroed: false });
    expect(followed.conv.value).toBe(36);
  });
  test('from a ReLU cell forward to its pooled cell', () => {
    // X with bias −2.5 at (1,0): window rows 1..3, columns 0..2: 0 + 9 + 0 + 0 + 9 = 18 … minus 2.5 = 15.5.
    const followed = follow(result, toSpec(STATE), { filter: 1, stage: 'relu', row: 1, col: 0 });
    expect(followed.pooled).toEqual({ row: 0, col: 0 });
    expect(followed.conv.sum).toBe(18);
    expect(followed.conv.value).toBe(15.5);
  });
});

describe('keys and guesses', () => {
  test('arrows move one cell (Shift: four) and stop at the edges', () => {
    expect(cellAfterKey({ row: 0, col: 0 }, 'ArrowUp', false, 5, 5)).toEqual({ row: 0, col: 0 });
    expect(cellAfterKey({ row: 0, col: 0 }, 'ArrowRight', true, 5, 5)).toEqual({ row: 0, col: 4 });
    expect(cellAfterKey({ row: 2, col: 2 }, 'End', false, 5, 6)).toEqual({ row: 4, col: 5 });
    expect(cellAfterKey({ row: 2, col: 2 }, 'a', false, 5, 5)).toBeNull();
  });
  test('window cells by name or number', () => {
    expect(guessWindowCell('Bottom-right', 2)).toBe(3);
    expect(guessWindowCell('2, 1', 2)).toBe(2);
    expect(guessWindowCell('3', 3)).toBe(2);
    expect(guessWindowCell('middle', 2)).toBeNull();
  });
});

describe('the address', () => {
  test('round trip: presets by name, own kernels as numbers, biases only when set', () => {
    const text = encodeState(codec, STATE);
    expect(decodeFields(text)).toEqual({
      v: '1',
      k: '3',
      f: 'sobel-x_seed-x',
      b: '0,-2.5',
      r: '1',
      p: 'max-2-2',
      i: 'city',
    });
    expect(readState(`#fmaps-1=${text}`, 'fmaps-1', codec)).toEqual({ kind: 'ok', state: STATE });
    const own = { ...STATE, filters: [{ values: [1, 2, 3, 4, 5, 6, 7, 8, 9.5], bias: 0 }] };
    const round = readState(`#fmaps-1=${encodeState(codec, own)}`, 'fmaps-1', codec);
    expect(round).toEqual({ kind: 'ok', state: own });
  });
  test.each([
    ['v:1~k:4~f:sobel-x', 'the kernel size “4” is neither 3 nor 5.'],
    ['v:1~k:3~f:box-blur-5', 'the preset “box-blur-5” is 5×5, not 3×3.'],
    ['v:1~k:3~f:1,2,3', 'filter 1 “1,2,3” is neither a preset nor 9 numbers.'],
    [
      'v:1~k:3~f:sobel-x~p:min-2-2',
      'the pooling “min-2-2” is not max or avg, a window of 2 or 3 and a stride of 1 to 3.',
    ],
    ['v:1~k:3~f:sobel-x_outline~b:1', 'the link has 2 filters but 1 biases.'],
  ])('%s says what is wrong', (fields, sentence) => {
    const got = readState(`#fmaps-1=${fields}`, 'fmaps-1', codec);
    expect(got.kind).toBe('problem');
    expect(got.kind === 'problem' && got.message).toContain(sentence);
  });
});

describe('author props', () => {
  const samples = ['shapes', 'city'];
  test('defaults: four edge and blur filters, ReLU, 2×2 max pool stride 2, the first sample', () => {
    const got = checkFeatureMapsProps({}, samples);
    expect(got.ok && got.value.filters).toHaveLength(4);
    expect(got.ok && got.value.pool).toEqual({ mode: 'max', size: 2, stride: 2 });
    expect(got.ok && got.value.relu).toBe(true);
    expect(got.ok && got.value.sample).toBe('shapes');
  });
  test.each([
    [{ filters: [{ kernel: 'sobel-z' }] }, 'filter 1: there is no kernel "sobel-z".'],
    [
      { filters: [{ kernel: 'sobel-x' }, { kernel: 'box-blur-5' }] },
      'filter 2 is 5×5 but filter 1 is 3×3: the filters of one layer share one kernel size.',
    ],
    [
      {
        filters: [
          {
            kernel: [
              [1, 2],
              [3, 4],
            ],
          },
        ],
      },
      'filter 1: a kernel is a square grid of 3 or 5 rows of numbers',
    ],
    [{ filters: [] }, 'filters must list 1 to 8 filters, got 0.'],
    [{ pool: { size: 4 } }, 'pool: The pooling window is 2 or 3 cells wide, not 4.'],
    [{ sample: 'moon' }, 'there is no sample picture "moon". Use one of: shapes, city.'],
    [
      { filters: [{ kernel: 'sobel-x', bias: Number.NaN }] },
      'filter 1: bias must be a finite number, got NaN.',
    ],
  ])('%j', (props, sentence) => {
    const got = checkFeatureMapsProps(props as never, samples);
    expect(got.ok).toBe(false);
    expect(!got.ok && got.message).toContain(sentence);
  });
});

test('the working picture: grey, box-averaged to at most 64 a side', () => {
  // 128×2 RGBA, pure red (luma 0.299·255 = 76.245): factor 2 → 64×1 of 76.245.
  const rgba = new Uint8ClampedArray(128 * 2 * 4);
  for (let i = 0; i < 256; i++) rgba.set([255, 0, 0, 255], i * 4);
  const pic = workingPicture(rgba, 128, 2);
  expect([pic.width, pic.height]).toEqual([64, 1]);
  expect(pic.values[0]).toBeCloseTo(76.245, 3);
});
