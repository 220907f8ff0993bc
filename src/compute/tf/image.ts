/**
 * The hot path of the kernel playground: a k x k kernel applied to every channel of one image
 * (a depthwise convolution, 'same' padding, stride 1), the image set once, the kernel edited often.
 *
 * Two ways, same numbers (both checked against src/compute's reference):
 * - on the WASM backend, a hand-written WebAssembly SIMD function (simd-filter.ts): the kernel is
 *   data, so an edit costs no XNNPACK operator rebuild; it owns no tensors;
 * - on the other backends, TensorFlow.js: the image kept as one tensor, a kernel edit uploads only
 *   the kernel; it owns at most two tensors, the image and the kernel, until dispose().
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkFinite, planWindow } from '../plan';
import { rgbaToChannels, tileKernel, type ChannelMode } from '../pixels';
import { SimdSameFilter, simdSupported } from './simd-filter';

export type FilterMode = ChannelMode;

/** Which code computes the filter: the hand-written WASM SIMD function, or TensorFlow.js ops. */
export type FilterPath = 'wasm-simd' | 'tfjs';

export interface ImageFilterOptions {
  /**
   * Return one Float32Array, owned by the filter and overwritten by every apply(), instead of a
   * new one per call. A new 786 KB array per update (256x256x3) costs more than the filter itself
   * on the WASM path (allocation and garbage collection); a demo that draws each result once and
   * keeps only the latest should set this.
   */
  reuseOutput?: boolean;
}

export class ImageFilter {
  readonly #reuseOutput: boolean;
  #output: Float32Array | null = null;
  #path: FilterPath = 'tfjs';
  #simd: SimdSameFilter | null = null;
  #input: tf.Tensor4D | null = null;
  /**
   * The last kernel's tensor, kept while the kernel is unchanged: repeated frames with one kernel
   * (webcam, image or mode changes) skip its upload, and on a WASM backend without SIMD a new
   * XNNPACK operator and its indirection buffer (measured +2 ms at 256x256x3).
   */
  #weights: { key: string; tensor: tf.Tensor4D } | null = null;
  #shape: [number, number, number, number] = [1, 1, 1, 1];

  constructor(options: ImageFilterOptions = {}) {
    this.#reuseOutput = options.reuseOutput ?? false;
  }

  /** Height, width and channels of the current image. */
  get shape(): readonly [number, number, number, number] {
    return this.#shape;
  }

  /** The code that computes apply(), chosen by setImage() from the active backend. */
  get path(): FilterPath {
    return this.#path;
  }

  /** Replaces the image (RGBA bytes); the previous tensor, if any, is disposed. */
  setImage(rgba: ArrayLike<number>, width: number, height: number, mode: FilterMode): void {
    const values = rgbaToChannels(rgba, width, height, mode);
    const channels = mode === 'rgb' ? 3 : 1;
    if (tf.getBackend() === 'wasm' && simdSupported()) {
      this.#path = 'wasm-simd';
      this.#simd ??= new SimdSameFilter();
      this.#simd.setImage(values, height, width, channels);
      this.#disposeTensors();
    } else {
      this.#path = 'tfjs';
      this.#simd = null;
      const next = tf.tensor4d(values, [1, height, width, channels], 'float32');
      this.#input?.dispose();
      this.#input = next;
      if (this.#shape[3] !== channels) {
        this.#weights?.tensor.dispose();
        this.#weights = null;
      }
    }
    this.#shape = [1, height, width, channels];
  }

  /** The filtered image as HWC floats in pixel units; same size as the image. */
  async apply(kernel: readonly number[], size: number): Promise<Float32Array> {
    if (this.#simd === null && this.#input === null) {
      throw new Error('ImageFilter.apply: no image has been set');
    }
    checkFinite('ImageFilter.apply', 'kernel', kernel);
    if (kernel.length !== size * size) {
      throw new Error(
        `ImageFilter.apply: a ${size}x${size} kernel has ${size * size} values, got ${kernel.length}`,
      );
    }
    const plan = planWindow('ImageFilter.apply', this.#shape, size, size, { padding: 'same' });
    const into = this.#outputBuffer();
    if (this.#simd !== null) return this.#simd.apply(kernel, size, plan.pad, into);
    const input = this.#input as tf.Tensor4D;
    const weights = this.#weightsFor(kernel, size);
    // 'same' as a string, not the explicit padding it equals: the WASM backend's fast path takes
    // it (measured: 2.0 ms against 2.5 ms explicit, 256x256x3, 3x3).
    const out = tf.tidy(() => tf.depthwiseConv2d(input, weights, 1, 'same'));
    try {
      const values = (await out.data()) as Float32Array;
      if (into === undefined) return values;
      into.set(values);
      return into;
    } finally {
      out.dispose();
    }
  }

  /** The reused output array, sized to the current image, or undefined for a new one per call. */
  #outputBuffer(): Float32Array | undefined {
    if (!this.#reuseOutput) return undefined;
    const [, h, w, c] = this.#shape;
    if (this.#output?.length !== h * w * c) this.#output = new Float32Array(h * w * c);
    return this.#output;
  }

  #weightsFor(kernel: readonly number[], size: number): tf.Tensor4D {
    const channels = this.#shape[3];
    const key = `${size}/${channels}/${kernel.join(',')}`;
    if (this.#weights?.key !== key) {
      const values = tileKernel(kernel, size, channels);
      this.#weights?.tensor.dispose();
      this.#weights = { key, tensor: tf.tensor4d(values, [size, size, channels, 1], 'float32') };
    }
    return this.#weights.tensor;
  }

  #disposeTensors(): void {
    this.#input?.dispose();
    this.#input = null;
    this.#weights?.tensor.dispose();
    this.#weights = null;
  }

  /** Frees the image and kernel tensors, the WASM memory and the output array. */
  dispose(): void {
    this.#disposeTensors();
    this.#simd = null;
    this.#output = null;
  }
}
