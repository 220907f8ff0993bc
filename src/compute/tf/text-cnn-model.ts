/**
 * The text classifier (src/compute/text-cnn.ts) as a TensorFlow.js layers model: embedding →
 * conv1d per width (ReLU) → globalMaxPooling1d → concatenate → dense softmax. The same weight
 * arrays as the reference (model.getWeights() order is textCnnShapes order), so the two can be
 * compared number for number.
 *
 * - Seeded: the embedding starts uniform in ±0.05 with the seed, each kernel glorot-uniform with
 *   seed + 1, seed + 2, …; biases start at 0.
 * - The tensor ledger: every method runs inside tf.tidy and returns plain arrays; the model's
 *   weights and the optimiser's slots are the only tensors it keeps, dispose() frees them.
 * - Loss: mean categorical cross-entropy, probabilities clipped to [1e-7, 1 − 1e-7]; Adam.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  TEXT_CNN_CLASSES,
  textCnnShapes,
  textCnnWeightList,
  textCnnWeightsFromList,
  type TextCnnConfig,
  type TextCnnWeights,
} from '../text-cnn.ts';
import { meanCrossEntropy, readWeights, writeWeights } from './layers-weights.ts';

export interface TextCnnModelOptions {
  readonly seed?: number;
  /** Adam's step size. Default 0.01. */
  readonly learningRate?: number;
}

export function buildTextCnn(c: TextCnnConfig, seed = 1): tfl.LayersModel {
  const input = tfl.input({ shape: [c.length], dtype: 'int32', name: 'words' });
  const embedded = tfl.layers
    .embedding({
      name: 'embedding',
      inputDim: c.vocabSize,
      outputDim: c.embedding,
      inputLength: c.length,
      embeddingsInitializer: tfl.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
    })
    .apply(input) as tfl.SymbolicTensor;
  const pooled = c.widths.map((width, g) => {
    const conv = tfl.layers
      .conv1d({
        name: `conv${width}`,
        filters: c.filters,
        kernelSize: width,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 + g }),
        biasInitializer: 'zeros',
      })
      .apply(embedded) as tfl.SymbolicTensor;
    return tfl.layers.globalMaxPooling1d({ name: `pool${width}` }).apply(conv) as tfl.SymbolicTensor;
  });
  const joined =
    pooled.length === 1
      ? (pooled[0] as tfl.SymbolicTensor)
      : (tfl.layers.concatenate({ name: 'features' }).apply(pooled) as tfl.SymbolicTensor);
  const output = tfl.layers
    .dense({
      name: 'dense',
      units: TEXT_CNN_CLASSES,
      activation: 'softmax',
      kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 + c.widths.length }),
      biasInitializer: 'zeros',
    })
    .apply(joined) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: output });
}

export class TextCnnModel {
  readonly config: TextCnnConfig;
  readonly model: tfl.LayersModel;
  private readonly optimizer: tf.Optimizer;

  constructor(config: TextCnnConfig, options: TextCnnModelOptions = {}) {
    this.config = config;
    this.model = buildTextCnn(config, options.seed ?? 1);
    this.optimizer = tf.train.adam(options.learningRate ?? 0.01);
    const shapes = this.model.getWeights().map((t) => t.shape.join('×'));
    const expected = textCnnShapes(config).map((s) => s.join('×'));
    if (shapes.join() !== expected.join())
      throw new Error(`TextCnnModel: weights [${shapes}] are not in the order [${expected}]`);
  }

  private batch(ids: ArrayLike<number>): { x: tf.Tensor2D; n: number } {
    const n = ids.length / this.config.length;
    if (!Number.isInteger(n) || n < 1)
      throw new Error(
        `TextCnnModel: ids must be n × ${this.config.length} values (n ≥ 1), got ${ids.length}`,
      );
    return { x: tf.tensor2d(Int32Array.from(ids), [n, this.config.length], 'int32'), n };
  }

  async getWeights(): Promise<TextCnnWeights> {
    return textCnnWeightsFromList(this.config, await readWeights(this.model));
  }

  setWeights(weights: TextCnnWeights): void {
    writeWeights(this.model, textCnnWeightList(weights));
  }

  /** [n, 2] probabilities (ham, spam) for n subjects of `length` ids each. */
  async predict(ids: ArrayLike<number>): Promise<Float32Array> {
    const p = tf.tidy(() => this.model.predict(this.batch(ids).x) as tf.Tensor);
    try {
      return (await p.data()) as Float32Array;
    } finally {
      p.dispose();
    }
  }

  /** One Adam step on a batch; returns its mean loss before the update. */
  async trainStep(ids: ArrayLike<number>, labels: ArrayLike<number>): Promise<number> {
    const vars = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const loss = tf.tidy(() => {
      const { x, n } = this.batch(ids);
      if (labels.length !== n) throw new Error(`TextCnnModel: ${labels.length} labels for ${n} subjects`);
      const { value, grads } = tf.variableGrads(
        () =>
          meanCrossEntropy(this.model.apply(x, { training: true }) as tf.Tensor2D, labels, TEXT_CNN_CLASSES),
        vars,
      );
      this.optimizer.applyGradients(grads);
      return value;
    });
    try {
      return (await loss.data())[0] as number;
    } finally {
      loss.dispose();
    }
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }
}
