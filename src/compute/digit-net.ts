/**
 * The rest of the executable spec for a small classifier: bias, dense, softmax, cross-entropy,
 * and the whole digit network's forward pass from plain weight arrays (layout in
 * digit-net-layout.ts). Readable loops, shapes checked, every intermediate stage returned so a
 * figure can draw any of them. The TensorFlow.js model (tf/digit-model.ts) is tested against this.
 */
import { checkFinite } from './plan';
import { conv2d, maxPool, relu } from './reference';
import { DIGIT_NET, type DigitWeights, type Tensor2 } from './digit-net-layout';
import type { Filter4, Tensor4 } from './types';

/** Adds bias[c] to every cell of channel c: out[n, y, x, c] = in[n, y, x, c] + bias[c]. */
export function biasAdd(input: Tensor4, bias: ArrayLike<number>): Tensor4 {
  const channels = input.shape[3];
  if (bias.length !== channels) {
    throw new Error(`biasAdd: bias has ${bias.length} values, the input has ${channels} channels`);
  }
  checkFinite('biasAdd', 'bias', bias);
  const data = new Float32Array(input.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = (input.data[i] as number) + (bias[i % channels] as number);
  }
  return { data, shape: input.shape };
}

/** [n, h, w, c] → [n, h·w·c], keeping NHWC order (index (y·w + x)·c + ch), as tf's flatten does. */
export function flatten(input: Tensor4): Tensor2 {
  const [n, h, w, c] = input.shape;
  return { data: input.data, shape: [n, h * w * c] };
}

/** A fully connected layer: out[n, o] = sum over k of x[n, k] · kernel[k, o] + bias[o]. */
export function dense(x: Tensor2, kernel: Tensor2, bias: ArrayLike<number>): Tensor2 {
  const [batch, inputs] = x.shape;
  const [kIn, outputs] = kernel.shape;
  if (kIn !== inputs) throw new Error(`dense: kernel has ${kIn} inputs, x has ${inputs} values per row`);
  if (bias.length !== outputs)
    throw new Error(`dense: bias has ${bias.length} values, the kernel ${outputs} outputs`);
  checkFinite('dense', 'input', x.data);
  checkFinite('dense', 'kernel', kernel.data);
  const out = new Float32Array(batch * outputs);
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outputs; o++) {
      let sum = bias[o] as number;
      for (let k = 0; k < inputs; k++) {
        sum += (x.data[n * inputs + k] as number) * (kernel.data[k * outputs + o] as number);
      }
      out[n * outputs + o] = sum;
    }
  }
  return { data: out, shape: [batch, outputs] };
}

/**
 * Softmax of each row: p[o] = exp(z[o] − max z) / sum of exp(z[k] − max z). Subtracting the row's
 * largest value changes nothing mathematically and keeps exp from overflowing (z = 1000 is fine).
 */
export function softmax(logits: Tensor2): Tensor2 {
  const [batch, classes] = logits.shape;
  checkFinite('softmax', 'logits', logits.data);
  const out = new Float32Array(batch * classes);
  for (let n = 0; n < batch; n++) {
    let max = -Infinity;
    for (let o = 0; o < classes; o++) max = Math.max(max, logits.data[n * classes + o] as number);
    let sum = 0;
    for (let o = 0; o < classes; o++) sum += Math.exp((logits.data[n * classes + o] as number) - max);
    for (let o = 0; o < classes; o++) {
      out[n * classes + o] = Math.exp((logits.data[n * classes + o] as number) - max) / sum;
    }
  }
  return { data: out, shape: [batch, classes] };
}

/** TensorFlow's clip for log(p): probabilities are kept in [1e-7, 1 − 1e-7]. */
export const PROBABILITY_EPSILON = 1e-7;

/**
 * Mean cross-entropy of a batch against its labels: −(1/n) · sum over n of log p[n, label[n]],
 * with p clipped to [1e-7, 1 − 1e-7] as TensorFlow.js's categoricalCrossentropy does (so a
 * confident wrong answer costs at most −log 1e-7 ≈ 16.1, never Infinity).
 */
export function crossEntropy(probabilities: Tensor2, labels: ArrayLike<number>): number {
  const [batch, classes] = probabilities.shape;
  if (labels.length !== batch) throw new Error(`crossEntropy: ${labels.length} labels for ${batch} rows`);
  let total = 0;
  for (let n = 0; n < batch; n++) {
    const label = labels[n] as number;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`crossEntropy: label ${n} is ${label}, not a class 0-${classes - 1}`);
    }
    const p = probabilities.data[n * classes + label] as number;
    total -= Math.log(Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON));
  }
  return total / batch;
}

