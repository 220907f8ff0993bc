/** Padding as TensorFlow names it, or an explicit number of zero cells on every side. */
export type Padding = 'valid' | 'same' | number;

/** A value for both spatial axes, or one per axis as [rows, columns]. */
export type Pair = number | readonly [number, number];

/** Shape of a batch of images, NHWC: [batch, height, width, channels]. */
export type Shape4 = readonly [number, number, number, number];

/** Shape of a convolution filter bank, HWIO: [height, width, inChannels, outChannels]. */
export type FilterShape = readonly [number, number, number, number];

/** A dense NHWC tensor: values in row-major order plus the shape that reads them. */
export interface Tensor4 {
  readonly data: Float32Array;
  readonly shape: Shape4;
}

/** A dense HWIO filter bank (TensorFlow's layout for conv2d weights). */
export interface Filter4 {
  readonly data: Float32Array;
  readonly shape: FilterShape;
}

export interface Conv2DOptions {
  /** Step of the window, in cells. Default 1. */
  readonly stride?: Pair;
  /** Default 'valid'. */
  readonly padding?: Padding;
  /** Gap between kernel taps (1 = contiguous). Default 1. */
  readonly dilation?: Pair;
}

export interface PoolOptions {
  /** Window size, in cells. */
  readonly size: Pair;
  /** Default: the window size. */
  readonly stride?: Pair;
  /** Default 'valid'. */
  readonly padding?: Padding;
}
