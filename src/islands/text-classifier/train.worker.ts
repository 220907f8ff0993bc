/**
 * The text classifier's training worker: TensorFlow.js (tfjs-layers, WebAssembly) trains the text
 * CNN from scratch here, off the main thread, on the same seeded batches as `npm run train:text`
 * (src/compute/text-training.ts). The island asks for runs of about `ms` milliseconds and shows
 * the progress; at the end it asks for the weights, and the worker also finds each filter's top
 * n-grams with src/compute's reference, so the page never does the long loop.
 */
import * as tf from '@tensorflow/tfjs-core';
import { textCnnWeightList, topNgrams, type TextCnnConfig } from '../../compute/text-cnn';
import { parseSubjects } from '../../compute/text-data';
import { accuracyOf, encodeSet, epochBatches, rowIds, type EncodedSet } from '../../compute/text-training';
import { vocabularyOf } from '../../compute/text-words';
import { startTrainingBackend } from '../../compute/tf/training-backend';
import { TextCnnModel } from '../../compute/tf/text-cnn-model';
import { serveRequests, type Handlers } from '../shared/worker-serve';
import type { Replies, Request } from './protocol';

let config: TextCnnConfig | null = null;
let vocabulary: string[] = [];
let train: EncodedSet | null = null;
let test: EncodedSet | null = null;
let model: TextCnnModel | null = null;
let run = { seed: 1, batch: 32, epoch: 1, done: 0, seconds: 0 };
let batches: Iterator<{ ids: Int32Array; labels: Uint8Array }> | null = null;

const need = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`the trainer has no ${what} yet`);
  return v;
};

function startEpoch(): void {
  batches = epochBatches(need(train, 'data'), need(config, 'model'), run.seed, run.epoch, run.batch);
  run.done = 0;
}

const handlers: Handlers<Request, Replies> = {
  async init(r) {
    const chosen = await startTrainingBackend(r.backend);
    const response = await fetch(r.subjectsUrl);
    if (!response.ok)
      throw new Error(`the subjects (${r.subjectsUrl}) could not be fetched: ${response.status}`);
    const subjects = parseSubjects(await response.json());
    config = r.config;
    vocabulary = r.vocabulary;
    const vocab = vocabularyOf(vocabulary);
    train = encodeSet(subjects.train, vocab, config.length);
    test = encodeSet(subjects.test, vocab, config.length);
    return { ...chosen, trainCount: train.count, testCount: test.count };
  },
  async reset(r) {
    model?.dispose();
    model = new TextCnnModel(need(config, 'model'), { seed: r.seed, learningRate: r.learningRate });
    run = { seed: r.seed, batch: r.batch, epoch: 1, done: 0, seconds: 0 };
    startEpoch();
    return { tensors: tf.memory().numTensors };
  },
  async run(r) {
    const m = need(model, 'model');
    const set = need(train, 'data');
    const start = performance.now();
    const epoch = run.epoch;
    let sum = 0;
    let count = 0;
    let accuracy: number | null = null;
    while (performance.now() - start < r.ms) {
      const next = need(batches, 'batches').next();
      if (next.done) {
        const heldOut = need(test, 'data');
        accuracy = accuracyOf(await m.predict(heldOut.ids), heldOut.labels);
        run.epoch++;
        startEpoch();
        break;
      }
      const loss = await m.trainStep(next.value.ids, next.value.labels);
      if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss} in epoch ${epoch}`);
      sum += loss;
      count++;
      run.done++;
    }
    run.seconds += (performance.now() - start) / 1000;
    return {
      epoch,
      batch: accuracy === null ? run.done : Math.ceil(set.count / run.batch),
      batches: Math.ceil(set.count / run.batch),
      loss: count > 0 ? sum / count : Number.NaN,
      accuracy,
      seconds: run.seconds,
      tensors: tf.memory().numTensors,
    };
  },
  async result() {
    const m = need(model, 'model');
    const c = need(config, 'model');
    const weights = await m.getWeights();
    const set = need(train, 'data');
    const heldOut = need(test, 'data');
    const corpus = Array.from({ length: set.count }, (_, i) => rowIds(set, c.length, i));
    return {
      weights: textCnnWeightList(weights),
      topNgrams: topNgrams(c, weights, vocabulary, corpus),
      accuracy: accuracyOf(await m.predict(heldOut.ids), heldOut.labels),
      tensors: tf.memory().numTensors,
    };
  },
};

serveRequests(handlers);
