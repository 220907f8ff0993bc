/**
 * Loads the TensorFlow.js engine once per page, shared by every playground on it, and reports
 * progress. Everything the first picture needs is requested at once, not one file after another:
 * the engine's code, the WebAssembly backend's code and its .wasm binary (a preload that the
 * backend's own fetch then finds in the memory cache). This starts when the island's module runs,
 * which the .astro wrapper arranges before the playground reaches the screen.
 * ?backend=wasm|webgl|cpu in the page URL forces one (tests use it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackendReport } from '../../compute/tf';
import { WASM_PATHS } from '../../compute/tf/wasm-paths';

export type Engine = typeof import('../../compute/tf');

export type EngineState =
  | { status: 'loading'; step: 0 | 1 }
  | { status: 'ready'; engine: Engine; report: BackendReport }
  | { status: 'failed'; message: string };

interface Loading {
  code: Promise<Engine>;
  ready: Promise<{ engine: Engine; report: BackendReport }>;
}

let loading: Loading | null = null;

function preload(href: string): void {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.type = 'application/wasm';
  // Same mode and credentials as Emscripten's fetch(), so the preloaded response is the one used.
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}

/** Starts loading (once); later calls get the same promises. */
export function startEngine(): Loading {
  if (loading) return loading;
  performance.mark('kp:start');
  const forced = new URLSearchParams(window.location.search).get('backend');
  const code = import('../../compute/tf');
  if (forced === null || forced === 'wasm') {
    // In parallel with the engine: the backend package (the same chunk backend.ts imports) and
    // the SIMD binary, which every browser that runs this site's WASM path supports.
    void import('@tensorflow/tfjs-backend-wasm').catch(() => undefined);
    preload(WASM_PATHS['tfjs-backend-wasm-simd.wasm']);
  }
  const ready = code.then(async (engine) => {
    performance.mark('kp:code');
    const force = engine.BACKENDS.find((b) => b === forced);
    const report = await engine.chooseBackend(force ? { force } : {});
    performance.mark('kp:backend');
    return { engine, report };
  });
  loading = { code, ready };
  return loading;
}

// Start as soon as this module runs in a browser: before the first render, not after it.
if (typeof window !== 'undefined') startEngine();

export function useEngine(): EngineState {
  const [state, setState] = useState<EngineState>({ status: 'loading', step: 0 });
  useEffect(() => {
    let live = true;
    const { code, ready } = startEngine();
    code.then(
      () => live && setState((s) => (s.status === 'loading' ? { status: 'loading', step: 1 } : s)),
      () => undefined,
    );
    ready.then(
      ({ engine, report }) => live && setState({ status: 'ready', engine, report }),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        if (live)
          setState({ status: 'failed', message: `The convolution engine could not start: ${reason}` });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
