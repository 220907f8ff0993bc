// npm run bench -- digits-to97 [optimizer:rate:batch[:seed] …]: how many training examples the
// digit network needs, from seeded random weights, before it first gets ≥ 97% of the 1,000
// held-out digits right, and how long that takes here. A report, not a test.
//
// It replays the demo's worker in Node on WebAssembly: the same model (src/compute/tf/digit-model.ts),
// the same seeded weights and the same seeded order of the training digits each epoch. Held-out
// accuracy is measured every 500 examples (that time is not counted as training): the examples
// column does not depend on the machine. Without arguments: the demo's defaults (DEFAULT_SETTINGS:
// SGD) and Adam at the rate the demo gives it (DEFAULT_RATE).
//
// The last column estimates the demo's wall-clock time on this machine: training at the measured
// rate up to the first of the demo's own held-out checks (every EVALUATE_EVERY examples) that finds
// ≥ 97%, plus every held-out pass until then, each at the measured cost of one pass.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import {
  DIGIT_PIXELS,
  digitBatch,
  digitsRight,
  parseDigits,
  type DigitSplit,
  type DigitsHeader,
} from '../src/compute/digits.ts';
import { mulberry32, shuffled } from '../src/compute/seeded.ts';
import { DigitModel, type DigitOptimizer } from '../src/compute/tf/digit-model.ts';
import { registerWasmConvGradient } from '../src/compute/tf/wasm-conv-grad.ts';
import { DEFAULT_RATE, DEFAULT_SETTINGS, EVALUATE_EVERY } from '../src/islands/digit-network/defaults.ts';
import { table } from './bench-digits.ts';

const TARGET = 0.97;
const CHECK_EVERY = 500;
const CAP = 60_000;

interface Setting {
  optimizer: DigitOptimizer;
  learningRate: number;
  batchSize: number;
  seed: number;
}

function settingsFrom(args: string[]): Setting[] {
  const given = args.filter((a) => /^(sgd|adam):/.test(a));
  if (given.length === 0) {
    const { learningRate, batchSize, seed } = DEFAULT_SETTINGS;
    return [
      { optimizer: 'sgd', learningRate, batchSize, seed },
      { optimizer: 'adam', learningRate: DEFAULT_RATE.adam, batchSize, seed },
    ];
  }
  return given.map((a) => {
    const [optimizer, rate, batch, seed] = a.split(':');
    return {
      optimizer: optimizer as DigitOptimizer,
      learningRate: Number(rate),
      batchSize: Number(batch ?? 32),
      seed: Number(seed ?? 1),
    };
  });
}

/** Share of the held-out digits classified right, in chunks of 250 as the worker does. */
async function accuracy(model: DigitModel, test: ReturnType<typeof digitBatch>): Promise<number> {
  let right = 0;
  const n = test.labels.length;
  for (let start = 0; start < n; start += 250) {
    const count = Math.min(250, n - start);
    const p = await model.predict(test.images.subarray(start * DIGIT_PIXELS, (start + count) * DIGIT_PIXELS));
    right += digitsRight(p, test.labels.subarray(start, start + count));
  }
  return right / n;
}

async function run(s: Setting, train: DigitSplit, test: ReturnType<typeof digitBatch>) {
  const model = new DigitModel({ seed: s.seed, optimizer: s.optimizer, learningRate: s.learningRate });
  const evalTimes: number[] = [];
  let examples = 0;
  let trainMs = 0;
  let first: number | null = null;
  // The demo checks after every EVALUATE_EVERY examples: the first such check at or past 97%.
  const demoCheckAt = (c: { examples: number }) => c.examples % EVALUATE_EVERY < CHECK_EVERY;
  let demoCheck: { examples: number; accuracy: number } | undefined;
  const done = () => first !== null && demoCheck !== undefined;
  for (let epoch = 1; !done() && examples < CAP; epoch++) {
    const order = shuffled(
      Array.from({ length: train.count }, (_, i) => i),
      mulberry32(s.seed * 1000 + epoch),
    );
    for (let b = 0; b < order.length && !done() && examples < CAP; b += s.batchSize) {
      const { images, labels } = digitBatch(train, order.slice(b, b + s.batchSize));
      const t0 = performance.now();
      await model.trainStep(images, labels);
      trainMs += performance.now() - t0;
      const before = examples;
      examples += labels.length;
      if (Math.floor(examples / CHECK_EVERY) > Math.floor(before / CHECK_EVERY)) {
        const t1 = performance.now();
        const a = await accuracy(model, test);
        evalTimes.push(performance.now() - t1);
        if (a >= TARGET) {
          first ??= examples;
          if (demoCheckAt({ examples })) demoCheck ??= { examples, accuracy: a };
        }
      }
    }
  }
  model.dispose();
  const rate = examples / (trainMs / 1000);
  evalTimes.sort((a, b) => a - b);
  const evalS = (evalTimes[Math.floor(evalTimes.length / 2)] ?? NaN) / 1000;
  const demoSeconds =
    demoCheck === undefined
      ? NaN
      : demoCheck.examples / rate + Math.ceil(demoCheck.examples / EVALUATE_EVERY) * evalS;
  return { first, rate, evalS, demoCheck, demoSeconds };
}

export async function benchDigitsTo97(args: string[]): Promise<void> {
  registerWasmConvGradient();
  if (!(await tf.setBackend('wasm')) || tf.getBackend() !== 'wasm')
    throw new Error('bench digits-to97: the WASM backend did not start');
  const header = JSON.parse(readFileSync('public/data/digits/digits.json', 'utf8')) as DigitsHeader;
  const { train, test } = parseDigits(
    new Uint8Array(gunzipSync(readFileSync('public/data/digits/digits.u8.gz'))),
    header,
  );
  const held = digitBatch(
    test,
    Array.from({ length: test.count }, (_, i) => i),
  );
  const loadBefore = loadavg()[0]?.toFixed(2);
  const rows: string[][] = [];
  for (const s of settingsFrom(args)) {
    const r = await run(s, train, held);
    rows.push([
      `${s.optimizer === 'sgd' ? 'SGD' : 'Adam'} η = ${s.learningRate}, batch ${s.batchSize}, seed ${s.seed}`,
      r.first === null ? `not within ${CAP.toLocaleString('en')}` : r.first.toLocaleString('en'),
      r.first === null ? '-' : (r.first / train.count).toFixed(1),
      r.rate.toFixed(0),
      (r.evalS * 1000).toFixed(0),
      r.demoCheck ? r.demoCheck.examples.toLocaleString('en') : '-',
      r.demoSeconds.toFixed(1),
    ]);
  }
  console.log(
    `\nDigit network from seeded random weights to ≥ 97% held out (Node, WebAssembly, one thread; ` +
      `held-out accuracy checked every ${CHECK_EVERY} examples):\n`,
  );
  table(
    [
      'setting',
      'examples to 97%',
      'epochs',
      'training examples/s here',
      'one held-out pass, ms',
      `the demo's check that finds it (every ${EVALUATE_EVERY.toLocaleString('en')})`,
      'estimated demo seconds here',
    ],
    rows,
  );
  console.log(`\nLoad average (1 min) before: ${loadBefore}, after: ${loadavg()[0]?.toFixed(2)} (2 cores).`);
}
