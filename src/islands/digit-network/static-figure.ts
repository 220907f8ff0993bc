/**
 * The figure computed at build time (Node only: the .astro wrapper imports this, the island never
 * does): one held-out digit through the shipped pretrained weights by src/compute's reference, the
 * very arrays and forward pass the live demo uses, drawn with the same colours (paint.ts). The
 * reader sees it until the demo is live, and without JavaScript; the feed shows its pictures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  digitImage,
  parseDigits,
  planesOf,
  weightsFromLayersModel,
  type DigitsHeader,
  type DigitWeights,
  type LayersModelJson,
} from '../../compute';
import { encodePng } from '../kernel-playground/static-figure';
import { digitInput, filtersOf, runNetwork } from './model';
import { colours, filterColours } from './paint';
import { toBase64, type StartFigure } from './props';

export interface StaticDigitFigure extends StartFigure {
  /** PNG data URLs: the input, the first layer's 8 maps, the second's 16, the 8 filters. */
  pictures: { input: string; layer1: string[]; layer2: string[]; filters: string[] };
}

const pub = (path: string) => join(process.cwd(), 'public', path);

let cache: { weights: DigitWeights; test: ReturnType<typeof parseDigits>['test'] } | null = null;

function load() {
  if (cache) return cache;
  const json = JSON.parse(readFileSync(pub('models/digit-network/model.json'), 'utf8')) as LayersModelJson;
  const weights = weightsFromLayersModel(
    json,
    new Uint8Array(readFileSync(pub('models/digit-network/weights.bin'))),
  );
  const header = JSON.parse(readFileSync(pub('data/digits/digits.json'), 'utf8')) as DigitsHeader;
  const digits = parseDigits(
    new Uint8Array(gunzipSync(readFileSync(pub('data/digits/digits.u8.gz')))),
    header,
  );
  cache = { weights, test: digits.test };
  return cache;
}

const dataUrl = (rgba: Uint8ClampedArray, w: number, h: number) =>
  `data:image/png;base64,${encodePng(rgba, w, h).toString('base64')}`;
const png = (values: Float32Array, w: number, h: number) => dataUrl(colours(values), w, h);

export function staticDigitFigure(index: number): StaticDigitFigure {
  const { weights, test } = load();
  const bytes = digitImage(test, index);
  const input = digitInput(bytes);
  const stages = runNetwork(weights, input);
  const filters = filtersOf(weights.conv1.kernel.data);
  return {
    index,
    label: test.labels[index] as number,
    pixels: toBase64(bytes),
    probabilities: Array.from(stages.probabilities.data),
    filters,
    pictures: {
      input: png(input, 28, 28),
      layer1: planesOf(stages.relu1).map((p) => png(p, 26, 26)),
      layer2: planesOf(stages.relu2).map((p) => png(p, 11, 11)),
      filters: filters.map((f) => dataUrl(filterColours(f), 3, 3)),
    },
  };
}
