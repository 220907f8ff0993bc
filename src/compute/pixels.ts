/** Between RGBA bytes (canvas ImageData) and the float channels the convolutions work on. */

export type ChannelMode = 'rgb' | 'gray';

/** ITU-R BT.601 luma weights, as most image tools use for "grayscale". */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** RGBA bytes to HWC floats in 0..255: three channels, or one luma channel. Alpha is dropped. */
export function rgbaToChannels(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  mode: ChannelMode,
): Float32Array {
  const pixels = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`rgbaToChannels: an image must be at least 1x1 pixels, got ${width}x${height}`);
  }
  if (rgba.length !== pixels * 4) {
    throw new Error(`rgbaToChannels: ${width}x${height} RGBA needs ${pixels * 4} bytes, got ${rgba.length}`);
  }
  const channels = mode === 'rgb' ? 3 : 1;
  const out = new Float32Array(pixels * channels);
  for (let i = 0; i < pixels; i++) {
    const r = rgba[i * 4] as number;
    const g = rgba[i * 4 + 1] as number;
    const b = rgba[i * 4 + 2] as number;
    if (mode === 'rgb') {
      out[i * 3] = r;
      out[i * 3 + 1] = g;
      out[i * 3 + 2] = b;
    } else {
      out[i] = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
    }
  }
  return out;
}

/** A k x k kernel repeated for each of `channels` channels, as a depthwise filter [k, k, c, 1]. */
export function tileKernel(kernel: readonly number[], size: number, channels: number): Float32Array {
  if (kernel.length !== size * size) {
    throw new Error(`tileKernel: a ${size}x${size} kernel has ${size * size} values, got ${kernel.length}`);
  }
  const out = new Float32Array(size * size * channels);
  kernel.forEach((v, tap) => out.fill(v, tap * channels, tap * channels + channels));
  return out;
}
