import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  argmaxRows,
  centreDigit,
  DIGIT_MODEL_URL,
  digitNetForward,
  digitsToFloats,
  gunzip,
  parseDigits,
  weightsFromLayersModel,
  type DigitSet,
  type DigitsHeader,
  type LayersModelJson,
} from '~/compute';
import { maxRelativeError } from '../random';

const dir = `public/${DIGIT_MODEL_URL.replace(/model\.json$/, '')}`;
const json = JSON.parse(readFileSync(`${dir}model.json`, 'utf8')) as LayersModelJson & {
  modelTopology: object;
};
const bin = new Uint8Array(readFileSync(`${dir}weights.bin`));
let digits: DigitSet;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  digits = parseDigits(await gunzip(new Uint8Array(readFileSync('public/data/digits/digits.u8.gz'))), header);
});

describe(`the shipped weights (public/${DIGIT_MODEL_URL})`, () => {
  test('are in the layers format, one weights file, at most 100 KB together', () => {
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]?.paths).toEqual(['weights.bin']);
    expect(statSync(`${dir}model.json`).size + bin.length).toBeLessThanOrEqual(100 * 1024);
  });

  test('read by the reference, classify at least 96% of the 1,000 held-out digits', () => {
    const weights = weightsFromLayersModel(json, bin);
    const input = { data: digitsToFloats(digits.test.images), shape: [1000, 28, 28, 1] as const };
    const predicted = argmaxRows(digitNetForward(weights, input).probabilities);
    const right = predicted.filter((p, i) => p === digits.test.labels[i]).length;
    expect(right / 1000).toBeGreaterThanOrEqual(0.96);
  });

  test("loaded by TensorFlow.js's own loader, predict what the reference predicts (100 digits, 1e-4)", async () => {
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]?.weights as tf.io.WeightsManifestEntry[],
        weightData: bin.slice().buffer,
      }),
    );
    const images = digitsToFloats(digits.test.images.subarray(0, 100 * 784));
    const before = tf.memory().numTensors;
    const p = tf.tidy(() => model.predict(tf.tensor4d(images, [100, 28, 28, 1])) as tf.Tensor);
    const got = (await p.data()) as Float32Array;
    p.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const want = digitNetForward(weightsFromLayersModel(json, bin), {
      data: images,
      shape: [100, 28, 28, 1],
    });
    expect(maxRelativeError(got, want.probabilities.data)).toBeLessThanOrEqual(1e-4);
    model.dispose();
  });

  test('held-out digits redrawn at 4× on a 112×112 pad and centred again are still recognised (the pad path)', () => {
    const weights = weightsFromLayersModel(json, bin);
    const n = 50;
    const pictures = new Float32Array(n * 784);
    for (let i = 0; i < n; i++) {
      const digit = digitsToFloats(digits.test.images.subarray(i * 784, (i + 1) * 784));
      // Each pixel becomes a 4×4 block, as if drawn on a larger pad.
      const pad = Float32Array.from(
        { length: 112 * 112 },
        (_, k) => digit[Math.floor(k / 448) * 28 + Math.floor((k % 112) / 4)] as number,
      );
      pictures.set(centreDigit(pad, 112, 112) as Float32Array, i * 784);
    }
    const predicted = argmaxRows(
      digitNetForward(weights, { data: pictures, shape: [n, 28, 28, 1] }).probabilities,
    );
    const right = predicted.filter((p, i) => p === digits.test.labels[i]).length;
    expect(right).toBeGreaterThanOrEqual(n * 0.94);
  });

  test('a weights file that is too short is refused with a sentence', () => {
    expect(() => weightsFromLayersModel(json, bin.subarray(0, 100))).toThrow(
      'weightsFromLayersModel: conv1/kernel needs bytes 0-288, the file has 100',
    );
  });
});
