import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { channelOf, featureMaps, stageColours } from '~/compute';
import { toSpec, workingPicture, type FeatureMapsState } from '~/islands/feature-maps/model';
import { staticMaps } from '~/islands/feature-maps/static-figure';
import { decodePng } from '~/islands/kernel-playground/static-figure';

const STATE: FeatureMapsState = {
  size: 3,
  filters: [
    { values: [-1, 0, 1, -2, 0, 2, -1, 0, 1], bias: 0 },
    { values: [0, 1, 0, 1, -4, 1, 0, 1, 0], bias: -10 },
  ],
  relu: true,
  pool: { mode: 'max', size: 3, stride: 2 },
  sample: 'shapes',
};

test('the build-time maps: one PNG per filter and stage, at the stage’s size, in the live colours', () => {
  const built = staticMaps('/samples/shapes.png', STATE);
  expect([built.inputH, built.inputW]).toEqual([64, 64]);
  expect(built.maps).toHaveLength(2);
  const png = decodePng(readFileSync('public/samples/shapes.png'));
  const pic = workingPicture(png.rgba, png.width, png.height);
  const result = featureMaps({ data: pic.values, shape: [1, 64, 64, 1] }, toSpec(STATE));
  // conv and ReLU 62×62; pool ⌊(62 − 3) / 2⌋ + 1 = 30.
  const sizes = { conv: 62, relu: 62, pool: 30 } as const;
  for (const [f, maps] of built.maps.entries()) {
    for (const stage of ['conv', 'relu', 'pool'] as const) {
      const decoded = decodePng(
        Buffer.from((maps[stage] ?? '').replace(/^data:image\/png;base64,/, ''), 'base64'),
      );
      expect([decoded.width, decoded.height]).toEqual([sizes[stage], sizes[stage]]);
      const want = new Uint8ClampedArray(sizes[stage] * sizes[stage] * 4);
      stageColours(
        channelOf(result[stage], f),
        want,
        stage === 'relu' ? channelOf(result.conv, f) : undefined,
      );
      expect([...decoded.rgba]).toEqual([...want]);
    }
  }
});
