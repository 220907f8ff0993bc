/**
 * The stepper's state in the address (format: src/islands/shared/url-state.ts):
 *   stepper-1=v:1~s:2~p:same~d:1~x:1,1,1,0,0,…~k:1,0,1,…~c:4
 * s stride, p padding, d dilation, x the input and k the kernel (row by row, square), c the
 * selected output cell. Every field is checked; a link that does not fit gives a sentence.
 */
import type { Decoded, UrlCodec } from '../shared/url-state';
import { LIMITS, makeFrame, parseCell, parsePadding, parseSetting, type Grid, type Settings } from './model';

export interface StepperState {
  input: Grid;
  kernel: Grid;
  settings: Settings;
  selected: number;
}

function square(name: string, text: string | undefined, min: number, max: number): Decoded<Grid> {
  const cells = (text ?? '').split(',');
  const size = Math.round(Math.sqrt(cells.length));
  if (text === undefined || size * size !== cells.length || size < min || size > max) {
    return { ok: false, message: `the ${name} must be a square of ${min}×${min} to ${max}×${max} numbers.` };
  }
  const values: number[] = [];
  for (const cell of cells) {
    const parsed = parseCell(cell);
    if (!parsed.ok) return { ok: false, message: `the ${name} holds “${cell}”, which is not a number.` };
    values.push(parsed.value);
  }
  return { ok: true, value: Array.from({ length: size }, (_, r) => values.slice(r * size, r * size + size)) };
}

export const STEPPER_CODEC: UrlCodec<StepperState> = {
  version: 1,
  encode: (s) => ({
    s: String(s.settings.stride),
    p: String(s.settings.padding),
    d: String(s.settings.dilation),
    x: s.input.flat().join(','),
    k: s.kernel.flat().join(','),
    c: String(s.selected),
  }),
  decode: (f) => {
    const input = square('input', f.x, LIMITS.inputSize.min, LIMITS.inputSize.max);
    if (!input.ok) return input;
    const kernel = square('kernel', f.k, LIMITS.kernelSize.min, LIMITS.kernelSize.max);
    if (!kernel.ok) return kernel;
    const stride = parseSetting('stride', f.s ?? '');
    if (!stride.ok) return { ok: false, message: stride.message };
    const dilation = parseSetting('dilation', f.d ?? '');
    if (!dilation.ok) return { ok: false, message: dilation.message };
    const padding = parsePadding(f.p ?? '');
    if (!padding.ok) return { ok: false, message: padding.message };
    const settings = { stride: stride.value, dilation: dilation.value, padding: padding.value };
    const frame = makeFrame(input.value, kernel.value, settings);
    if (!frame.ok) return { ok: false, message: frame.message };
    const count = frame.value.plan.outH * frame.value.plan.outW;
    const selected = Number(f.c ?? '0');
    if (!Number.isInteger(selected) || selected < 0 || selected >= count) {
      return { ok: false, message: `there is no output cell ${f.c} in a ${count}-cell output.` };
    }
    return { ok: true, value: { input: input.value, kernel: kernel.value, settings, selected } };
  },
};
