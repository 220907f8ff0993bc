/**
 * The WASM binaries, emitted by Vite as hashed files of this site (never a CDN). Only one is
 * fetched at run time: SIMD where the browser has it, plain otherwise. Threads are off (they need
 * COOP/COEP headers and gave no speed-up on 2 cores), so the threaded binary is not shipped.
 */
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

// setWasmPaths wants an entry for all three binaries. Multithreading is switched off before the
// backend starts, so the threaded entry is never fetched; it points at the SIMD file rather than
// shipping ~0.5 MB that no reader would download.
export const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': plain,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': simd,
};
