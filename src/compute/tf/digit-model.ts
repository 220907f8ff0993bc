/**
 * The digit network (src/compute/digit-net-layout.ts) as a TensorFlow.js layers model: the same
 * architecture, the same weight arrays, so its outputs can be checked against the reference
 * (src/compute/digit-net.ts) number for number.
 *
 * - Seeded: kernels start glorot-uniform with seeds seed, seed + 1, seed + 2; biases start at 0.
 *   The same seed on the same backend gives the same weights, and (with the same batches) the
 *   same run.
 * - The tensor ledger: every method builds its tensors inside tf.tidy and returns plain arrays
 *   (async data()), so tf.memory().numTensors is where it was after each call. The model's own
 *   weights (and an optimiser's slots, made on its first step) are the only tensors it keeps;
 *   dispose() frees them.
 * - Loss: mean categorical cross-entropy on the softmax output, probabilities clipped to
 *   [1e-7, 1 − 1e-7] (reference: crossEntropy).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  DIGIT_NET,
  weightList,
  weightsFromList,
  type DigitWeights,
  type Tensor2,
} from '../digit-net-layout.ts';
import type { Tensor4 } from '../types.ts';
import { meanCrossEntropy, readWeights, writeWeights } from './layers-weights.ts';

export type DigitOptimizer = 'sgd' | 'adam';

export interface DigitModelOptions {
  /** Seed of the initial weights. Default 1. */
  readonly seed?: number;
  /** Step size η. Default 0.05 for SGD, 0.003 for Adam. */
  readonly learningRate?: number;
  /** 'sgd' (w ← w − η·g, the update the demo writes out) or 'adam' (Kingma & Ba 2015). Default 'sgd'. */
  readonly optimizer?: DigitOptimizer;
}

/** What one training step reports. */
export interface StepResult {
  /** Mean cross-entropy of the batch before the update. */
  readonly loss: number;
  /** The gradient of that loss for the first layer's kernel, HWIO [3, 3, 1, 8], before the update. */
  readonly conv1Gradient: Float32Array;
  /**
   * Whether the batch's probabilities and every weight after the update are finite numbers. The
   * loss alone cannot tell: on the WASM backend ReLU and the probability clip turn NaN into
   * numbers, so a network that overflowed reports a finite loss (about 2.30 with NaN weights).
   */
  readonly finite: boolean;
}

/** The intermediate stages the live figure draws, as the model computes them. */
export interface ModelStages {
  /** conv1 + bias, then ReLU: [n, 26, 26, 8]. */
  readonly relu1: Tensor4;
  readonly pool1: Tensor4;
  /** conv2 + bias, then ReLU: [n, 11, 11, 16]. */
  readonly relu2: Tensor4;
  readonly pool2: Tensor4;
  readonly probabilities: Tensor2;
}

function checkRate(rate: number): number {
  if (!(Number.isFinite(rate) && rate > 0 && rate <= 10)) {
    throw new Error(`DigitModel: the learning rate must be a number above 0 and at most 10, got ${rate}`);
  }
  return rate;
}

/** The layers model, seeded. Layer names are fixed: conv1, pool1, conv2, pool2, flatten, dense. */
export function buildDigitModel(seed = 1): tfl.Sequential {
  const { inputSize, kernelSize, filters1, filters2, poolSize, padding, classes } = DIGIT_NET;
  const init = (offset: number) => tfl.initializers.glorotUniform({ seed: seed + offset });
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        name: 'conv1',
        inputShape: [inputSize, inputSize, 1],
        filters: filters1,
        kernelSize,
        padding,
        activation: 'relu',
        kernelInitializer: init(0),
        biasInitializer: 'zeros',
      }),
      tfl.layers.maxPooling2d({ name: 'pool1', poolSize, padding }),
      tfl.layers.conv2d({
        name: 'conv2',
        filters: filters2,
        kernelSize,
        padding,
        activation: 'relu',
        kernelInitializer: init(1),
        biasInitializer: 'zeros',
      }),
      tfl.layers.maxPooling2d({ name: 'pool2', poolSize, padding }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({
        name: 'dense',
        units: classes,
        activation: 'softmax',
        kernelInitializer: init(2),
        biasInitializer: 'zeros',
      }),
    ],
  });
}

