/**
 * The feature-maps benchmark case: a 256×256 grey picture through 8 filters 3×3 (each edit changes
 * one weight, as a reader typing), ReLU and a 2×2 max pool of stride 2, every stage of every filter
 * drawn (24 maps: colours and putImageData), timed three ways: the engine on the active backend,
 * a tight plain-JavaScript loop, and the readable reference.
 */
import { getBackend } from '@tensorflow/tfjs-core';
import * as reference from '../../src/compute';
import type { LayerSpec } from '../../src/compute';
import * as engine from '../../src/compute/tf';

export type FeatureMapsMode = 'engine' | 'tight-loop' | 'reference';

const SIZE = 256;
const FILTERS = 8;
const K = 3;

function picture(): Float32Array {
  let s = 12345;
  return Float32Array.from({ length: SIZE * SIZE }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  });
}

function bank(): LayerSpec {
  const presets = [
    'sobel-x',
    'sobel-y',
    'outline',
    'box-blur-3',
    'sharpen',
    'emboss',
    'gaussian-3',
    'seed-x',
  ];
  return {
    size: K,
    filters: presets.map((id, i) => ({ values: [...reference.kernelById(id as never).values], bias: i - 4 })),
    relu: true,
    pool: { mode: 'max', size: 2, stride: 2 },
  };
}

/**
 * What a plain-JavaScript explainer would write for speed: per filter, a direct 3×3 'valid' loop
 * plus bias into a planar map, ReLU into a second map, then a max pool, all arrays reused.
 */
export function tightLayer(
  input: Float32Array,
  h: number,
  w: number,
  spec: LayerSpec,
  out: { conv: Float32Array[]; relu: Float32Array[]; pool: Float32Array[] },
): void {
  const k = spec.size;
  const oh = h - k + 1;
  const ow = w - k + 1;
  const { size: ps, stride } = spec.pool;
  const ph = Math.floor((oh - ps) / stride) + 1;
  const pw = Math.floor((ow - ps) / stride) + 1;
  spec.filters.forEach((filter, f) => {
    const conv = out.conv[f] as Float32Array;
    const relu = out.relu[f] as Float32Array;
    const pool = out.pool[f] as Float32Array;
    const wt = filter.values;
    const [w0, w1, w2, w3, w4, w5, w6, w7, w8] = wt as number[];
    for (let y = 0; y < oh; y++) {
      const r0 = y * w;
      const r1 = r0 + w;
      const r2 = r1 + w;
      for (let x = 0; x < ow; x++) {
        let sum = filter.bias;
        if (k === 3) {
          sum +=
            (input[r0 + x] as number) * (w0 as number) +
            (input[r0 + x + 1] as number) * (w1 as number) +
            (input[r0 + x + 2] as number) * (w2 as number) +
            (input[r1 + x] as number) * (w3 as number) +
            (input[r1 + x + 1] as number) * (w4 as number) +
            (input[r1 + x + 2] as number) * (w5 as number) +
            (input[r2 + x] as number) * (w6 as number) +
            (input[r2 + x + 1] as number) * (w7 as number) +
            (input[r2 + x + 2] as number) * (w8 as number);
        } else {
          for (let m = 0; m < k; m++)
            for (let n = 0; n < k; n++)
              sum += (input[(y + m) * w + x + n] as number) * (wt[m * k + n] as number);
        }
        conv[y * ow + x] = sum;
        relu[y * ow + x] = spec.relu && sum < 0 ? 0 : sum;
      }
    }
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < ps; i++) {
          const row = (y * stride + i) * ow + x * stride;
          for (let j = 0; j < ps; j++) {
            const v = relu[row + j] as number;
            if (v > best) best = v;
          }
        }
        pool[y * pw + x] = best;
      }
    }
  });
}

interface Canvas {
  ctx: CanvasRenderingContext2D;
  image: ImageData;
}

function canvases(count: number, w: number, h: number): Canvas[] {
  return Array.from({ length: count }, () => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    document.body.append(canvas);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    return { ctx, image: ctx.createImageData(w, h) };
  });
}

export interface FeatureMapsResult {
  times: number[];
  /** Up to the maps as arrays (before colours and drawing). */
  computeTimes: number[];
  path: string;
  /** Largest relative difference of this mode's pooled maps from the reference. */
  error: number;
}

/** Times `iterations` full updates (after 3 warm-ups). */
export async function benchFeatureMaps(
  mode: FeatureMapsMode,
  iterations: number,
): Promise<FeatureMapsResult> {
  const input = picture();
  const spec = bank();
  const oh = SIZE - K + 1;
  const ph = Math.floor((oh - 2) / 2) + 1;
  const draw = {
    conv: canvases(FILTERS, oh, oh),
    relu: canvases(FILTERS, oh, oh),
    pool: canvases(FILTERS, ph, ph),
  };
  const planar = {
    conv: Array.from({ length: FILTERS }, () => new Float32Array(oh * oh)),
    relu: Array.from({ length: FILTERS }, () => new Float32Array(oh * oh)),
    pool: Array.from({ length: FILTERS }, () => new Float32Array(ph * ph)),
  };
  const tensor = { data: input, shape: [1, SIZE, SIZE, 1] as const };
  const fm = new engine.FeatureMapEngine();
  fm.setInput(input, SIZE, SIZE, 1);
  const times: number[] = [];
  const computeTimes: number[] = [];
  let lastPool: Float32Array[] = [];
  try {
    for (let i = 0; i < iterations + 3; i++) {
      const edited = spec.filters.map((f, j) =>
        j === i % FILTERS ? { ...f, values: f.values.map((v, t) => (t === 0 ? v + 0.01 * i : v)) } : f,
      );
      const layer = { ...spec, filters: edited };
      const start = performance.now();
      let maps: { conv: Float32Array[]; relu: Float32Array[]; pool: Float32Array[] };
      if (mode === 'tight-loop') {
        tightLayer(input, SIZE, SIZE, layer, planar);
        maps = planar;
      } else {
        const result = mode === 'engine' ? await fm.run(layer) : reference.featureMaps(tensor, layer);
        maps = {
          conv: reference.planesOf(result.conv, planar.conv),
          relu: reference.planesOf(result.relu, planar.relu),
          pool: reference.planesOf(result.pool, planar.pool),
        };
      }
      const computed = performance.now();
      for (let f = 0; f < FILTERS; f++) {
        for (const stage of ['conv', 'relu', 'pool'] as const) {
          const c = draw[stage][f] as Canvas;
          reference.stageColours(
            maps[stage][f] as Float32Array,
            c.image.data,
            stage === 'relu' ? maps.conv[f] : undefined,
          );
          c.ctx.putImageData(c.image, 0, 0);
        }
      }
      if (i >= 3) {
        times.push(performance.now() - start);
        computeTimes.push(computed - start);
      }
      lastPool = maps.pool.map((p) => p.slice());
      if (i === iterations + 2) {
        const expected = reference.featureMaps(tensor, layer);
        let worst = 0;
        lastPool.forEach((p, f) => {
          const e = reference.channelOf(expected.pool, f);
          e.forEach(
            (v, j) => (worst = Math.max(worst, Math.abs((p[j] as number) - v) / Math.max(1, Math.abs(v)))),
          );
        });
        return {
          times,
          computeTimes,
          path: mode === 'engine' ? `${getBackend()}: ${fm.path}` : mode,
          error: worst,
        };
      }
    }
  } finally {
    fm.dispose();
    Object.values(draw)
      .flat()
      .forEach((c) => c.ctx.canvas.remove());
  }
  return { times, computeTimes, path: mode, error: Number.NaN };
}
