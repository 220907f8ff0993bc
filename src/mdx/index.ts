/** The authors' API: everything an MDX post may import. Import from '~/mdx'. */
export { default as EditorNote } from './EditorNote.astro';
export { default as Figure } from './Figure.astro';
export { default as ConvolutionFigure } from './ConvolutionFigure.astro';
export { default as ConvolutionStepper } from './ConvolutionStepper.astro';
export { default as KernelPlayground } from './KernelPlayground.astro';
export { default as Sic } from './Sic.astro';
export { default as FeatureMaps } from './FeatureMaps.astro';
export { default as TextConvolution } from './TextConvolution.astro';
export { default as DigitNetwork } from './DigitNetwork.astro';
export { default as TextClassifier } from './TextClassifier.astro';
