/**
 * Loads the TensorFlow.js engine when the playground hydrates (never before), picks the backend,
 * and reports progress. ?backend=wasm|webgl|cpu in the page URL forces one (tests use it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackendReport } from '../../compute/tf';

export type Engine = typeof import('../../compute/tf');

export type EngineState =
  | { status: 'loading' }
  | { status: 'ready'; engine: Engine; report: BackendReport }
  | { status: 'failed'; message: string };

export function useEngine(): EngineState {
  const [state, setState] = useState<EngineState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const engine = await import('../../compute/tf');
        const forced = new URLSearchParams(window.location.search).get('backend');
        const force = engine.BACKENDS.find((b) => b === forced);
        const report = await engine.chooseBackend(force ? { force } : {});
        if (live) setState({ status: 'ready', engine, report });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (live)
          setState({ status: 'failed', message: `The convolution engine could not start: ${reason}` });
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return state;
}
