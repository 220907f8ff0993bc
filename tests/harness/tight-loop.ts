/**
 * What a plain-JavaScript explainer would write for speed, as the benchmark's second baseline
 * (the first is src/compute's readable reference): a direct k x k loop over HWC floats, 'same'
 * padding handled by clipping the tap ranges at the borders (no padded copy, no branch per tap),
 * the kernel in a typed array, the output array reused between updates.
 */
export function tightSameFilter(
  input: Float32Array,
  height: number,
  width: number,
  channels: number,
  kernel: Float32Array,
  k: number,
  out: Float32Array,
): Float32Array {
  // 'same' at stride 1: k - 1 zero cells, the extra one (even k) after, as TensorFlow splits it.
  const top = (k - 1) >> 1;
  const left = top;
  for (let y = 0; y < height; y++) {
    const m0 = Math.max(0, top - y);
    const m1 = Math.min(k, height + top - y);
    for (let x = 0; x < width; x++) {
      const n0 = Math.max(0, left - x);
      const n1 = Math.min(k, width + left - x);
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let m = m0; m < m1; m++) {
          let i = ((y + m - top) * width + (x + n0 - left)) * channels + c;
          let t = m * k + n0;
          for (let n = n0; n < n1; n++, i += channels, t++)
            sum += (input[i] as number) * (kernel[t] as number);
        }
        out[o + c] = sum;
      }
    }
  }
  return out;
}
