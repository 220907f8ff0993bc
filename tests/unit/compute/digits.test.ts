import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  digitBatch,
  digitImage,
  digitsRight,
  digitsToFloats,
  gunzip,
  parseDigits,
  type DigitsHeader,
} from '~/compute';
import { buildDigits, classBytes, gzipDigits, readPackage } from '../../../scripts/data-digits.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Two training images (all 1s, all 2s), one test image (all 3s), labels 4, 5 and 6. */
function tinyAsset(): { bytes: Uint8Array; header: DigitsHeader } {
  const bytes = new Uint8Array(3 * 784 + 3);
  bytes.fill(1, 0, 784);
  bytes.fill(2, 784, 1568);
  bytes.fill(3, 1568, 2352);
  bytes.set([4, 5, 6], 2352);
  const header: DigitsHeader = {
    format: 'digits-u8',
    version: 1,
    shape: [28, 28],
    bytes: bytes.length,
    train: { count: 2, imagesOffset: 0, labelsOffset: 2352 },
    test: { count: 1, imagesOffset: 1568, labelsOffset: 2354 },
  };
  return { bytes, header };
}

describe('parseDigits', () => {
  test('splits a hand-made asset of 2 + 1 images into images and labels', () => {
    const { bytes, header } = tinyAsset();
    const set = parseDigits(bytes, header);
    expect(set.train.count).toBe(2);
    expect([...set.train.labels]).toEqual([4, 5]);
    expect([...set.test.labels]).toEqual([6]);
    expect(digitImage(set.train, 1).length).toBe(784);
    expect(new Set(digitImage(set.train, 0))).toEqual(new Set([1]));
    expect(new Set(digitImage(set.train, 1))).toEqual(new Set([2]));
    expect(new Set(digitImage(set.test, 0))).toEqual(new Set([3]));
  });

  test('refuses a length, a label or an index that does not fit, with a sentence', () => {
    const { bytes, header } = tinyAsset();
    expect(() => parseDigits(bytes.subarray(1), header)).toThrow(
      'parseDigits: the header promises 2355 bytes, the data has 2354',
    );
    const bad = bytes.slice();
    bad[2353] = 10;
    expect(() => parseDigits(bad, header)).toThrow('parseDigits: train label 1 is 10, not a digit 0-9');
    const set = parseDigits(bytes, header);
    expect(() => digitImage(set.test, 1)).toThrow('digitImage: index 1 is outside 0-0');
  });

  test('bytes become network inputs byte / 255', () => {
    expect([...digitsToFloats(Uint8Array.from([0, 51, 255]))]).toEqual([0, Math.fround(0.2), 1]);
  });

  test('a batch: the chosen images in the chosen order, byte / 255, with their labels', () => {
    const { train } = parseDigits(tinyAsset().bytes, tinyAsset().header);
    const { images, labels } = digitBatch(train, [1, 0, 1]);
    expect(images.length).toBe(3 * 784);
    // Image 1 is all 2s, image 0 all 1s (the hand-made asset above).
    expect(new Set(images.subarray(0, 784))).toEqual(new Set([Math.fround(2 / 255)]));
    expect(new Set(images.subarray(784, 1568))).toEqual(new Set([Math.fround(1 / 255)]));
    expect(new Set(images.subarray(1568))).toEqual(new Set([Math.fround(2 / 255)]));
    expect([...labels]).toEqual([5, 4, 5]);
    expect(digitBatch(train, []).images.length).toBe(0);
  });

  test('gunzip (DecompressionStream) undoes gzip', async () => {
    const raw = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);
    expect(await gunzip(new Uint8Array(gzipSync(raw)))).toEqual(raw);
  });
});

describe('the package values round-trip to bytes', () => {
  test('0, 0.2, 0.624, 0.996, 1 are bytes 0, 51, 159, 254, 255', () => {
    expect([...classBytes([0, 0.2, 0.624, 0.996, 1, ...new Array(779).fill(0)], 0).slice(0, 5)]).toEqual([
      0, 51, 159, 254, 255,
    ]);
  });
  test('a value no byte / 255 rounds to (0.5004) stops the script', () => {
    expect(() => classBytes([0.5004, ...new Array(783).fill(0)], 3)).toThrow('digit 3 value 0 is 0.5004');
  });
});

describe('the committed asset (public/data/digits)', () => {
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader & {
    sha256: string;
    gzipBytes: number;
  };
  const gz = new Uint8Array(readFileSync('public/data/digits/digits.u8.gz'));

  test('is at most 1.5 MB over the wire and holds 6,000 + 1,000 digits, 600 + 100 of each class', async () => {
    expect(gz.length).toBe(header.gzipBytes);
    expect(gz.length).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const bytes = await gunzip(gz);
    expect(sha256(bytes)).toBe(header.sha256);
    const set = parseDigits(bytes, header);
    expect([set.train.count, set.test.count]).toEqual([6000, 1000]);
    const perClass = (labels: Uint8Array) =>
      Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    expect(perClass(set.train.labels)).toEqual(new Array(10).fill(600));
    expect(perClass(set.test.labels)).toEqual(new Array(10).fill(100));
    // Shuffled, not sorted by class: the first 20 training labels are not all one digit.
    expect(new Set(set.train.labels.subarray(0, 20)).size).toBeGreaterThan(3);
    // No held-out digit is also a training digit.
    const seen = new Set(Array.from({ length: 6000 }, (_, i) => sha256(digitImage(set.train, i))));
    const leaked = Array.from({ length: 1000 }, (_, i) => sha256(digitImage(set.test, i))).filter((h) =>
      seen.has(h),
    );
    expect(leaked).toEqual([]);
    // Ink is 255-ish, paper 0: a digit covers a fifth of its picture or less.
    const first = digitImage(set.test, 0);
    expect(Math.max(...first)).toBeGreaterThan(200);
    expect(first.filter((v) => v > 0).length).toBeLessThan(784 / 4);
  });

  test('is what npm run data:digits makes from the package, the same bytes on every run', async () => {
    const classes = readPackage();
    const a = buildDigits(classes);
    const b = buildDigits(classes);
    expect(sha256(a.bytes)).toBe(sha256(b.bytes));
    expect(a.header).toEqual(b.header);
    expect(sha256(a.bytes)).toBe(header.sha256);
    // The gzip bytes too: what this run makes is byte for byte the committed file.
    expect(sha256(gzipDigits(a.bytes))).toBe(sha256(gz));
  });
});

test('digitsRight counts the rows whose largest probability is at the label (the first, on a tie)', () => {
  const row = (best: number, tie = -1) =>
    Array.from({ length: 10 }, (_, d) => (d === best || d === tie ? 0.4 : 0.02));
  // Row 0 says 3 (label 3: right); row 1 says 7 (label 1: wrong); row 2 ties 2 and 5, so it says 2.
  const probabilities = [...row(3), ...row(7), ...row(5, 2)];
  expect(digitsRight(probabilities, [3, 1, 2])).toBe(2);
  expect(digitsRight(probabilities, [3, 7, 5])).toBe(2);
  expect(digitsRight(probabilities, [0, 0, 0])).toBe(0);
});
