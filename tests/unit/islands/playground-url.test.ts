import { describe, expect, test } from 'vitest';
import { kernelById } from '~/compute';
import { playgroundCodec, type PlaygroundState } from '~/islands/kernel-playground/url-state';
import { encodeState, readState } from '~/islands/shared/url-state';

const codec = playgroundCodec(['shapes', 'city']);
const sobel: PlaygroundState = {
  size: 3,
  values: [...kernelById('sobel-x').values],
  mode: 'gray',
  scaling: 'auto',
  sample: 'shapes',
};

describe('the playground’s state in the address', () => {
  test('a preset is written by name', () => {
    expect(encodeState(codec, sobel)).toBe('v:1~k:sobel-x~m:gray~s:auto~i:shapes');
  });

  test('custom values are written one by one, and read back exactly', () => {
    const mine: PlaygroundState = {
      size: 3,
      values: [-1.5, 0, 1, -2, 0.25, 2, -1, 0, 1],
      mode: 'rgb',
      scaling: 'normalize',
      sample: 'city',
    };
    const text = encodeState(codec, mine);
    expect(text).toBe('v:1~k:-1.5,0,1,-2,0.25,2,-1,0,1~m:rgb~s:stretch~i:city');
    expect(readState(`#playground-1=${text}`, 'playground-1', codec)).toEqual({ kind: 'ok', state: mine });
  });

  test('a 5×5 preset round-trips', () => {
    const gauss: PlaygroundState = { ...sobel, size: 5, values: [...kernelById('gaussian-5').values] };
    const text = encodeState(codec, gauss);
    expect(text).toContain('k:gaussian-5');
    expect(readState(`#playground-2=${text}`, 'playground-2', codec)).toEqual({ kind: 'ok', state: gauss });
  });

  for (const [fields, why] of [
    ['v:1~k:9x9', 'the kernel “9x9” is neither a preset nor 9 or 25 numbers.'],
    ['v:1~k:1,2,3,4,5,6,7,8,x', 'the kernel value “x” is not a number.'],
    ['v:1~k:sobel-x~m:cmyk', 'the colour mode “cmyk” is neither gray nor rgb.'],
    ['v:1~k:sobel-x~s:log', 'the scale “log” is not auto, clip or stretch.'],
    ['v:1~k:sobel-x~i:moon', 'there is no picture called “moon”.'],
  ] as const) {
    test(`${fields}: a sentence naming the field`, () => {
      const read = readState(`#playground-1=${fields}`, 'playground-1', codec);
      expect(read.kind).toBe('problem');
      expect(read.kind === 'problem' && read.message).toContain(why);
    });
  }
});