/** Every stage of one forward pass, in order: what each figure of the network can draw. */
export interface DigitStages {
  /** [n, 28, 28, 1], values 0-1. */
  readonly input: Tensor4;
  /** conv1 + bias, before ReLU: [n, 26, 26, 8]. */
  readonly conv1: Tensor4;
  readonly relu1: Tensor4;
  /** [n, 13, 13, 8]: the first layer's feature maps as the next layer reads them. */
  readonly pool1: Tensor4;
  /** conv2 + bias, before ReLU: [n, 11, 11, 16]. */
  readonly conv2: Tensor4;
  readonly relu2: Tensor4;
  /** [n, 5, 5, 16]. */
  readonly pool2: Tensor4;
  /** [n, 400]. */
  readonly flat: Tensor2;
  /** [n, 10], before softmax. */
  readonly logits: Tensor2;
  /** [n, 10], each row sums to 1. */
  readonly probabilities: Tensor2;
}

/** The whole network on a batch of [n, 28, 28, 1] images, from plain weight arrays. */
export function digitNetForward(weights: DigitWeights, input: Tensor4): DigitStages {
  const size = DIGIT_NET.inputSize;
  if (input.shape[1] !== size || input.shape[2] !== size || input.shape[3] !== 1) {
    throw new Error(
      `digitNetForward: input must be [n, ${size}, ${size}, 1], got [${input.shape.join(', ')}]`,
    );
  }
  const padding = DIGIT_NET.padding;
  const pool = { size: DIGIT_NET.poolSize, padding };
  const conv1 = biasAdd(conv2d(input, weights.conv1.kernel, { padding }), weights.conv1.bias);
  const relu1 = relu(conv1);
  const pool1 = maxPool(relu1, pool);
  const conv2 = biasAdd(conv2d(pool1, weights.conv2.kernel, { padding }), weights.conv2.bias);
  const relu2 = relu(conv2);
  const pool2 = maxPool(relu2, pool);
  const flat = flatten(pool2);
  const logits = dense(flat, weights.dense.kernel, weights.dense.bias);
  return { input, conv1, relu1, pool1, conv2, relu2, pool2, flat, logits, probabilities: softmax(logits) };
}

/**
 * A 'valid', stride-1 convolution plus bias with the reference's order of summation and its
 * roundings (each sum stored as float32, then the bias added and stored again, as conv2d then
 * biasAdd do), without the reference's per-tap bookkeeping: the same floats, bit for bit, about
 * five times faster. For the live figure, which redraws on every stroke and every training update.
 */
function convBiasValid(input: Tensor4, kernel: Filter4, bias: Float32Array): Tensor4 {
  const [n, h, w, cin] = input.shape;
  const [kh, kw, kin, cout] = kernel.shape;
  if (kin !== cin) throw new Error(`conv2d: kernel depth ${kin} does not match input channels ${cin}`);
  checkFinite('conv2d', 'kernel', kernel.data);
  checkFinite('conv2d', 'input', input.data);
  checkFinite('biasAdd', 'bias', bias);
  const oh = h - kh + 1;
  const ow = w - kw + 1;
  const x = input.data;
  const k = kernel.data;
  const out = new Float32Array(n * oh * ow * cout);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const base = ((b * oh + oy) * ow + ox) * cout;
        for (let o = 0; o < cout; o++) {
          let sum = 0;
          for (let i = 0; i < kh; i++) {
            for (let j = 0; j < kw; j++) {
              const xi = ((b * h + oy + i) * w + ox + j) * cin;
              const ki = (i * kw + j) * cin;
              for (let c = 0; c < cin; c++) sum += (x[xi + c] as number) * (k[(ki + c) * cout + o] as number);
            }
          }
          out[base + o] = Math.fround(sum) + (bias[o] as number);
        }
      }
    }
  }
  return { data: out, shape: [n, oh, ow, cout] };
}

/**
 * digitNetForward with the two convolutions computed by convBiasValid: every stage equal, bit for
 * bit (tested on 100 held-out digits), at a fraction of the cost.
 */
export function digitNetForwardFast(weights: DigitWeights, input: Tensor4): DigitStages {
  const size = DIGIT_NET.inputSize;
  if (input.shape[1] !== size || input.shape[2] !== size || input.shape[3] !== 1) {
    throw new Error(
      `digitNetForward: input must be [n, ${size}, ${size}, 1], got [${input.shape.join(', ')}]`,
    );
  }
  const pool = { size: DIGIT_NET.poolSize, padding: DIGIT_NET.padding };
  const conv1 = convBiasValid(input, weights.conv1.kernel, weights.conv1.bias);
  const relu1 = relu(conv1);
  const pool1 = maxPool(relu1, pool);
  const conv2 = convBiasValid(pool1, weights.conv2.kernel, weights.conv2.bias);
  const relu2 = relu(conv2);
  const pool2 = maxPool(relu2, pool);
  const flat = flatten(pool2);
  const logits = dense(flat, weights.dense.kernel, weights.dense.bias);
  return { input, conv1, relu1, pool1, conv2, relu2, pool2, flat, logits, probabilities: softmax(logits) };
}

