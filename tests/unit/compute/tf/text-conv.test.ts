import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { conv1d, maxOverTime, sequence, type Filter1 } from '~/compute';
import { conv1dTf, maxOverTimeTf } from '~/compute/tf';
import { maxRelativeError, randomArray } from '../random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const paddings = ['valid', 'same', 1] as const;

describe('conv1dTf equals the reference on a grid of shapes (cpu backend)', () => {
  for (const length of [1, 5, 12])
    for (const channels of [1, 4])
      for (const width of [2, 3, 5])
        for (const outChannels of [1, 3])
          test(`conv1d x=[${length},${channels}] w=[${width},${channels},${outChannels}] over strides, dilations, paddings`, async () => {
            const before = tf.memory().numTensors;
            const input = sequence(length, channels, randomArray(length * channels, length * 7 + channels));
            const filter: Filter1 = {
              data: randomArray(width * channels * outChannels, width * 13 + outChannels),
              width,
              inChannels: channels,
              outChannels,
            };
            const bias = randomArray(outChannels, 99);
            for (const stride of [1, 2, 3])
              for (const dilation of [1, 2])
                for (const padding of paddings) {
                  const options = { stride, dilation, padding, bias };
                  const want = conv1d(input, filter, options);
                  const got = await conv1dTf(input, filter, options);
                  const where = `s=${stride} d=${dilation} p=${padding}`;
                  expect(got.length, where).toBe(want.length);
                  expect(maxRelativeError(got.data, want.data), where).toBeLessThan(1e-5);
                }
            expect(tf.memory().numTensors).toBe(before);
          });
});

describe('maxOverTimeTf equals the reference, ties to the first position', () => {
  test('[[3,1],[5,5],[5,2]] → 5 at 1, 5 at 1; and a random [20, 6]', async () => {
    const tie = sequence(3, 2, [3, 1, 5, 5, 5, 2]);
    const m = await maxOverTimeTf(tie);
    expect([...m.values, ...m.positions]).toEqual([5, 5, 1, 1]);
    const r = sequence(20, 6, randomArray(120, 5));
    const [a, b] = [await maxOverTimeTf(r), maxOverTime(r)];
    expect([...a.positions]).toEqual([...b.positions]);
    expect(maxRelativeError(a.values, b.values)).toBeLessThan(1e-6);
  });
});
