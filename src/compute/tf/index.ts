/** The TensorFlow.js engine: the only import surface of src/compute/tf. */
export { chooseBackend, BACKENDS, type BackendName, type BackendReport, type ChooseOptions } from './backend';
export { isSoftwareRenderer, detectRenderer, type RendererInfo } from './renderer';
export { conv2d, depthwiseConv2d, maxPool, avgPool, relu } from './ops';
export { ImageFilter, type FilterMode, type FilterPath, type ImageFilterOptions } from './image';
export { tensorCount } from './memory';
export {
  FeatureMapEngine,
  type LayerMaps,
  type LayerPath,
  type FeatureMapEngineOptions,
} from './feature-maps';
export { conv1dTf, maxOverTimeTf } from './text-conv';
