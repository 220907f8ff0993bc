/**
 * The demo's maps computed at build time (Node only: the .astro wrapper imports this, the island
 * never does) by src/compute's reference, from the same working picture the live demo makes, and
 * drawn with the same colours: one PNG data URL per filter and stage. The reader sees them until the
 * live maps are drawn, and without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelOf, featureMaps, stageColours, STAGES, type Stage } from '../../compute';
import { decodePng, encodePng } from '../kernel-playground/static-figure';
import { toSpec, workingPicture, type FeatureMapsState } from './model';

export interface StaticMaps {
  inputH: number;
  inputW: number;
  /** maps[filter][stage]: a PNG data URL. */
  maps: Record<Stage, string>[];
}

function png(values: Float32Array, w: number, h: number, zeroedFrom?: Float32Array): string {
  const rgba = new Uint8ClampedArray(w * h * 4);
  stageColours(values, rgba, zeroedFrom);
  return `data:image/png;base64,${encodePng(rgba, w, h).toString('base64')}`;
}

/** Built maps by picture and state: two figures with the same props are computed once a build. */
const built = new Map<string, StaticMaps>();

export function staticMaps(file: string, state: FeatureMapsState): StaticMaps {
  const key = `${file}|${JSON.stringify(state)}`;
  const known = built.get(key);
  if (known !== undefined) return known;
  const maps = computeMaps(file, state);
  built.set(key, maps);
  return maps;
}

function computeMaps(file: string, state: FeatureMapsState): StaticMaps {
  const { rgba, width, height } = decodePng(readFileSync(join(process.cwd(), 'public', file)));
  const picture = workingPicture(rgba, width, height);
  const result = featureMaps(
    { data: picture.values, shape: [1, picture.height, picture.width, 1] },
    toSpec(state),
  );
  const maps = state.filters.map((_, f) => {
    const conv = channelOf(result.conv, f);
    const out = {} as Record<Stage, string>;
    for (const stage of STAGES) {
      const t = result[stage];
      const values = channelOf(t, f);
      out[stage] = png(values, t.shape[2], t.shape[1], stage === 'relu' && state.relu ? conv : undefined);
    }
    return out;
  });
  return { inputH: picture.height, inputW: picture.width, maps };
}
