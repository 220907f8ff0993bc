/**
 * The playground's state as a short text for the page's address, and back: which kernel (a preset
 * by name, or the size and values of the reader's own), grey or RGB, the scale and the picture.
 *
 *   kernel:sobel-x,mode:gray,scale:auto,sample:shapes
 *   kernel:3x3/-1/0/1/-2/0/2/-1/0/1,mode:rgb,scale:clip,sample:city
 *
 * Reading never throws: a text that cannot be read gives a sentence and the defaults.
 */
import { KERNELS, SCALINGS, type ChannelMode, type Scaling } from '../../compute';
import { parseCell } from '../shared/parse';

export interface PlaygroundState {
  size: 3 | 5;
  values: number[];
  mode: ChannelMode;
  scaling: Scaling;
  sample: string;
}

export type ReadState = { ok: true; state: PlaygroundState } | { ok: false; message: string };

const SCALE_WORDS: Record<Scaling, string> = { auto: 'auto', clip: 'clip', normalize: 'stretch' };

/** The text for a state: the preset's name when the values are exactly a preset's. */
export function writeState(state: PlaygroundState): string {
  const preset = KERNELS.find(
    (k) => k.size === state.size && k.values.every((v, i) => v === state.values[i]),
  );
  const kernel = preset ? preset.id : `${state.size}x${state.size}/${state.values.map(String).join('/')}`;
  return `kernel:${kernel},mode:${state.mode},scale:${SCALE_WORDS[state.scaling]},sample:${state.sample}`;
}

/** Reads a state written by writeState; `samples` are the picture ids that exist. */
export function readState(text: string, samples: readonly string[]): ReadState {
  const fail = (why: string): ReadState => ({
    ok: false,
    message: `The link’s settings for this playground could not be read (${why}), so it shows its usual figure.`,
  });
  const fields = new Map<string, string>();
  for (const part of text.split(',')) {
    const at = part.indexOf(':');
    if (at < 1) return fail(`“${part}” is not a setting`);
    fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const kernelText = fields.get('kernel');
  if (kernelText === undefined) return fail('it names no kernel');
  let size: 3 | 5;
  let values: number[];
  const preset = KERNELS.find((k) => k.id === kernelText);
  if (preset) {
    size = preset.size as 3 | 5;
    values = [...preset.values];
  } else {
    const [shape, ...cells] = kernelText.split('/');
    if (shape !== '3x3' && shape !== '5x5')
      return fail(`“${shape}” is not a preset, nor a 3x3 or 5x5 kernel`);
    size = shape === '3x3' ? 3 : 5;
    if (cells.length !== size * size) {
      return fail(`a ${size}×${size} kernel needs ${size * size} values, the link has ${cells.length}`);
    }
    values = [];
    for (const cell of cells) {
      const parsed = parseCell(decodeURIComponent(cell));
      if (!parsed.ok) return fail(`the kernel value “${cell}” is not a number`);
      values.push(parsed.value);
    }
  }
  const mode = fields.get('mode') ?? 'gray';
  if (mode !== 'gray' && mode !== 'rgb') return fail(`the colour mode “${mode}” is neither gray nor rgb`);
  const scaleWord = fields.get('scale') ?? 'auto';
  const scaling = SCALINGS.find((s) => SCALE_WORDS[s] === scaleWord);
  if (scaling === undefined) return fail(`the scale “${scaleWord}” is not auto, clip or stretch`);
  const sample = fields.get('sample') ?? samples[0] ?? '';
  if (!samples.includes(sample)) return fail(`there is no picture called “${sample}”`);
  return { ok: true, state: { size, values, mode, scaling, sample } };
}
