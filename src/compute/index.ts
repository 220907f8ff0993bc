/** The only import surface of the maths room for islands, components and tests. */
export type * from './types';
export {
  pair,
  effectiveKernelSize,
  paddingSplit,
  outputSize,
  sizeOf,
  tensor4,
  fromRows,
  toRows,
} from './shape';
export { planWindow, checkFinite, type WindowPlan } from './plan';
export { conv2d, depthwiseConv2d, maxPool, avgPool, relu } from './reference';
export { convolveGrid, windowTerms, type WindowTerm } from './single';
export { tapCell, paddedTapCell, windowTaps, type Tap, type WindowGeometry } from './window';
export { KERNELS, kernelById, type NamedKernel, type KernelId } from './kernels';
export { SEED_INPUT, SEED_KERNEL } from './examples';
export { rgbaToChannels, tileKernel, LUMA, type ChannelMode } from './pixels';
export {
  renderToRGBA,
  diverging,
  range,
  scaleFor,
  SCALINGS,
  type Scaling,
  type Legend,
  type ChannelRange,
} from './colormap';
export {
  featureMaps,
  layerProblem,
  layerShapes,
  bankWeights,
  bankBiases,
  channelOf,
  planesOf,
  valueAt,
  shapeText,
  sizeFormula,
  tracePool,
  traceRelu,
  traceConv,
  poolCellFor,
  downsample,
  downsampleFactor,
  stageColours,
  ZEROED_RGB,
  ZEROED_STEPS,
  CONV_PADDING,
  MIN_FILTERS,
  MAX_FILTERS,
  KERNEL_SIZES,
  POOL_SIZES,
  POOL_STRIDES,
  STAGES,
  type PoolMode,
  type Stage,
  type BankFilter,
  type PoolSpec,
  type LayerSpec,
  type LayerResult,
  type PoolTrace,
  type ReluTrace,
  type ConvTrace,
  type ConvTerm,
  type WindowCell,
} from './feature-maps';
export {
  DIGIT_SIZE,
  DIGIT_PIXELS,
  DIGIT_CLASSES,
  DIGITS_URL,
  DIGITS_HEADER_URL,
  parseDigits,
  digitImage,
  digitsToFloats,
  digitBatch,
  digitsRight,
  gunzip,
  fetchedDigits,
  type DigitsHeader,
  type DigitSplitHeader,
  type DigitSplit,
  type DigitSet,
} from './digits';
export { mulberry32, shuffled } from './seeded';
export {
  DIGIT_NET,
  DIGIT_WEIGHT_SHAPES,
  DIGIT_WEIGHT_COUNT,
  weightList,
  weightsFromList,
  zeroDigitWeights,
  type Tensor2,
  type ConvWeights,
  type DenseWeights,
  type DigitWeights,
} from './digit-net-layout';
export {
  biasAdd,
  flatten,
  dense,
  softmax,
  crossEntropy,
  PROBABILITY_EPSILON,
  digitNetForward,
  digitNetForwardFast,
  digitNetLoss,
  digitNetLoss64,
  argmaxRows,
  type DigitStages,
} from './digit-net';
export {
  DIGIT_MODEL_URL,
  DIGIT_WEIGHT_NAMES,
  weightsFromLayersModel,
  type LayersModelJson,
} from './digit-weights-file';
export { centreDigit, DIGIT_BOX } from './digit-preprocess';
export {
  conv1d,
  conv1dTerms,
  maxOverTime,
  planConv1d,
  tapPosition,
  sequence,
  type Sequence,
  type Filter1,
  type Conv1DOptions,
  type Conv1DTerm,
  type MaxOverTime,
  type Plan1D,
} from './conv1d';
export {
  MAX_TOKENS,
  SPACE_MARK,
  graphemes,
  tokenKey,
  tokenize,
  cutNotice,
  vocabulary,
  oneHot,
  shownToken,
  type Tokens,
} from './text-tokens';
export {
  MIN_FILTER_WIDTH,
  MAX_FILTER_WIDTH,
  MAX_TEXT_FILTERS,
  filterFromText,
  filterWeight,
  setFilterWeight,
  resizeFilter,
  filterBank,
  textConv,
  type FilterRow,
  type TextFilter,
  type Made,
  type TextConvSettings,
  type FilterOutput,
  type TextConvResult,
} from './text-conv';
export {
  TEXT_CLASSES,
  SUBJECT_MAX,
  subjectOf,
  parseSubjects,
  type TextClass,
  type SubjectSet,
} from './text-data';
// The text classifier's modules (text-words, text-cnn, text-baseline, text-cnn-file,
// text-training) are imported by path, not re-exported here: re-exported, they landed in the chunk
// every island shares and cost FeatureMaps and TextConv 1.2 KB (gzip) of code they never run.
