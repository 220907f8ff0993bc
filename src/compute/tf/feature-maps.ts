/**
 * The feature-maps demo's engine: one convolutional layer on TensorFlow.js, the same stages as
 * src/compute/feature-maps.ts (the reference it is tested against). One conv2d call for the whole
 * bank (weights stacked [k, k, C, F], 'valid' padding), the biases added, ReLU, then pooling, in
 * one tf.tidy. The picture and the weights stay on the backend between edits: a kernel or bias edit
 * uploads only the bank, a pooling or ReLU change uploads nothing. Results come back as plain
 * typed arrays (NHWC, batch 1); the engine owns at most three tensors (picture, weights, biases)
 * until dispose(), so tf.memory().numTensors is unchanged after every run.
 *
 * On the WASM backend a grey picture takes the SIMD path instead (see FeatureMapEngineOptions):
 * same numbers, no tensors at all, and the arrays it returns are reused: each run overwrites the
 * previous run's maps (a demo draws the latest and keeps nothing older).
 */
import * as tf from '@tensorflow/tfjs-core';
import { bankBiases, bankWeights, CONV_PADDING, layerProblem, type LayerSpec } from '../feature-maps';
import { paddingSplit } from '../shape';
import type { Tensor4 } from '../types';
import { SimdSameFilter, simdSupported } from './simd-filter';

/** Which code computes the layer: TensorFlow.js ops, or (grey pictures on WASM) the SIMD filter. */
export type LayerPath = 'tfjs' | 'wasm-simd';

