/**
 * The backend a training worker runs on: WebAssembly (one thread, with the kernels it lacks for
 * training registered: wasm-segment-sum.ts), or the plain JavaScript CPU backend when WASM cannot
 * start within 8 s or the page asked for it (?backend=cpu). Workers only: it imports both backends.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasm-segment-sum';
import { WASM_PATHS } from './wasm-paths';

export type TrainingBackend = 'wasm' | 'cpu';

export async function startTrainingBackend(
  wanted: TrainingBackend | null,
): Promise<{ backend: TrainingBackend; reason: string }> {
  if (wanted !== 'cpu') {
    try {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths(WASM_PATHS);
      const ok = await Promise.race([
        tf.setBackend('wasm'),
        new Promise<false>((r) => setTimeout(() => r(false), 8000)),
      ]);
      if (ok && tf.getBackend() === 'wasm') {
        registerWasmTrainingKernels();
        return { backend: 'wasm', reason: 'WebAssembly' };
      }
    } catch {
      // falls through to the CPU backend
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return {
    backend: 'cpu',
    reason: wanted === 'cpu' ? 'plain JavaScript, as asked' : 'plain JavaScript (WebAssembly did not start)',
  };
}
