/**
 * The playground's state in the page's address (the fragment format is the toolkit's,
 * src/islands/shared/url-state.ts): which kernel (a preset by name, or the reader's own values),
 * grey or RGB, the scale and the picture.
 *
 *   playground-1=v:1~k:sobel-x~m:gray~s:auto~i:shapes
 *   playground-1=v:1~k:-1,0,1,-2,0,2,-1,0,1~m:rgb~s:clip~i:city
 *
 * Decoding checks every field and says in plain words which one is wrong.
 */
import { KERNELS, SCALINGS, type ChannelMode, type Scaling } from '../../compute';
import { parseCell } from '../shared/parse';
import type { UrlCodec } from '../shared/url-state';

export interface PlaygroundState {
  size: 3 | 5;
  values: number[];
  mode: ChannelMode;
  scaling: Scaling;
  sample: string;
}

const SCALE_WORDS: Record<Scaling, string> = { auto: 'auto', clip: 'clip', normalize: 'stretch' };

/** The codec for the playgrounds of a page whose sample pictures have these ids. */
export function playgroundCodec(samples: readonly string[]): UrlCodec<PlaygroundState> {
  return {
    version: 1,
    encode: (state) => {
      const preset = KERNELS.find(
        (k) => k.size === state.size && k.values.every((v, i) => v === state.values[i]),
      );
      return {
        k: preset ? preset.id : state.values.map(String).join(','),
        m: state.mode,
        s: SCALE_WORDS[state.scaling],
        i: state.sample,
      };
    },
    decode: (fields) => {
      const kernel = fields.k ?? '';
      const preset = KERNELS.find((k) => k.id === kernel);
      let size: 3 | 5;
      let values: number[];
      if (preset) {
        size = preset.size as 3 | 5;
        values = [...preset.values];
      } else {
        const cells = kernel.split(',');
        if (cells.length !== 9 && cells.length !== 25) {
          return {
            ok: false,
            message: `the kernel “${kernel}” is neither a preset nor 9 or 25 numbers.`,
          };
        }
        size = cells.length === 9 ? 3 : 5;
        values = [];
        for (const cell of cells) {
          const parsed = parseCell(cell);
          if (!parsed.ok) return { ok: false, message: `the kernel value “${cell}” is not a number.` };
          values.push(parsed.value);
        }
      }
      const mode = fields.m ?? 'gray';
      if (mode !== 'gray' && mode !== 'rgb') {
        return { ok: false, message: `the colour mode “${mode}” is neither gray nor rgb.` };
      }
      const scaling = SCALINGS.find((s) => SCALE_WORDS[s] === (fields.s ?? 'auto'));
      if (scaling === undefined) {
        return { ok: false, message: `the scale “${fields.s}” is not auto, clip or stretch.` };
      }
      const sample = fields.i ?? samples[0] ?? '';
      if (!samples.includes(sample)) return { ok: false, message: `there is no picture called “${sample}”.` };
      return { ok: true, value: { size, values, mode, scaling, sample } };
    },
  };
}
