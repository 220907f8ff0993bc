// npm run train:text: trains the text classifier (src/compute/tf/text-cnn-model.ts) in Node on the
// committed subject lines (public/data/text/subjects.json) and writes what the site ships,
// public/data/text/text-cnn.json (src/compute/text-cnn-file.ts): sizes, vocabulary, 8-bit weights,
// each filter's top n-grams over the training subjects, and held-out accuracies of the model (on
// the dequantised weights, by the reference forward pass), the bag-of-words logistic regression
// and the majority class.
//
// Deterministic: vocabulary by counts, weights from a fixed seed, epochs in a seeded order
// (src/compute/text-training.ts), WebAssembly on one thread: a rerun writes the same bytes.
// It prints a table per epoch (training loss, held-out accuracy, seconds since the start) and the
// plateau: the first epoch whose held-out accuracy is within 1 point of the run's best.
//
// Options: --epochs N (default 3), --seed N (1), --batch N (32), --lr X (0.003),
// --backend wasm|cpu (wasm), --no-save.
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { format, resolveConfig } from 'prettier';
import { bagOfWordsAccuracy, majorityBaseline, trainBagOfWords } from '../src/compute/text-baseline.ts';
import {
  textCnnAccuracy,
  textCnnWeightList,
  textCnnWeightsFromList,
  topNgrams,
  type TextCnnConfig,
} from '../src/compute/text-cnn.ts';
import { dequantise, quantise, type TextModelFile } from '../src/compute/text-cnn-file.ts';
import { parseSubjects } from '../src/compute/text-data.ts';
import { accuracyOf, encodeSet, epochBatches, labelledRows } from '../src/compute/text-training.ts';
import { buildVocabulary } from '../src/compute/text-words.ts';
import { TextCnnModel } from '../src/compute/tf/text-cnn-model.ts';
import { registerWasmTrainingKernels } from '../src/compute/tf/wasm-segment-sum.ts';

const OUT = 'public/data/text/text-cnn.json';
/** The model's sizes: small enough to train to its plateau in well under a minute on 2 cores. */
export const TEXT_CNN_SIZES = { length: 20, embedding: 16, widths: [2, 3, 4], filters: 8 } as const;
const VOCAB = 2000;

const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '32' },
    lr: { type: 'string', default: '0.003' },
    backend: { type: 'string', default: 'wasm' },
    'no-save': { type: 'boolean', default: false },
  },
});
const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const batch = Number(opts.batch);
const learningRate = Number(opts.lr);
const backend = opts.backend as 'wasm' | 'cpu';

const subjects = parseSubjects(JSON.parse(readFileSync('public/data/text/subjects.json', 'utf8')));
const vocab = buildVocabulary(
  subjects.train.map((r) => r[0]),
  VOCAB,
);
const config: TextCnnConfig = {
  ...TEXT_CNN_SIZES,
  widths: [...TEXT_CNN_SIZES.widths],
  vocabSize: vocab.tokens.length,
};
const train = encodeSet(subjects.train, vocab, config.length);
const test = encodeSet(subjects.test, vocab, config.length);
const trainRows = labelledRows(train, config.length);
const testRows = labelledRows(test, config.length);

const majority = majorityBaseline(trainRows, testRows);
const bow = trainBagOfWords(trainRows, config.vocabSize, { steps: 1000 });
const bowAccuracy = bagOfWordsAccuracy(bow, testRows);
console.log(
  `${train.count} training subjects, ${test.count} held out; vocabulary ${config.vocabSize} (with <pad>, <unk>)\n` +
    `majority class (${majority.label === 1 ? 'spam' : 'ham'}): ${(majority.accuracy * 100).toFixed(1)}% held out; ` +
    `bag-of-words logistic regression: ${(bowAccuracy * 100).toFixed(1)}% held out (training ${(bagOfWordsAccuracy(bow, trainRows) * 100).toFixed(1)}%)\n`,
);

if (backend === 'wasm') registerWasmTrainingKernels();
if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend)
  throw new Error(`train-text: backend ${backend} did not start`);

const model = new TextCnnModel(config, { seed, learningRate });
console.log(
  `Training on ${tf.getBackend()}: length ${config.length}, embedding ${config.embedding}, widths ${config.widths}, ${config.filters} filters each; seed ${seed}, batch ${batch}, Adam η = ${learningRate}\n`,
);
console.log('| epoch | training loss | held-out accuracy | seconds since start |');
console.log('| ----: | ------------: | ----------------: | ------------------: |');
const heldOut = async () => accuracyOf(await model.predict(test.ids), test.labels);
const history: { epoch: number; accuracy: number; seconds: number }[] = [];
console.log(`| 0 | – | ${((await heldOut()) * 100).toFixed(1)}% | 0 |`);
const t0 = performance.now();
for (let epoch = 1; epoch <= epochs; epoch++) {
  let lossSum = 0;
  for (const b of epochBatches(train, config, seed, epoch, batch)) {
    const loss = await model.trainStep(b.ids, b.labels);
    if (!Number.isFinite(loss)) throw new Error(`train-text: the loss became ${loss} in epoch ${epoch}`);
    lossSum += loss * b.labels.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  const accuracy = await heldOut();
  history.push({ epoch, accuracy, seconds });
  console.log(
    `| ${epoch} | ${(lossSum / train.count).toFixed(4)} | ${(accuracy * 100).toFixed(1)}% | ${seconds.toFixed(1)} |`,
  );
}
const best = Math.max(...history.map((h) => h.accuracy));
const plateau = history.find((h) => h.accuracy >= best - 0.01);
console.log(
  `\nplateau: epoch ${plateau?.epoch}, ${plateau?.seconds.toFixed(1)} s from scratch (best held-out ${(best * 100).toFixed(1)}%)`,
);

const weights = textCnnWeightList(await model.getWeights()).map(quantise);
model.dispose();
const shipped = textCnnWeightsFromList(config, weights.map(dequantise));
const accuracy = textCnnAccuracy(config, shipped, testRows);
const ngrams = topNgrams(
  config,
  shipped,
  vocab.tokens,
  trainRows.map((r) => r.ids),
);
console.log(`8-bit weights: held-out accuracy ${(accuracy * 100).toFixed(1)}% (reference forward pass)`);
const file: TextModelFile = {
  format: 'text-cnn-1',
  config,
  seed,
  vocabulary: vocab.tokens,
  weights,
  topNgrams: ngrams.map((list) =>
    list.map((n) => ({ text: n.text, score: Math.round(n.score * 1000) / 1000 })),
  ),
  accuracy: { model: accuracy, bagOfWords: bowAccuracy, majority: majority.accuracy, heldOut: test.count },
  training: { epochs, batch, learningRate },
};
if (!opts['no-save']) {
  const text = await format(JSON.stringify(file), { ...(await resolveConfig(OUT)), parser: 'json' });
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${text.length} bytes`);
}