function checkBatch(op: string, images: ArrayLike<number>, labels?: ArrayLike<number>): number {
  const pixels = DIGIT_NET.inputSize * DIGIT_NET.inputSize;
  const n = images.length / pixels;
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${op}: images must be n × ${pixels} values (n ≥ 1), got ${images.length}`);
  }
  if (labels !== undefined) {
    if (labels.length !== n) throw new Error(`${op}: ${labels.length} labels for ${n} images`);
    for (let i = 0; i < n; i++) {
      const l = labels[i] as number;
      if (!Number.isInteger(l) || l < 0 || l >= DIGIT_NET.classes) {
        throw new Error(`${op}: label ${i} is ${l}, not a digit 0-9`);
      }
    }
  }
  return n;
}

async function take4(t: tf.Tensor): Promise<Tensor4> {
  const [n = 1, h = 1, w = 1, c = 1] = t.shape;
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return { data, shape: [n, h, w, c] };
}

export class DigitModel {
  readonly seed: number;
  readonly model: tfl.Sequential;
  private optimizerKind: DigitOptimizer;
  private rate: number;
  private optimizer: tf.Optimizer;
  /** conv1 + ReLU, pool1, conv2 + ReLU, pool2, softmax: the same layers, several outputs. */
  private readonly staged: tfl.LayersModel;

  constructor(options: DigitModelOptions = {}) {
    this.seed = options.seed ?? 1;
    this.optimizerKind = options.optimizer ?? 'sgd';
    this.rate = checkRate(options.learningRate ?? (this.optimizerKind === 'sgd' ? 0.05 : 0.003));
    this.model = buildDigitModel(this.seed);
    this.optimizer = this.makeOptimizer();
    const outputs = ['conv1', 'pool1', 'conv2', 'pool2', 'dense'].map(
      (name) => this.model.getLayer(name).output as tfl.SymbolicTensor,
    );
    this.staged = tfl.model({ inputs: this.model.inputs, outputs });
  }

  get optimizerName(): DigitOptimizer {
    return this.optimizerKind;
  }

  get learningRate(): number {
    return this.rate;
  }

  /**
   * A new optimiser or step size from the next step on (the weights stay). Adam's running
   * averages start afresh; a rate outside (0, 10] throws and changes nothing.
   */
  configure(options: { optimizer?: DigitOptimizer; learningRate?: number }): void {
    const rate = checkRate(options.learningRate ?? this.rate);
    const kind = options.optimizer ?? this.optimizerKind;
    if (kind === this.optimizerKind && rate === this.rate) return;
    this.optimizerKind = kind;
    this.rate = rate;
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): tf.Optimizer {
    return this.optimizerKind === 'sgd' ? tf.train.sgd(this.rate) : tf.train.adam(this.rate);
  }

  /** The trainable variables in model.getWeights() order (conv1 kernel, bias, conv2 …, dense …). */
  private variables(): tf.Variable[] {
    // LayerVariable.read() is typed as a Tensor but returns the tf.Variable that holds the weight.
    return this.model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  /** Every weight as plain arrays (copies). */
  async getWeights(): Promise<DigitWeights> {
    return weightsFromList(await readWeights(this.model));
  }

  /** Replaces every weight (shapes checked); the optimiser starts afresh. */
  setWeights(weights: DigitWeights): void {
    writeWeights(this.model, weightList(weightsFromList(weightList(weights))));
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
  }

  private input(images: ArrayLike<number>, n: number): tf.Tensor4D {
    const s = DIGIT_NET.inputSize;
    return tf.tensor4d(images as Float32Array, [n, s, s, 1], 'float32');
  }

  private lossOf(x: tf.Tensor4D, labels: ArrayLike<number>, keep?: (p: tf.Tensor2D) => void): tf.Scalar {
    const p = this.model.apply(x, { training: true }) as tf.Tensor2D;
    keep?.(p);
    return meanCrossEntropy(p, labels, DIGIT_NET.classes);
  }

  /** Probabilities [n, 10] for n images of 784 values 0-1 each. */
  async predict(images: ArrayLike<number>): Promise<Float32Array> {
    const n = checkBatch('predict', images);
    const p = tf.tidy(() => this.model.predict(this.input(images, n)) as tf.Tensor);
    const data = (await p.data()) as Float32Array;
    p.dispose();
    return data;
  }

  /** The feature maps after each layer and the probabilities, for the live figure. */
  async stages(images: ArrayLike<number>): Promise<ModelStages> {
    const n = checkBatch('stages', images);
    const out = tf.tidy(() => this.staged.predict(this.input(images, n)) as tf.Tensor[]);
    const [relu1, pool1, relu2, pool2, probs] = out as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
    ];
    const probabilities = (await probs.data()) as Float32Array;
    probs.dispose();
    return {
      relu1: await take4(relu1),
      pool1: await take4(pool1),
      relu2: await take4(relu2),
      pool2: await take4(pool2),
      probabilities: { data: probabilities, shape: [n, DIGIT_NET.classes] },
    };
  }

  /** Mean cross-entropy of a batch, no update. */
  async loss(images: ArrayLike<number>, labels: ArrayLike<number>): Promise<number> {
    const n = checkBatch('loss', images, labels);
    const t = tf.tidy(() => this.lossOf(this.input(images, n), labels));
    const [value] = await t.data();
    t.dispose();
    return value as number;
  }

  /** The gradient of a batch's mean loss for the first layer's kernel, HWIO [3, 3, 1, 8]; no update. */
  async conv1Gradient(images: ArrayLike<number>, labels: ArrayLike<number>): Promise<Float32Array> {
    const n = checkBatch('conv1Gradient', images, labels);
    const kernel = this.variables()[0] as tf.Variable;
    const g = tf.tidy(() => {
      const x = this.input(images, n);
      const { grads } = tf.variableGrads(() => this.lossOf(x, labels), [kernel]);
      return grads[kernel.name] as tf.Tensor;
    });
    const data = (await g.data()) as Float32Array;
    g.dispose();
    return data;
  }

  /** One step on one batch: loss and gradients, then the optimiser's update of every weight. */
  async trainStep(images: ArrayLike<number>, labels: ArrayLike<number>): Promise<StepResult> {
    const n = checkBatch('trainStep', images, labels);
    const vars = this.variables();
    const kernelName = (vars[0] as tf.Variable).name;
    // x − x is 0 for a finite number and NaN for NaN or ±Infinity; a sum keeps the NaN. Checked:
    // this batch's probabilities (before the update; kept out of variableGrads' own tidy) and
    // every weight after the update.
    let batchCheck: tf.Scalar | undefined;
    const [lossT, gradT] = tf.tidy(() => {
      const x = this.input(images, n);
      const { value, grads } = tf.variableGrads(
        () => this.lossOf(x, labels, (p) => (batchCheck = tf.keep(tf.sum(tf.sub(p, p))))),
        vars,
      );
      const conv1 = tf.clone(grads[kernelName] as tf.Tensor);
      this.optimizer.applyGradients(grads);
      const weightsCheck = vars.map((v) => tf.sum(tf.sub(v, v)));
      const overflow = tf.addN([batchCheck as tf.Scalar, ...weightsCheck]);
      return [tf.stack([value, overflow]), conv1];
    });
    batchCheck?.dispose();
    const [loss, overflow] = await lossT.data();
    const conv1Gradient = (await gradT.data()) as Float32Array;
    lossT.dispose();
    gradT.dispose();
    return { loss: loss as number, conv1Gradient, finite: overflow === 0 };
  }

  /** Frees the weights, the optimiser's slots and the staged view. */
  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }
}
