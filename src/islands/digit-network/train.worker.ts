/**
 * The training worker: TensorFlow.js (tfjs-layers) trains the digit network here, off the page's
 * main thread, so drawing and scrolling stay smooth while it learns. The island asks for a run of
 * batches lasting about `ms` milliseconds, gets the new weights back, redraws, and asks again: so
 * pausing is simply not asking, and the page never waits on a batch.
 *
 * Backend: WebAssembly (with the kernels it lacks for training), or the plain JavaScript CPU
 * backend if WASM cannot start or the page asked for it (?backend=cpu): compute/tf/training-backend.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  DIGIT_PIXELS,
  digitBatch,
  digitsRight,
  digitsToFloats,
  fetchedDigits,
  parseDigits,
  type DigitSet,
  type DigitsHeader,
} from '../../compute/digits';
import { weightList, weightsFromList } from '../../compute/digit-net-layout';
import { mulberry32, shuffled } from '../../compute/seeded';
import { DigitModel } from '../../compute/tf/digit-model';
import { startTrainingBackend } from '../../compute/tf/training-backend';
import { serveRequests, type Handlers } from '../shared/worker-serve';
import type { Replies, Request, WorkerSettings } from './protocol';
import { overflowed, shownLoss, stillFinite, trainRun } from './train-run';

let model: DigitModel | null = null;
let data: DigitSet | null = null;
let settings: WorkerSettings | null = null;
let order: number[] = [];
let position = 0;
let epoch = 1;
let examples = 0;

async function loadData(digitsUrl: string, headerUrl: string): Promise<DigitSet> {
  const [bytes, header] = await Promise.all([
    fetch(digitsUrl).then(async (r) => {
      if (!r.ok) throw new Error(`the digits (${digitsUrl}) could not be fetched: ${r.status}`);
      return fetchedDigits(new Uint8Array(await r.arrayBuffer()));
    }),
    fetch(headerUrl).then(async (r) => {
      if (!r.ok) throw new Error(`the digits' header (${headerUrl}) could not be fetched: ${r.status}`);
      return (await r.json()) as DigitsHeader;
    }),
  ]);
  return parseDigits(bytes, header);
}

function newEpochOrder(): void {
  const count = data?.train.count ?? 0;
  order = shuffled(
    Array.from({ length: count }, (_, i) => i),
    mulberry32((settings?.seed ?? 1) * 1000 + epoch),
  );
  position = 0;
}

/** The next batch of the epoch's seeded order, as floats 0-1 and labels. */
function nextBatch(): { images: Float32Array; labels: Uint8Array } {
  const set = (data as DigitSet).train;
  const size = settings?.batchSize ?? 32;
  if (position >= order.length) {
    epoch++;
    newEpochOrder();
  }
  const indices = order.slice(position, position + size);
  position += indices.length;
  return digitBatch(set, indices);
}

const need = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`the trainer has no ${what} yet`);
  return v;
};

const weightsNow = async () => weightList(await need(model, 'model').getWeights());

function configure(next: WorkerSettings): void {
  const m = need(model, 'model');
  m.configure({ optimizer: next.optimizer, learningRate: next.learningRate });
  const reorder = settings?.seed !== next.seed;
  settings = next;
  if (reorder) newEpochOrder();
}

const handlers: Handlers<Request, Replies> = {
  async init(r) {
    const chosen = await startTrainingBackend(r.backend);
    data = await loadData(r.digitsUrl, r.headerUrl);
    settings = r.settings;
    model?.dispose();
    model = new DigitModel({
      seed: r.settings.seed,
      optimizer: r.settings.optimizer,
      learningRate: r.settings.learningRate,
    });
    model.setWeights(weightsFromList(r.weights));
    epoch = 1;
    examples = 0;
    newEpochOrder();
    return {
      ...chosen,
      tensors: tf.memory().numTensors,
      trainCount: data.train.count,
      testCount: data.test.count,
    };
  },
  async configure(r) {
    configure(r.settings);
    return { tensors: tf.memory().numTensors };
  },
  async 'set-weights'(r) {
    need(model, 'model').setWeights(weightsFromList(r.weights));
    return { tensors: tf.memory().numTensors };
  },
  async reset(r) {
    const s = need(settings, 'settings');
    model?.dispose();
    settings = { ...s, seed: r.seed };
    model = new DigitModel({ seed: r.seed, optimizer: s.optimizer, learningRate: s.learningRate });
    epoch = 1;
    examples = 0;
    newEpochOrder();
    return { weights: await weightsNow(), tensors: tf.memory().numTensors };
  },
  async train(r) {
    const m = need(model, 'model');
    const start = performance.now();
    const run = await trainRun(m, nextBatch, { ms: r.ms, examplesBefore: examples });
    examples += run.seen;
    const seconds = (performance.now() - start) / 1000;
    return {
      weights: await weightsNow(),
      losses: run.losses,
      examples,
      epoch,
      examplesPerSecond: run.seen / seconds,
      tensors: tf.memory().numTensors,
      ...(run.diverged ? { diverged: run.diverged } : {}),
    };
  },
  async step() {
    const m = need(model, 'model');
    const good = await m.getWeights();
    const before = good.conv1.kernel.data;
    const { images, labels } = nextBatch();
    const result = await m.trainStep(images, labels);
    const { loss, conv1Gradient } = result;
    if (overflowed(result) || !(await stillFinite(m, images))) {
      m.setWeights(good);
      return {
        before,
        gradient: conv1Gradient,
        after: before,
        weights: weightList(good),
        loss,
        examples,
        epoch,
        tensors: tf.memory().numTensors,
        diverged: { loss: shownLoss(loss), examples: examples + labels.length },
      };
    }
    examples += labels.length;
    const weights = await weightsNow();
    return {
      before,
      gradient: conv1Gradient,
      after: weights[0] as Float32Array,
      weights,
      loss,
      examples,
      epoch,
      tensors: tf.memory().numTensors,
    };
  },
  async evaluate() {
    const m = need(model, 'model');
    const test = need(data, 'data').test;
    let right = 0;
    let loss = 0;
    for (let start = 0; start < test.count; start += 250) {
      const n = Math.min(250, test.count - start);
      const images = digitsToFloats(test.images.subarray(start * DIGIT_PIXELS, (start + n) * DIGIT_PIXELS));
      const labels = test.labels.subarray(start, start + n);
      const probs = await m.predict(images);
      right += digitsRight(probs, labels);
      for (let k = 0; k < n; k++) {
        const p = probs[k * 10 + (labels[k] as number)] as number;
        loss -= Math.log(Math.min(Math.max(p, 1e-7), 1 - 1e-7));
      }
    }
    return { accuracy: right / test.count, loss: loss / test.count, tensors: tf.memory().numTensors };
  },
};

serveRequests(handlers);
