/**
 * The digit network demo's pure parts: what the reader types, the one-step update written out,
 * the chart scales, and the build-time figure (checked against src/compute's reference and the
 * held-out digit's label, never against itself).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  argmaxRows,
  digitImage,
  digitNetForward,
  digitNetForwardFast,
  parseDigits,
  weightsFromLayersModel,
  type DigitsHeader,
  type LayersModelJson,
} from '~/compute';
import {
  filterRows,
  formatTerm,
  formatWeight,
  nextFrameAt,
  padInput,
  readBatchSize,
  readLearningRate,
  readSeed,
  settingsCodec,
  stepUpdate,
  thin,
  ticks,
} from '~/islands/digit-network/model';
import { filterColours } from '~/islands/digit-network/paint';
import { checkDigitNetworkProps, DEFAULT_DIGIT, fromBase64 } from '~/islands/digit-network/props';
import { staticDigitFigure } from '~/islands/digit-network/static-figure';

describe('the learning rate, batch size and seed as typed', () => {
  test('good values are read', () => {
    expect(readLearningRate('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(readLearningRate(' 3e-3 ')).toEqual({ ok: true, value: 0.003 });
    expect(readLearningRate('0,05')).toEqual({ ok: true, value: 0.05 });
    expect(readBatchSize('32')).toEqual({ ok: true, value: 32 });
    expect(readSeed('0')).toEqual({ ok: true, value: 0 });
  });
  test('η = 0, NaN, 1e9, −1 and empty each get a sentence', () => {
    const problem = (t: string) => {
      const r = readLearningRate(t);
      return r.ok ? null : r.message;
    };
    expect(problem('0')).toBe(
      'A learning rate of 0 never moves the weights: type a number above 0, such as 0.1.',
    );
    expect(problem('NaN')).toBe('“NaN” is not a number: type a learning rate such as 0.1.');
    expect(problem('1e9')).toBe(
      'A learning rate of 1000000000 throws the weights far past any minimum: type at most 10, such as 0.1.',
    );
    expect(problem('-1')).toContain('type a number above 0');
    expect(problem('')).toContain('Type a learning rate');
  });
  test('batch size 0, 1.5, 129 and a seed of −1 are refused', () => {
    for (const t of ['0', '1.5', '129', 'x']) expect(readBatchSize(t).ok, t).toBe(false);
    expect(readBatchSize('0')).toEqual({
      ok: false,
      message: 'The batch size must be a whole number of examples from 1 to 128, got “0”.',
    });
    expect(readSeed('-1').ok).toBe(false);
  });
});

describe('a first-layer filter out of the HWIO kernel [3, 3, 1, 8]', () => {
  // Tap (i, j) of filter o sits at (i·3 + j)·8 + o: give each tap the value 10·(i·3 + j) + o.
  const kernel = Float32Array.from({ length: 72 }, (_, k) => 10 * Math.floor(k / 8) + (k % 8));
  test('filter 2 is rows of taps 0-8 plus 2', () => {
    expect(filterRows(kernel, 2)).toEqual([
      [2, 12, 22],
      [32, 42, 52],
      [62, 72, 82],
    ]);
  });
  test('the step written out: w, g, w − η·g for the chosen filter', () => {
    const g = Float32Array.from({ length: 72 }, () => 1);
    const after = kernel.map((w) => w - 0.5);
    const u = stepUpdate(kernel, g, after, 1, 0.5);
    expect(u.before[0]).toEqual([1, 11, 21]);
    expect(u.gradient[2]).toEqual([1, 1, 1]);
    expect(u.after[1]).toEqual([30.5, 40.5, 50.5]);
  });
  test('weights are written with 3 significant digits, terms with 5, minus as −', () => {
    expect(formatWeight(-0.000384)).toBe('−3.84e−4');
    expect(formatWeight(0.0534)).toBe('0.0534');
    expect(formatWeight(-0.48372)).toBe('−0.484');
    expect(formatWeight(0)).toBe('0');
    expect(formatTerm(-0.0032419, true)).toBe('(−0.0032419)');
    expect(formatTerm(0.1443812)).toBe('0.14438');
  });
});

describe('filter colours', () => {
  test('signed on their own scale: the largest magnitude is full red or blue, 0 is white, even when all are positive', () => {
    const rgba = filterColours([0.5, 0, 0.25, 0, 0, 0, 0, 0, 0]);
    expect([...rgba.subarray(0, 4)]).toEqual([178, 24, 43, 255]);
    expect([...rgba.subarray(4, 8)]).toEqual([247, 247, 247, 255]);
    expect([...filterColours([-2, 1, 0, 0, 0, 0, 0, 0, 0]).subarray(0, 4)]).toEqual([33, 102, 172, 255]);
  });
});

describe('the filmstrip', () => {
  test('frames at 500 examples, then each doubling', () => {
    expect([1, 500, 501, 1000, 1001, 2000, 3999, 4001].map(nextFrameAt)).toEqual([
      500, 500, 1000, 1000, 2000, 2000, 4000, 8000,
    ]);
  });
});

describe('charts', () => {
  test('ticks are 1, 2 or 5 × 10^k from 0 past the largest value', () => {
    expect(ticks(100, 4)).toEqual([0, 50, 100]);
    expect(ticks(2.3, 4)).toEqual([0, 1, 2, 3]);
    expect(ticks(11280, 4)).toEqual([0, 5000, 10000, 15000]);
  });
  test('a long curve is thinned by averaging pairs, keeping its last point', () => {
    const points = Array.from({ length: 5 }, (_, i) => ({ x: i, y: i * 2 }));
    expect(thin(points, 4)).toEqual([
      { x: 1, y: 1 },
      { x: 3, y: 5 },
      { x: 4, y: 8 },
    ]);
    const long = Array.from({ length: 4000 }, (_, i) => ({ x: i, y: 1 }));
    expect(thin(long, 400)).toHaveLength(250);
  });
});

describe('the drawing pad to the network input', () => {
  test('a blank pad gives null; a 4×4 ink square becomes a centred 20×20 block', () => {
    const w = 40;
    const rgba = new Uint8ClampedArray(w * w * 4);
    expect(padInput(rgba, w, w)).toBeNull();
    for (let y = 10; y < 14; y++) for (let x = 20; x < 24; x++) rgba[(y * w + x) * 4 + 3] = 255;
    const input = padInput(rgba, w, w) as Float32Array;
    let ink = 0;
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if ((input[y * 28 + x] as number) > 0.5) ink++;
    expect(ink).toBe(400);
    expect(input[4 * 28 + 4]).toBeCloseTo(1, 6);
    expect(input[3 * 28 + 3]).toBe(0);
  });
});

describe('the build-time figure', () => {
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  const test_ = parseDigits(
    new Uint8Array(gunzipSync(readFileSync('public/data/digits/digits.u8.gz'))),
    header,
  ).test;
  const json = JSON.parse(readFileSync('public/models/digit-network/model.json', 'utf8')) as LayersModelJson;
  const weights = weightsFromLayersModel(
    json,
    new Uint8Array(readFileSync('public/models/digit-network/weights.bin')),
  );

  test(`the default digit (no. ${DEFAULT_DIGIT}) is a 7, and the pretrained network says 7`, () => {
    const figure = staticDigitFigure(DEFAULT_DIGIT);
    expect(figure.label).toBe(7);
    expect(test_.labels[DEFAULT_DIGIT]).toBe(7);
    expect(figure.probabilities.indexOf(Math.max(...figure.probabilities))).toBe(7);
    expect(figure.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  test('its pixels are the held-out digit, its numbers the reference forward pass from the shipped weights', () => {
    const figure = staticDigitFigure(3);
    const bytes = digitImage(test_, 3);
    expect([...fromBase64(figure.pixels)]).toEqual([...bytes]);
    const ref = digitNetForward(weights, {
      data: Float32Array.from(bytes, (b) => b / 255),
      shape: [1, 28, 28, 1],
    });
    figure.probabilities.forEach((p, d) =>
      expect(Math.abs(p - (ref.probabilities.data[d] as number))).toBeLessThan(1e-7),
    );
    expect(argmaxRows(ref.probabilities)).toEqual([test_.labels[3]]);
    // Filter 1, top left: HWIO index 0; filter 8, bottom right: index (2·3 + 2)·8 + 7 = 71.
    expect(figure.filters[0]?.[0]).toBe(weights.conv1.kernel.data[0]);
    expect(figure.filters[7]?.[8]).toBe(weights.conv1.kernel.data[71]);
    expect(figure.pictures.layer1).toHaveLength(8);
    expect(figure.pictures.layer2).toHaveLength(16);
    expect(figure.pictures.input.startsWith('data:image/png;base64,')).toBe(true);
  });
});

describe("the live figure's forward pass", () => {
  test("digitNetForwardFast gives the reference's floats, bit for bit, at every stage, on 100 held-out digits (with biases)", () => {
    const json = JSON.parse(
      readFileSync('public/models/digit-network/model.json', 'utf8'),
    ) as LayersModelJson;
    const w = weightsFromLayersModel(
      json,
      new Uint8Array(readFileSync('public/models/digit-network/weights.bin')),
    );
    const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
    const held = parseDigits(
      new Uint8Array(gunzipSync(readFileSync('public/data/digits/digits.u8.gz'))),
      header,
    ).test;
    const data = Float32Array.from(held.images.subarray(0, 100 * 784), (b) => b / 255);
    const input = { data, shape: [100, 28, 28, 1] as [number, number, number, number] };
    expect(Math.max(...w.conv1.bias.map(Math.abs))).toBeGreaterThan(0);
    const ref = digitNetForward(w, input);
    const fast = digitNetForwardFast(w, input);
    for (const stage of [
      'conv1',
      'relu1',
      'pool1',
      'conv2',
      'relu2',
      'pool2',
      'logits',
      'probabilities',
    ] as const) {
      expect(fast[stage].shape, stage).toEqual(ref[stage].shape);
      expect(Buffer.from(fast[stage].data.buffer).equals(Buffer.from(ref[stage].data.buffer)), stage).toBe(
        true,
      );
    }
  });
});

describe('author props', () => {
  test('digit is a held-out digit number 0-999', () => {
    expect(checkDigitNetworkProps({})).toBeNull();
    expect(checkDigitNetworkProps({ digit: 999 })).toBeNull();
    expect(checkDigitNetworkProps({ digit: 1000 })).toBe(
      'digit must be the number of a held-out digit, a whole number from 0 to 999, got 1000',
    );
    expect(checkDigitNetworkProps({ digit: '7' })).toContain('got "7"');
  });
});

describe('settings in the address', () => {
  test("a round trip keeps them; a bad learning rate in a link gets the field's own sentence", () => {
    const state = { optimizer: 'adam' as const, learningRate: 0.003, batchSize: 64, seed: 42 };
    expect(settingsCodec.encode(state)).toEqual({ o: 'adam', e: '0.003', b: '64', s: '42' });
    expect(settingsCodec.decode(settingsCodec.encode(state))).toEqual({ ok: true, value: state });
    expect(settingsCodec.decode({ o: 'sgd', e: '0', b: '32', s: '1' })).toEqual({
      ok: false,
      message: 'A learning rate of 0 never moves the weights: type a number above 0, such as 0.1.',
    });
    expect(settingsCodec.decode({ o: 'rmsprop' })).toEqual({
      ok: false,
      message: 'the optimiser “rmsprop” is neither sgd nor adam.',
    });
  });
});
