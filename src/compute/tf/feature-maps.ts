/**
 * The feature-maps demo's engine: one convolutional layer on TensorFlow.js, the same stages as
 * src/compute/feature-maps.ts (the reference it is tested against). One conv2d call for the whole
 * bank (weights stacked [k, k, C, F], 'valid' padding), the biases added, ReLU, then pooling, in
 * one tf.tidy. The picture and the weights stay on the backend between edits: a kernel or bias edit
 * uploads only the bank, a pooling or ReLU change uploads nothing. Results come back as plain
 * typed arrays (NHWC, batch 1); the engine owns at most three tensors (picture, weights, biases)
 * until dispose(), so tf.memory().numTensors is unchanged after every run.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bankBiases, bankWeights, CONV_PADDING, layerProblem, type LayerSpec } from '../feature-maps';
import type { Tensor4 } from '../types';

export interface LayerMaps {
  readonly input: Tensor4;
  readonly conv: Tensor4;
  readonly relu: Tensor4;
  readonly pool: Tensor4;
}

const shape4 = (t: tf.Tensor): [number, number, number, number] => {
  const [n = 1, h = 1, w = 1, c = 1] = t.shape;
  return [n, h, w, c];
};

export class FeatureMapEngine {
  #input: { tensor: tf.Tensor4D; values: Tensor4 } | null = null;
  #bank: { key: string; weights: tf.Tensor4D; biases: tf.Tensor1D } | null = null;

  /** Replaces the picture: H×W×C floats (C = 1 grey, or 3); the previous tensor is disposed. */
  setInput(values: Float32Array, height: number, width: number, channels: number): void {
    if (values.length !== height * width * channels) {
      throw new Error(
        `FeatureMapEngine.setInput: ${width}×${height}×${channels} needs ${height * width * channels} values, got ${values.length}`,
      );
    }
    const tensor = tf.tensor4d(values, [1, height, width, channels], 'float32');
    this.#input?.tensor.dispose();
    if (this.#input?.values.shape[3] !== channels) this.#disposeBank();
    this.#input = { tensor, values: { data: values, shape: [1, height, width, channels] } };
  }

  /** Every stage for the current picture; throws a sentence (layerProblem) when the layer cannot run. */
  async run(spec: LayerSpec): Promise<LayerMaps> {
    const input = this.#input;
    if (input === null) throw new Error('FeatureMapEngine.run: no picture has been set');
    const [, h, w, channels] = input.values.shape;
    const problem = layerProblem(spec, h, w);
    if (problem !== null) throw new Error(`featureMaps: ${problem}`);
    const { weights, biases } = this.#bankFor(spec, channels);
    const { mode, size, stride } = spec.pool;
    const [conv, rectified, pooled] = tf.tidy(() => {
      const c = tf.add(tf.conv2d(input.tensor, weights, 1, CONV_PADDING), biases) as tf.Tensor4D;
      const r = spec.relu ? tf.relu(c) : c;
      const p = (mode === 'max' ? tf.maxPool : tf.avgPool)(r, size, stride, 'valid');
      // Without ReLU the stage is the convolution itself: one tensor returned twice is kept once.
      return [c, r, p];
    });
    const owned = [...new Set([conv, rectified, pooled])];
    try {
      const [convData, reluData, poolData] = await Promise.all(
        [conv, rectified, pooled].map(async (t) => (await t.data()) as Float32Array),
      );
      return {
        input: input.values,
        conv: { data: convData as Float32Array, shape: shape4(conv) },
        relu: {
          data: rectified === conv ? (reluData as Float32Array).slice() : (reluData as Float32Array),
          shape: shape4(rectified),
        },
        pool: { data: poolData as Float32Array, shape: shape4(pooled) },
      };
    } finally {
      owned.forEach((t) => t.dispose());
    }
  }

  #bankFor(spec: LayerSpec, channels: number) {
    const key = `${spec.size}/${channels}/${spec.filters.map((f) => `${f.values.join(',')};${f.bias}`).join('|')}`;
    if (this.#bank?.key !== key) {
      this.#disposeBank();
      const f = spec.filters.length;
      this.#bank = {
        key,
        weights: tf.tensor4d(bankWeights(spec, channels), [spec.size, spec.size, channels, f], 'float32'),
        biases: tf.tensor1d(bankBiases(spec), 'float32'),
      };
    }
    return this.#bank;
  }

  #disposeBank(): void {
    this.#bank?.weights.dispose();
    this.#bank?.biases.dispose();
    this.#bank = null;
  }

  /** Frees the picture and the bank. */
  dispose(): void {
    this.#input?.tensor.dispose();
    this.#input = null;
    this.#disposeBank();
  }
}
