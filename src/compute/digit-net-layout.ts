/**
 * The digit network's architecture and the layout of its weights as plain arrays: the one
 * description that both the reference forward pass (digit-net.ts) and the TensorFlow.js model
 * (tf/digit-model.ts) are built from.
 *
 *   input [n, 28, 28, 1]
 *   conv1  3×3, 8 filters, stride 1, 'valid'  → [n, 26, 26, 8]   + bias, then ReLU
 *   pool1  max 2×2, stride 2, 'valid'         → [n, 13, 13, 8]
 *   conv2  3×3, 16 filters, stride 1, 'valid' → [n, 11, 11, 16]  + bias, then ReLU
 *   pool2  max 2×2, stride 2, 'valid'         → [n, 5, 5, 16]    (row and column 10 are dropped)
 *   flatten (NHWC order: index (y·5 + x)·16 + c) → [n, 400]
 *   dense  400 → 10, + bias                    → logits [n, 10], then softmax
 *
 * Padding is 'valid' everywhere: no zero border is invented, every feature-map cell is a full
 * 3×3 window of the picture (as in the stepper's default), and the network has 5,258 weights.
 *
 * Layouts, all TensorFlow's, all row-major Float32Array:
 *   conv kernels HWIO [3, 3, in, out]: tap (i, j) of input channel c for filter o at ((i·3 + j)·in + c)·out + o
 *   dense kernel [400, 10]: weight from flat input k to class o at k·10 + o
 *   biases [out]
 */
import type { Filter4, FilterShape } from './types';

/** A dense [rows, columns] matrix: one row per example (a batch of vectors), row-major. */
export interface Tensor2 {
  readonly data: Float32Array;
  readonly shape: readonly [number, number];
}

export interface ConvWeights {
  /** HWIO [3, 3, in, out]. */
  readonly kernel: Filter4;
  /** One per filter: [out]. */
  readonly bias: Float32Array;
}

export interface DenseWeights {
  /** [in, out]. */
  readonly kernel: Tensor2;
  /** [out]. */
  readonly bias: Float32Array;
}

/** Every weight of the network, as plain arrays. */
export interface DigitWeights {
  readonly conv1: ConvWeights;
  readonly conv2: ConvWeights;
  readonly dense: DenseWeights;
}

/** The architecture in numbers. */
export const DIGIT_NET = {
  inputSize: 28,
  kernelSize: 3,
  filters1: 8,
  filters2: 16,
  poolSize: 2,
  padding: 'valid',
  /** 28 → 26 → 13 → 11 → 5: 5 × 5 × 16 values reach the dense layer. */
  flatSize: 400,
  classes: 10,
} as const;

/** Shapes of the six weight arrays, in the order TensorFlow.js's model.getWeights() lists them. */
export const DIGIT_WEIGHT_SHAPES: readonly (readonly number[])[] = [
  [3, 3, 1, 8],
  [8],
  [3, 3, 8, 16],
  [16],
  [400, 10],
  [10],
];

/** Total number of weights: 80 + 1,168 + 4,010 = 5,258. */
export const DIGIT_WEIGHT_COUNT = DIGIT_WEIGHT_SHAPES.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);

/** The six arrays in model.getWeights() order: conv1 kernel, bias, conv2 kernel, bias, dense kernel, bias. */
export function weightList(w: DigitWeights): Float32Array[] {
  return [
    w.conv1.kernel.data,
    w.conv1.bias,
    w.conv2.kernel.data,
    w.conv2.bias,
    w.dense.kernel.data,
    w.dense.bias,
  ];
}

/** DigitWeights from six arrays in model.getWeights() order, checking every length. */
export function weightsFromList(list: readonly ArrayLike<number>[]): DigitWeights {
  if (list.length !== DIGIT_WEIGHT_SHAPES.length) {
    throw new Error(
      `digit network: expected ${DIGIT_WEIGHT_SHAPES.length} weight arrays, got ${list.length}`,
    );
  }
  const arrays = list.map((a, i) => {
    const shape = DIGIT_WEIGHT_SHAPES[i] as readonly number[];
    const size = shape.reduce((x, y) => x * y, 1);
    if (a.length !== size) {
      throw new Error(
        `digit network: weight ${i} has shape [${shape.join(', ')}], ${size} values, got ${a.length}`,
      );
    }
    return Float32Array.from(a);
  }) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const shape4 = (i: number) => DIGIT_WEIGHT_SHAPES[i] as unknown as FilterShape;
  return {
    conv1: { kernel: { data: arrays[0], shape: shape4(0) }, bias: arrays[1] },
    conv2: { kernel: { data: arrays[2], shape: shape4(2) }, bias: arrays[3] },
    dense: { kernel: { data: arrays[4], shape: [DIGIT_NET.flatSize, DIGIT_NET.classes] }, bias: arrays[5] },
  };
}

/** All-zero weights (a starting point for hand-made examples and tests). */
export function zeroDigitWeights(): DigitWeights {
  return weightsFromList(DIGIT_WEIGHT_SHAPES.map((s) => new Float32Array(s.reduce((a, b) => a * b, 1))));
}
