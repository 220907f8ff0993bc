/**
 * The one module that picks the TensorFlow.js backend: by what is fast, not by name. Each backend
 * package is imported only when it is tried. setBackend can resolve false or never settle, so each
 * try is raced against a timeout, and what it resolved to is checked.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ImageFilter } from './image';
import { detectRenderer, type RendererInfo } from './renderer';
// Static, not lazy: the island imports these URLs too (to preload the binary at once), so they sit
// in a small shared chunk rather than one chunk importing the other's.
import { WASM_PATHS } from './wasm-paths';

export type BackendName = 'wasm' | 'webgl' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];

export interface BackendReport {
  name: BackendName;
  /** One sentence a reader can understand: why this backend runs here. */
  reason: string;
  /** Every backend tried, in order, with what happened. */
  tried: { name: BackendName; outcome: string }[];
  renderer: RendererInfo | null;
}

export interface ChooseOptions {
  /** Use this backend or fail (tests, and the ?backend= URL parameter). */
  force?: BackendName;
  /** How long one backend may take to initialise. Default 8000 ms. */
  timeoutMs?: number;
}

const loaders: Record<BackendName, () => Promise<unknown>> = {
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths(WASM_PATHS);
  },
};

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

/** Loads and switches to one backend; returns null on success, or what went wrong. */
async function trySet(name: BackendName, timeoutMs: number): Promise<string | null> {
  try {
    await loaders[name]();
    const result = await Promise.race([tf.setBackend(name), timeout(timeoutMs)]);
    if (result === 'timeout') return `did not initialise within ${timeoutMs} ms`;
    if (result !== true) return 'failed to initialise';
    if (tf.getBackend() !== name) return `resolved to ${tf.getBackend()} instead`;
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Median time of the playground's filter on the active backend (3x3 kernel edits on 256x256 RGB,
 * read back): ImageFilter runs the code a demo update runs, on WASM its SIMD function.
 */
async function calibrate(): Promise<number> {
  const filter = new ImageFilter();
  const kernel = [0, -1, 0, -1, 5, -1, 0, -1, 0];
  const times: number[] = [];
  try {
    filter.setImage(new Uint8ClampedArray(256 * 256 * 4).fill(200), 256, 256, 'rgb');
    for (let i = 0; i < 7; i++) {
      kernel[4] = 5 + i;
      const start = performance.now();
      await filter.apply(kernel, 3);
      if (i >= 2) times.push(performance.now() - start);
    }
  } finally {
    filter.dispose();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.POSITIVE_INFINITY;
}

/**
 * Chooses and activates a backend. Without a GPU, WASM (SIMD) is fastest, then CPU; WebGL on a
 * software rasteriser is never used. With a real GPU, WebGL and WASM are timed on the same work
 * and the faster one wins.
 */
export async function chooseBackend(options: ChooseOptions = {}): Promise<BackendReport> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const tried: BackendReport['tried'] = [];
  const attempt = async (name: BackendName): Promise<boolean> => {
    const failure = await trySet(name, timeoutMs);
    tried.push({ name, outcome: failure ?? 'ready' });
    return failure === null;
  };

  if (options.force) {
    const renderer = detectRenderer();
    if (!(await attempt(options.force))) {
      throw new Error(`The ${options.force} backend could not start: ${tried.at(-1)?.outcome}.`);
    }
    return { name: options.force, reason: `${options.force} was asked for.`, tried, renderer };
  }

  // WASM starts loading first; the WebGL probe (a context made and lost, tens of ms on a software
  // rasteriser) runs while its code and binary are on the network, not after.
  const wasmTry = attempt('wasm');
  const renderer = detectRenderer();
  const wasmOk = await wasmTry;
  if (renderer && !renderer.software) {
    const wasmMs = wasmOk ? await calibrate() : Number.POSITIVE_INFINITY;
    if (await attempt('webgl')) {
      const webglMs = await calibrate();
      if (webglMs < wasmMs) {
        return {
          name: 'webgl',
          reason: `The GPU (${renderer.renderer}) ran the test filter in ${webglMs.toFixed(1)} ms, WASM in ${wasmMs.toFixed(1)} ms.`,
          tried,
          renderer,
        };
      }
      if (wasmOk && (await attempt('wasm'))) {
        return {
          name: 'wasm',
          reason: `WASM ran the test filter in ${wasmMs.toFixed(1)} ms, the GPU in ${webglMs.toFixed(1)} ms.`,
          tried,
          renderer,
        };
      }
    }
  }
  if (wasmOk && tf.getBackend() === 'wasm') {
    const why = renderer
      ? renderer.software
        ? `WebGL here is a software rasteriser (${renderer.renderer}), slower than WASM`
        : 'WebGL could not start'
      : 'there is no WebGL here';
    return { name: 'wasm', reason: `WASM with SIMD is the fastest path: ${why}.`, tried, renderer };
  }
  if (await attempt('cpu')) {
    const wasmFailure = tried.find((t) => t.name === 'wasm')?.outcome ?? 'not tried';
    return {
      name: 'cpu',
      reason: `Plain JavaScript, because WASM failed (${wasmFailure}).`,
      tried,
      renderer,
    };
  }
  throw new Error(
    `No TensorFlow.js backend could start: ${tried.map((t) => `${t.name} ${t.outcome}`).join('; ')}.`,
  );
}
