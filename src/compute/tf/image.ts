/**
 * The hot path of the kernel playground: one image kept on the backend as a single tensor, and a
 * k x k kernel applied to every channel (a depthwise convolution, 'same' padding, stride 1).
 * A kernel edit uploads only the kernel; the image is uploaded once, when it changes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkFinite, planWindow } from '../plan';
import { rgbaToChannels, tileKernel, type ChannelMode } from '../pixels';
import { convolve } from './ops';

export type FilterMode = ChannelMode;

export class ImageFilter {
  #input: tf.Tensor4D | null = null;
  #shape: [number, number, number, number] = [1, 1, 1, 1];

  /** Height, width and channels of the current image. */
  get shape(): readonly [number, number, number, number] {
    return this.#shape;
  }

  /** Replaces the image (RGBA bytes); the previous tensor is disposed. */
  setImage(rgba: ArrayLike<number>, width: number, height: number, mode: FilterMode): void {
    const values = rgbaToChannels(rgba, width, height, mode);
    const channels = mode === 'rgb' ? 3 : 1;
    const next = tf.tensor4d(values, [1, height, width, channels], 'float32');
    this.#input?.dispose();
    this.#input = next;
    this.#shape = [1, height, width, channels];
  }

  /** The filtered image as HWC floats in pixel units; same size as the image. */
  async apply(kernel: readonly number[], size: number): Promise<Float32Array> {
    const input = this.#input;
    if (input === null) throw new Error('ImageFilter.apply: no image has been set');
    checkFinite('ImageFilter.apply', 'kernel', kernel);
    const channels = this.#shape[3];
    const weights = tileKernel(kernel, size, channels);
    const plan = planWindow('ImageFilter.apply', this.#shape, size, size, { padding: 'same' });
    const out = tf.tidy(() =>
      convolve(input, tf.tensor4d(weights, [size, size, channels, 1], 'float32'), plan, true),
    );
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  /** Frees the image tensor. */
  dispose(): void {
    this.#input?.dispose();
    this.#input = null;
  }
}
