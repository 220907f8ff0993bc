// npm run train:digits: trains the digit network (src/compute/tf/digit-model.ts) in Node on the
// committed digits (public/data/digits/) and writes the pretrained weights the site ships, in
// TensorFlow.js's layers format, to public/models/digit-network/ (model.json + weights.bin):
// served at /models/digit-network/model.json (DIGIT_MODEL_URL in src/compute/digit-weights-file.ts).
//
// Deterministic: the weights start from a fixed seed, every epoch visits the training digits in a
// seeded order (mulberry32(seed · 1000 + epoch)), and the WebAssembly backend runs on one thread,
// so a rerun writes the same bytes (the script prints their sha256; compare two runs).
// It prints a table of held-out accuracy per epoch, and the training throughput (examples/s at
// batch 32) on the WebAssembly and CPU backends in Node.
//
// Options: --epochs N (default 8), --seed N (1), --batch N (32), --optimizer adam|sgd (adam),
// --lr X (0.003 for adam, 0.05 for sgd), --backend wasm|cpu (wasm), --no-save, --no-bench.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as prettier from 'prettier';
import {
  digitBatch,
  digitsRight,
  parseDigits,
  type DigitSplit,
  type DigitsHeader,
} from '../src/compute/digits.ts';
import { mulberry32, shuffled } from '../src/compute/seeded.ts';
import { DigitModel, type DigitOptimizer } from '../src/compute/tf/digit-model.ts';
import { registerWasmConvGradient } from '../src/compute/tf/wasm-conv-grad.ts';

const OUT_DIR = 'public/models/digit-network';
const WEIGHTS_FILE = 'weights.bin';

const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '32' },
    optimizer: { type: 'string', default: 'adam' },
    lr: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
    'no-save': { type: 'boolean', default: false },
    'no-bench': { type: 'boolean', default: false },
  },
});
const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const batchSize = Number(opts.batch);
const optimizer = opts.optimizer as DigitOptimizer;
const learningRate = opts.lr === undefined ? undefined : Number(opts.lr);
const backend = opts.backend as 'wasm' | 'cpu';

/** Share of a split the model classifies right, and its mean loss. */
async function evaluate(model: DigitModel, split: DigitSplit): Promise<{ accuracy: number; loss: number }> {
  let right = 0;
  let loss = 0;
  for (let start = 0; start < split.count; start += 250) {
    const indices = Array.from({ length: Math.min(250, split.count - start) }, (_, k) => start + k);
    const { images, labels } = digitBatch(split, indices);
    right += digitsRight(await model.predict(images), labels);
    loss += (await model.loss(images, labels)) * indices.length;
  }
  return { accuracy: right / split.count, loss: loss / split.count };
}

async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
  if (name === 'wasm') registerWasmConvGradient();
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name)
    throw new Error(`train-digits: backend ${name} did not start`);
}

/** Examples per second of training steps at batch 32, for about `seconds` (after one warm-up step). */
async function throughput(name: 'wasm' | 'cpu', train: DigitSplit, seconds: number): Promise<number> {
  await useBackend(name);
  const model = new DigitModel({ seed, optimizer });
  const { images, labels } = digitBatch(
    train,
    Array.from({ length: 32 }, (_, i) => i),
  );
  await model.trainStep(images, labels);
  let steps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await model.trainStep(images, labels);
    steps++;
  }
  const rate = (steps * 32) / ((performance.now() - t0) / 1000);
  model.dispose();
  return rate;
}

async function save(model: DigitModel): Promise<string> {
  let bin = new Uint8Array();
  let json = '';
  await model.model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      bin = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const modelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
      };
      json = await prettier.format(JSON.stringify(modelJson), { parser: 'json' });
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'model.json'), json);
  writeFileSync(join(OUT_DIR, WEIGHTS_FILE), bin);
  console.log(
    `\nwrote ${OUT_DIR}/model.json (${json.length} bytes) and ${WEIGHTS_FILE} (${bin.length} bytes, sha256 ${createHash('sha256').update(bin).digest('hex').slice(0, 16)}…)`,
  );
  return json;
}

async function main(): Promise<void> {
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  const digits = parseDigits(
    new Uint8Array(gunzipSync(readFileSync('public/data/digits/digits.u8.gz'))),
    header,
  );
  const { train, test } = digits;

  await useBackend(backend);
  const model = new DigitModel({ seed, optimizer, ...(learningRate === undefined ? {} : { learningRate }) });
  console.log(
    `Training the digit network on ${tf.getBackend()} in Node: ${train.count} digits, ${test.count} held out; ` +
      `seed ${seed}, batch ${batchSize}, ${model.optimizerName} η = ${model.learningRate}\n`,
  );
  console.log('| epoch | training loss | held-out loss | held-out accuracy | seconds | examples/s |');
  console.log('| ----: | ------------: | ------------: | ----------------: | ------: | ---------: |');
  const start = await evaluate(model, test);
  console.log(`| 0 | – | ${start.loss.toFixed(4)} | ${(start.accuracy * 100).toFixed(1)}% | – | – |`);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = shuffled(
      Array.from({ length: train.count }, (_, i) => i),
      mulberry32(seed * 1000 + epoch),
    );
    const t0 = performance.now();
    let lossSum = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      const { images, labels } = digitBatch(train, order.slice(b, b + batchSize));
      const { loss } = await model.trainStep(images, labels);
      if (!Number.isFinite(loss)) throw new Error(`train-digits: the loss became ${loss} in epoch ${epoch}`);
      lossSum += loss * labels.length;
    }
    const seconds = (performance.now() - t0) / 1000;
    const held = await evaluate(model, test);
    console.log(
      `| ${epoch} | ${(lossSum / train.count).toFixed(4)} | ${held.loss.toFixed(4)} | ${(held.accuracy * 100).toFixed(1)}% | ${seconds.toFixed(1)} | ${(train.count / seconds).toFixed(0)} |`,
    );
  }
  const final = await evaluate(model, test);
  const trainAcc = await evaluate(model, train);
  console.log(
    `\nheld-out accuracy ${(final.accuracy * 100).toFixed(1)}% (${Math.round(final.accuracy * test.count)} of ${test.count}), training accuracy ${(trainAcc.accuracy * 100).toFixed(1)}%`,
  );
  if (!opts['no-save']) await save(model);
  model.dispose();

  if (!opts['no-bench']) {
    console.log('\nTraining throughput in Node (one step = forward, backward and update; batch 32):\n');
    console.log('| backend | examples/s | ms per example |');
    console.log('| ------- | ---------: | -------------: |');
    for (const name of ['wasm', 'cpu'] as const) {
      const rate = await throughput(name, train, name === 'cpu' ? 10 : 5);
      console.log(`| ${name} | ${rate.toFixed(0)} | ${(1000 / rate).toFixed(2)} |`);
    }
    console.log('| ConvNetJS MNIST demo (published: ~5 ms per example, forward and backward) | ~200 | ~5 |');
  }
}

await main();
