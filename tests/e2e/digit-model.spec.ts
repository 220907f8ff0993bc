/**
 * The shipped digit network in Chromium: TensorFlow.js (tfjs-layers) loads public/models/digit-network
 * over HTTP in the engine harness and classifies the first 100 held-out digits, on WASM and on the
 * CPU backend. The expected probabilities are src/compute's reference forward pass, run here in
 * Node on the same files: never numbers from the page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  argmaxRows,
  DIGIT_MODEL_URL,
  DIGITS_HEADER_URL,
  DIGITS_URL,
  digitNetForward,
  digitsToFloats,
  parseDigits,
  weightsFromLayersModel,
  type DigitsHeader,
  type LayersModelJson,
} from '../../src/compute';
import { HARNESS_URL } from '../urls';
import { expect, test } from './fixtures';
import { openHarness } from './harness-page';

const N = 100;
const publicFile = (path: string) => fileURLToPath(new URL(`../../public/${path}`, import.meta.url));
const read = (path: string) => readFileSync(publicFile(path));

const modelDir = DIGIT_MODEL_URL.replace(/model\.json$/, '');
const weights = weightsFromLayersModel(
  JSON.parse(read(DIGIT_MODEL_URL).toString()) as LayersModelJson,
  new Uint8Array(read(`${modelDir}weights.bin`)),
);
const heldOut = parseDigits(
  new Uint8Array(gunzipSync(read(DIGITS_URL))),
  JSON.parse(read(DIGITS_HEADER_URL).toString()) as DigitsHeader,
).test;
const expected = digitNetForward(weights, {
  data: digitsToFloats(heldOut.images.subarray(0, N * 784)),
  shape: [N, 28, 28, 1],
}).probabilities.data;

for (const backend of ['wasm', 'cpu'] as const) {
  test(`${backend}: the shipped model's probabilities on ${N} held-out digits equal the reference's (1e-4)`, async ({
    page,
  }) => {
    // The harness serves only itself: the site's files are answered from public/ on disk.
    await page.route(`${HARNESS_URL}/site/**`, (route) =>
      route.fulfill({ path: publicFile(new URL(route.request().url()).pathname.slice('/site/'.length)) }),
    );
    expect(await openHarness(page, backend), `the ${backend} backend starts in this Chromium`).toBeNull();
    const run = await page.evaluate(
      ([model, digits, header, n]) => window.harness.shippedDigitModel(model, digits, header, n),
      [
        `${HARNESS_URL}/site/${DIGIT_MODEL_URL}`,
        `${HARNESS_URL}/site/${DIGITS_URL}`,
        `${HARNESS_URL}/site/${DIGITS_HEADER_URL}`,
        N,
      ] as const,
    );
    expect(run.backend, 'the backend that predicted').toBe(backend);
    expect(run.probabilities, `${N} rows of 10 probabilities`).toHaveLength(N * 10);
    let worst = 0;
    let worstAt = -1;
    run.probabilities.forEach((p, i) => {
      const d = Math.abs(p - (expected[i] as number));
      if (d > worst) [worst, worstAt] = [d, i];
    });
    expect(
      worst,
      `largest difference (digit ${Math.floor(worstAt / 10)}, class ${worstAt % 10})`,
    ).toBeLessThanOrEqual(1e-4);
    expect(
      argmaxRows({ data: Float32Array.from(run.probabilities), shape: [N, 10] }),
      `the same digit is predicted for all ${N}`,
    ).toEqual(argmaxRows({ data: expected, shape: [N, 10] }));
    expect(run.tensorsAfter, 'predicting and disposing leaves no tensor behind').toBe(run.tensorsBefore);
  });
}
