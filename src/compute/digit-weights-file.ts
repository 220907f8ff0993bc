/**
 * The shipped, pretrained weights in TensorFlow.js's layers format, read without TensorFlow.js:
 * model.json (the architecture and a weights manifest) plus one binary file of little-endian
 * float32 values, one array after another in the manifest's order. So the build-time figure
 * (the reference forward pass) and the live model read the very same numbers.
 *
 * Served at DIGIT_MODEL_URL under the site's base path (public/models/digit-network/), written by
 * `npm run train:digits` (scripts/train-digits.ts).
 */
import { weightsFromList, type DigitWeights } from './digit-net-layout.ts';

/** model.json of the pretrained network (relative to the site's base path). */
export const DIGIT_MODEL_URL = 'models/digit-network/model.json';

/** The names the layers model gives its weights, in model.getWeights() order. */
export const DIGIT_WEIGHT_NAMES = [
  'conv1/kernel',
  'conv1/bias',
  'conv2/kernel',
  'conv2/bias',
  'dense/kernel',
  'dense/bias',
] as const;

/** The part of model.json this reader needs. */
export interface LayersModelJson {
  readonly format?: string;
  readonly weightsManifest: readonly {
    readonly paths: readonly string[];
    readonly weights: readonly {
      readonly name: string;
      readonly shape: readonly number[];
      readonly dtype: string;
    }[];
  }[];
}

/** DigitWeights from model.json and the bytes of its one weights file. */
export function weightsFromLayersModel(json: LayersModelJson, bin: Uint8Array): DigitWeights {
  const op = 'weightsFromLayersModel';
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const found = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32') throw new Error(`${op}: ${spec.name} is ${spec.dtype}, expected float32`);
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (offset + size * 4 > bin.length) {
      throw new Error(
        `${op}: ${spec.name} needs bytes ${offset}-${offset + size * 4}, the file has ${bin.length}`,
      );
    }
    const view = new DataView(bin.buffer, bin.byteOffset + offset, size * 4);
    found.set(
      spec.name,
      Float32Array.from({ length: size }, (_, i) => view.getFloat32(i * 4, true)),
    );
    offset += size * 4;
  }
  if (offset !== bin.length)
    throw new Error(`${op}: the manifest reads ${offset} bytes, the file has ${bin.length}`);
  return weightsFromList(
    DIGIT_WEIGHT_NAMES.map((name) => {
      const w = found.get(name);
      if (w === undefined) throw new Error(`${op}: model.json has no weight named ${name}`);
      return w;
    }),
  );
}