/** Mean cross-entropy of the network on a batch: the number training makes smaller. */
export function digitNetLoss(weights: DigitWeights, input: Tensor4, labels: ArrayLike<number>): number {
  return crossEntropy(digitNetForward(weights, input).probabilities, labels);
}

/** The most probable class of each row. */
export function argmaxRows(t: Tensor2): number[] {
  const [batch, classes] = t.shape;
  return Array.from({ length: batch }, (_, n) => {
    let best = 0;
    for (let o = 1; o < classes; o++) {
      if ((t.data[n * classes + o] as number) > (t.data[n * classes + best] as number)) best = o;
    }
    return best;
  });
}

/**
 * The same network and loss in double precision, written out in one function: for gradient
 * checks. A finite difference divides a tiny change of the loss by a tiny step; in float32 the
 * rounding of every stage (about 1e-7) swamps that change, in float64 it does not. Tested to
 * agree with digitNetLoss (float32) to 1e-5.
 */
export function digitNetLoss64(
  weights: DigitWeights,
  images: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  const { inputSize: s, kernelSize: k, filters1: f1, filters2: f2, classes } = DIGIT_NET;
  const batch = labels.length;
  if (images.length !== batch * s * s) {
    throw new Error(
      `digitNetLoss64: ${labels.length} labels need ${batch * s * s} pixels, got ${images.length}`,
    );
  }
  /** 'valid' 3×3 convolution + bias + ReLU of one image [h, w, cin] → [h − 2, w − 2, cout]. */
  const convRelu = (
    x: Float64Array,
    h: number,
    w: number,
    cin: number,
    kernel: Filter4Like,
    bias: ArrayLike<number>,
    cout: number,
  ) => {
    const oh = h - k + 1;
    const ow = w - k + 1;
    const out = new Float64Array(oh * ow * cout);
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        for (let o = 0; o < cout; o++) {
          let sum = bias[o] as number;
          for (let i = 0; i < k; i++) {
            for (let j = 0; j < k; j++) {
              for (let c = 0; c < cin; c++) {
                sum +=
                  (x[((y + i) * w + xx + j) * cin + c] as number) *
                  (kernel[((i * k + j) * cin + c) * cout + o] as number);
              }
            }
          }
          out[(y * ow + xx) * cout + o] = Math.max(0, sum);
        }
      }
    }
    return { out, oh, ow };
  };
  /** Max pool 2×2, stride 2, 'valid'. */
  const pool = (x: Float64Array, h: number, w: number, c: number) => {
    const oh = Math.floor(h / 2);
    const ow = Math.floor(w / 2);
    const out = new Float64Array(oh * ow * c);
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        for (let ch = 0; ch < c; ch++) {
          let m = -Infinity;
          for (let i = 0; i < 2; i++) {
            for (let j = 0; j < 2; j++) m = Math.max(m, x[((2 * y + i) * w + 2 * xx + j) * c + ch] as number);
          }
          out[(y * ow + xx) * c + ch] = m;
        }
      }
    }
    return { out, oh, ow };
  };
  let total = 0;
  for (let n = 0; n < batch; n++) {
    const x = Float64Array.from({ length: s * s }, (_, i) => images[n * s * s + i] as number);
    const c1 = convRelu(x, s, s, 1, weights.conv1.kernel.data, weights.conv1.bias, f1);
    const p1 = pool(c1.out, c1.oh, c1.ow, f1);
    const c2 = convRelu(p1.out, p1.oh, p1.ow, f1, weights.conv2.kernel.data, weights.conv2.bias, f2);
    const p2 = pool(c2.out, c2.oh, c2.ow, f2);
    const logits = Array.from({ length: classes }, (_, o) => {
      let sum = weights.dense.bias[o] as number;
      for (let i = 0; i < p2.out.length; i++)
        sum += (p2.out[i] as number) * (weights.dense.kernel.data[i * classes + o] as number);
      return sum;
    });
    const max = Math.max(...logits);
    const z = logits.reduce((a, v) => a + Math.exp(v - max), 0);
    const p = Math.exp((logits[labels[n] as number] as number) - max) / z;
    total -= Math.log(Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON));
  }
  return total / batch;
}

type Filter4Like = ArrayLike<number>;
