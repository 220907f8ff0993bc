/**
 * Feature-map values to display colours, so that every kernel gives a visible picture.
 *
 * Three scalings, chosen by the reader:
 * - 'auto' (the default): values that stay within 0..255 are drawn as they are; unsigned values
 *   that leave 0..255 are stretched from their minimum to their maximum; signed values are drawn
 *   on a symmetric range −m..m (m the largest magnitude), so zero sits in the middle of the scale.
 * - 'clip': pixel units kept; below 0 is black, above 255 is white.
 * - 'normalize' ("stretch"): the actual range always fills the scale (symmetric when signed).
 *
 * One channel and signed: a diverging blue-white-red map centred on zero. One channel, unsigned:
 * grey. Three channels: each channel is its own colour, all three through the same linear map, so
 * colours keep their balance; zero is mid-grey when signed.
 */
export type Scaling = 'auto' | 'clip' | 'normalize';

export const SCALINGS: readonly Scaling[] = ['auto', 'clip', 'normalize'];

export interface ChannelRange {
  min: number;
  max: number;
}

export interface Legend {
  kind: 'gray' | 'rgb' | 'diverging';
  /** The scaling that drew it ('auto' resolved: what was actually done). */
  scaling: Scaling;
  /** The value drawn at the low end of the scale (black, or full blue). */
  low: number;
  /** The value drawn at the high end of the scale (white, full channel colour, or full red). */
  high: number;
  /** The actual range of all the values. */
  min: number;
  max: number;
  /** Per channel (RGB only, in order red, green, blue): that channel's actual range. */
  channels: ChannelRange[];
  /** How many values fell outside low..high and were drawn at an end (clip only). */
  clipped: number;
}

const NEG = [33, 102, 172] as const;
const MID = [247, 247, 247] as const;
const POS = [178, 24, 43] as const;

/** The diverging colour for t in [-1, 1]. */
export function diverging(t: number): [number, number, number] {
  const c = Math.max(-1, Math.min(1, t));
  const end = c < 0 ? NEG : POS;
  const a = Math.abs(c);
  return [
    Math.round(MID[0] + (end[0] - MID[0]) * a),
    Math.round(MID[1] + (end[1] - MID[1]) * a),
    Math.round(MID[2] + (end[2] - MID[2]) * a),
  ];
}

export function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Each channel's range of HWC values, in one pass. */
function channelRanges(values: Float32Array, channels: number): ChannelRange[] {
  const out = Array.from({ length: channels }, () => ({
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  }));
  for (let c = 0; c < channels; c++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = c; i < values.length; i += channels) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out[c] = { min, max };
  }
  return out;
}

/**
 * The scale a scaling gives for values in min..max: the values drawn at its ends, and whether it is
 * centred on zero. Pure, so the legend and the drawing cannot disagree.
 */
export function scaleFor(
  scaling: Scaling,
  min: number,
  max: number,
): { low: number; high: number; signed: boolean; resolved: Scaling } {
  const signed = min < 0;
  if (scaling === 'clip') return { low: 0, high: 255, signed: false, resolved: 'clip' };
  if (scaling === 'auto' && !signed && max <= 255) {
    return { low: 0, high: 255, signed: false, resolved: 'clip' };
  }
  if (signed) {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    return { low: -m, high: m, signed: true, resolved: 'normalize' };
  }
  return { low: min, high: max > min ? max : min + 1, signed: false, resolved: 'normalize' };
}

/**
 * Writes HWC values (1 or 3 channels) into RGBA bytes `out` (alpha 255) and returns the legend.
 * `out` is reused between frames by the caller, so nothing is allocated per update. This runs on
 * every demo update, so each case is one tight loop (Uint8ClampedArray rounds and clamps).
 */
export function renderToRGBA(
  values: Float32Array,
  channels: 1 | 3,
  scaling: Scaling,
  out: Uint8ClampedArray,
): Legend {
  const pixels = values.length / channels;
  if (out.length !== pixels * 4) {
    throw new Error(`renderToRGBA: ${pixels} pixels need ${pixels * 4} RGBA bytes, got ${out.length}`);
  }
  const ranges = channelRanges(values, channels);
  const min = Math.min(...ranges.map((r) => r.min));
  const max = Math.max(...ranges.map((r) => r.max));
  const { low, high, signed, resolved } = scaleFor(scaling, min, max);
  const legend = (kind: Legend['kind']): Legend => ({
    kind,
    scaling: resolved,
    low,
    high,
    min,
    max,
    channels: channels === 3 ? ranges : [],
    clipped: resolved === 'clip' ? countOutside(values, low, high) : 0,
  });

  if (channels === 1 && signed) {
    const lut = divergingTable();
    const m = high;
    for (let i = 0, j = 0; i < pixels; i++, j += 4) {
      const t = (values[i] as number) / m;
      const k = 3 * Math.round((t < -1 ? -1 : t > 1 ? 1 : t) * 255 + 255);
      out[j] = lut[k] as number;
      out[j + 1] = lut[k + 1] as number;
      out[j + 2] = lut[k + 2] as number;
      out[j + 3] = 255;
    }
    return legend('diverging');
  }
  // Linear map value -> byte: byte = (v - low) * scale; Uint8ClampedArray clamps and rounds.
  const scale = 255 / (high - low);
  const identity = low === 0 && high === 255;
  if (channels === 3) {
    for (let i = 0, j = 0; i < values.length; i += 3, j += 4) {
      out[j] = identity ? (values[i] as number) : ((values[i] as number) - low) * scale;
      out[j + 1] = identity ? (values[i + 1] as number) : ((values[i + 1] as number) - low) * scale;
      out[j + 2] = identity ? (values[i + 2] as number) : ((values[i + 2] as number) - low) * scale;
      out[j + 3] = 255;
    }
    return legend('rgb');
  }
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    const v = identity ? (values[i] as number) : ((values[i] as number) - low) * scale;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return legend('gray');
}

function countOutside(values: Float32Array, low: number, high: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < low || v > high) n++;
  }
  return n;
}

let table: Uint8Array | null = null;

/** The diverging map sampled at 511 steps from -1 to 1, computed once. */
function divergingTable(): Uint8Array {
  if (table === null) {
    table = new Uint8Array(511 * 3);
    for (let k = 0; k < 511; k++) table.set(diverging(k / 255 - 1), k * 3);
  }
  return table;
}
