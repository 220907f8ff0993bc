/**
 * Feature-map values to display colours. Unsigned values are drawn as they are (grey or RGB);
 * signed single-channel values use a diverging blue-white-red map centred on zero, so the sign is
 * visible. 'clip' keeps pixel units (0..255); 'normalize' stretches the actual range to full scale.
 */
export type Scaling = 'clip' | 'normalize';

export interface Legend {
  kind: 'gray' | 'rgb' | 'diverging';
  /** The value drawn at the low end of the scale. */
  low: number;
  /** The value drawn at the high end of the scale. */
  high: number;
  /** The actual range of the values. */
  min: number;
  max: number;
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
  const { min, max } = range(values);
  const signed = min < 0;
  if (channels === 1 && signed) {
    const m = scaling === 'clip' ? 255 : Math.max(Math.abs(min), Math.abs(max)) || 1;
    const lut = divergingTable();
    for (let i = 0, j = 0; i < pixels; i++, j += 4) {
      const t = (values[i] as number) / m;
      const k = 3 * Math.round((t < -1 ? -1 : t > 1 ? 1 : t) * 255 + 255);
      out[j] = lut[k] as number;
      out[j + 1] = lut[k + 1] as number;
      out[j + 2] = lut[k + 2] as number;
      out[j + 3] = 255;
    }
    return { kind: 'diverging', low: -m, high: m, min, max };
  }
  // Linear map value -> byte: byte = (v - low) * scale.
  let low = 0;
  let high = 255;
  if (scaling === 'normalize') {
    if (signed) {
      high = Math.max(Math.abs(min), Math.abs(max)) || 1;
      low = -high;
    } else {
      low = min;
      high = max > min ? max : min + 1;
    }
  }
  const scale = 255 / (high - low);
  const identity = low === 0 && high === 255;
  if (channels === 3) {
    for (let i = 0, j = 0; i < values.length; i += 3, j += 4) {
      out[j] = identity ? (values[i] as number) : ((values[i] as number) - low) * scale;
      out[j + 1] = identity ? (values[i + 1] as number) : ((values[i + 1] as number) - low) * scale;
      out[j + 2] = identity ? (values[i + 2] as number) : ((values[i + 2] as number) - low) * scale;
      out[j + 3] = 255;
    }
  } else {
    for (let i = 0, j = 0; i < pixels; i++, j += 4) {
      const v = identity ? (values[i] as number) : ((values[i] as number) - low) * scale;
      out[j] = v;
      out[j + 1] = v;
      out[j + 2] = v;
      out[j + 3] = 255;
    }
  }
  return { kind: channels === 3 ? 'rgb' : 'gray', low, high, min, max };
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