export interface FeatureMapEngineOptions {
  /**
   * 'auto' (default): on the WASM backend with a one-channel picture, the hand-written SIMD filter
   * (simd-filter.ts) once per filter, the kernel as data (no XNNPACK operator rebuilt per edit),
   * writing into arrays the engine reuses (no 4 MB of new arrays per update at 256×256×8); else
   * TensorFlow.js. Tests force either.
   */
  path?: 'auto' | LayerPath;
}

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
  readonly #choice: 'auto' | LayerPath;
  #input: { tensor: tf.Tensor4D | null; values: Tensor4 } | null = null;
  #bank: { key: string; weights: tf.Tensor4D; biases: tf.Tensor1D } | null = null;
  #simd: SimdSameFilter | null = null;
  /** The SIMD path's arrays, reused while the shapes stay the same (each run overwrites them). */
  #buffers: { same: Float32Array; conv: Float32Array; relu: Float32Array; pool: Float32Array } | null = null;
  /**
   * What each filter's slice of those arrays was computed from (its weights and bias, under the
   * layer key): a reader edits one filter at a time, so a run recomputes only the filters that
   * changed. A new picture, new shapes or other ReLU and pooling settings clear it.
   */
  #computed: { layer: string; filters: string[] } = { layer: '', filters: [] };

  constructor(options: FeatureMapEngineOptions = {}) {
    this.#choice = options.path ?? 'auto';
  }

  /** The code the next run uses. */
  get path(): LayerPath {
    const channels = this.#input?.values.shape[3] ?? 1;
    if (this.#choice !== 'auto') return this.#choice;
    return tf.getBackend() === 'wasm' && channels === 1 && simdSupported() ? 'wasm-simd' : 'tfjs';
  }

  /** Replaces the picture: H×W×C floats (C = 1 grey, or 3); the previous tensor is disposed. */
  setInput(values: Float32Array, height: number, width: number, channels: number): void {
    if (values.length !== height * width * channels) {
      throw new Error(
        `FeatureMapEngine.setInput: ${width}×${height}×${channels} needs ${height * width * channels} values, got ${values.length}`,
      );
    }
    this.#input?.tensor?.dispose();
    if (this.#input?.values.shape[3] !== channels) this.#disposeBank();
    this.#input = { tensor: null, values: { data: values, shape: [1, height, width, channels] } };
    this.#computed = { layer: '', filters: [] };
    if (this.path === 'wasm-simd') {
      if (channels !== 1) throw new Error('FeatureMapEngine: the SIMD path takes one-channel pictures');
      this.#simd ??= new SimdSameFilter();
      this.#simd.setImage(values, height, width, 1);
    } else {
      this.#input.tensor = tf.tensor4d(values, [1, height, width, channels], 'float32');
    }
  }

  /** Every stage for the current picture; throws a sentence (layerProblem) when the layer cannot run. */
  async run(spec: LayerSpec): Promise<LayerMaps> {
    const input = this.#input;
    if (input === null) throw new Error('FeatureMapEngine.run: no picture has been set');
    const [, h, w, channels] = input.values.shape;
    const problem = layerProblem(spec, h, w);
    if (problem !== null) throw new Error(`featureMaps: ${problem}`);
    if (input.tensor === null) return this.#runSimd(spec);
    const tensor = input.tensor;
    const { weights, biases } = this.#bankFor(spec, channels);
    const { mode, size, stride } = spec.pool;
    const [conv, rectified, pooled] = tf.tidy(() => {
      const c = tf.add(tf.conv2d(tensor, weights, 1, CONV_PADDING), biases) as tf.Tensor4D;
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

  /**
   * The SIMD path: each filter's 'same' convolution (one pass, the kernel as data), cropped to the
   * 'valid' cells, plus the bias, then ReLU and the pool, written into reused NHWC arrays.
   */
  #runSimd(spec: LayerSpec): LayerMaps {
    const input = this.#input as { values: Tensor4 };
    const simd = this.#simd as SimdSameFilter;
    const [, h, w] = input.values.shape;
    const k = spec.size;
    const count = spec.filters.length;
    const [top, bottom] = paddingSplit(h, k, 1, 'same');
    const [left, right] = paddingSplit(w, k, 1, 'same');
    const oh = h - k + 1;
    const ow = w - k + 1;
    const { mode, size, stride } = spec.pool;
    const ph = Math.floor((oh - size) / stride) + 1;
    const pw = Math.floor((ow - size) / stride) + 1;
    const b = this.#buffers;
    const fits = (a: Float32Array | undefined, n: number) => (a?.length === n ? a : new Float32Array(n));
    const buffers = {
      same: fits(b?.same, h * w),
      conv: fits(b?.conv, oh * ow * count),
      relu: fits(b?.relu, oh * ow * count),
      pool: fits(b?.pool, ph * pw * count),
    };
    const layer = `${h}×${w}/${k}/${count}/${spec.relu}/${mode}/${size}/${stride}`;
    const kept = b !== null && buffers.conv === b.conv && buffers.pool === b.pool;
    if (!kept || this.#computed.layer !== layer) this.#computed = { layer, filters: [] };
    this.#buffers = buffers;
    const { same, conv, relu, pool } = buffers;
    const area = size * size;
    spec.filters.forEach((filter, f) => {
      const key = `${filter.values.join(',')};${filter.bias}`;
      if (this.#computed.filters[f] === key) return; // its slice already holds this filter's maps
      this.#computed.filters[f] = key;
      simd.apply(filter.values, k, [top, bottom, left, right], same);
      const bias = filter.bias;
      // 'valid' output (y, x) is 'same' output (y + top, x + left): the window lies inside the picture.
      for (let y = 0; y < oh; y++) {
        let from = (y + top) * w + left;
        let to = y * ow * count + f;
        for (let x = 0; x < ow; x++, from++, to += count) {
          const v = (same[from] as number) + bias;
          conv[to] = v;
          relu[to] = spec.relu && v < 0 ? 0 : v;
        }
      }
      for (let py = 0; py < ph; py++) {
        for (let px = 0; px < pw; px++) {
          let best = Number.NEGATIVE_INFINITY;
          let sum = 0;
          for (let i = 0; i < size; i++) {
            let at = ((py * stride + i) * ow + px * stride) * count + f;
            for (let j = 0; j < size; j++, at += count) {
              const v = relu[at] as number;
              if (v > best) best = v;
              sum += v;
            }
          }
          pool[(py * pw + px) * count + f] = mode === 'max' ? best : sum / area;
        }
      }
    });
    return {
      input: input.values,
      conv: { data: conv, shape: [1, oh, ow, count] },
      relu: { data: relu, shape: [1, oh, ow, count] },
      pool: { data: pool, shape: [1, ph, pw, count] },
    };
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

  /** Frees the picture, the bank, the WASM memory and the reused arrays. */
  dispose(): void {
    this.#input?.tensor?.dispose();
    this.#input = null;
    this.#disposeBank();
    this.#simd = null;
    this.#buffers = null;
  }
}
