/**
 * "Train from scratch", from the island's side: the worker (and with it TensorFlow.js) is created on
 * the first press; it is reset to seeded random weights and asked for runs of ~250 ms until
 * EPOCHS epochs are done, the progress shown after each; then its weights and top n-grams replace
 * the pretrained ones. "Use the pretrained weights" stops a run and goes back. While the demo is
 * off screen or the tab is hidden, the run holds: the next request waits until the reader is back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { textCnnWeightsFromList } from '../../compute/text-cnn';
import { TEXT_SUBJECTS_URL } from '../../compute/text-cnn-file';
import { siteUrl } from '../shared/site-url';
import { useSeen } from '../shared/use-seen';
import { startTrainer, WorkerClient } from '../shared/worker-client';
import type { Classifier } from './model';
import type { Replies, Request } from './protocol';

export const EPOCHS = 3;
export const SEED = 1;
const RUN_MS = 250;

class Trainer extends WorkerClient<Request, Replies> {
  constructor() {
    super(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }));
  }
}

export interface TrainingState {
  status: 'idle' | 'starting' | 'training' | 'done' | 'failed';
  backend: string;
  epoch: number;
  /** 0-1 of the whole run. */
  progress: number;
  loss: number | null;
  /** Held-out accuracy after each finished epoch. */
  accuracies: number[];
  seconds: number;
  message: string;
  /** Training, but held before its next run: off screen or in a hidden tab. */
  held: boolean;
}

const idle: TrainingState = {
  status: 'idle',
  backend: '',
  epoch: 0,
  progress: 0,
  loss: null,
  accuracies: [],
  seconds: 0,
  message: '',
  held: false,
};

export function useTraining(
  pretrained: Classifier | null,
  onTrained: (model: Classifier, accuracy: number) => void,
  root: { current: HTMLElement | null },
) {
  const [state, setState] = useState<TrainingState>(idle);
  const trainer = useRef<Trainer | null>(null);
  const ready = useRef<Promise<Trainer> | null>(null);
  const runId = useRef(0);
  // Off screen or in a hidden tab: the loop waits before its next run.
  const seen = useSeen(root);
  const seenNow = useRef(seen);
  seenNow.current = seen;
  /** Runs waiting for the reader to come back. */
  const waiting = useRef<(() => void)[]>([]);
  const release = () => waiting.current.splice(0).forEach((go) => go());
  useEffect(() => {
    if (seen) release();
  }, [seen]);

  /** Resolves at once while the reader can see the demo, else when they can again (or on stop). */
  const whenSeen = async (): Promise<void> => {
    if (seenNow.current) return;
    setState((s) => ({ ...s, held: true }));
    await new Promise<void>((go) => waiting.current.push(go));
    setState((s) => ({ ...s, held: false }));
  };

  const start = (model: Classifier): Promise<Trainer> => {
    if (ready.current) return ready.current;
    const { client: t, ready: init } = startTrainer<Request, Replies, Trainer>(
      () => new Trainer(),
      (backend) => ({
        type: 'init',
        subjectsUrl: new URL(siteUrl(TEXT_SUBJECTS_URL), location.href).href,
        vocabulary: [...model.vocab.tokens],
        config: model.config,
        backend,
      }),
    );
    trainer.current = t;
    ready.current = init.then((r) => {
      setState((s) => ({ ...s, backend: r.reason }));
      return t;
    });
    ready.current.catch(() => {
      ready.current = null;
      t.dispose();
      trainer.current = null;
    });
    return ready.current;
  };

  const train = async () => {
    if (pretrained === null) return;
    const id = ++runId.current;
    setState({ ...idle, status: 'starting' });
    try {
      const t = await start(pretrained);
      await t.request({ type: 'reset', seed: SEED, learningRate: 0.003, batch: 32 });
      setState((s) => ({ ...s, status: 'training' }));
      for (;;) {
        await whenSeen();
        if (runId.current !== id) return;
        const r = await t.request({ type: 'run', ms: RUN_MS });
        if (runId.current !== id) return;
        const done = r.accuracy !== null && r.epoch >= EPOCHS;
        setState((s) => ({
          ...s,
          epoch: r.epoch,
          progress: (r.epoch - 1 + r.batch / r.batches) / EPOCHS,
          loss: Number.isNaN(r.loss) ? s.loss : r.loss,
          accuracies: r.accuracy === null ? s.accuracies : [...s.accuracies, r.accuracy],
          seconds: r.seconds,
        }));
        if (done) break;
      }
      const result = await t.request({ type: 'result' });
      if (runId.current !== id) return;
      onTrained(
        {
          ...pretrained,
          weights: textCnnWeightsFromList(pretrained.config, result.weights),
          topNgrams: result.topNgrams,
        },
        result.accuracy,
      );
      setState((s) => ({ ...s, status: 'done', progress: 1 }));
    } catch (error) {
      if (runId.current !== id) return;
      setState({
        ...idle,
        status: 'failed',
        message: `Training could not run: ${error instanceof Error ? error.message : String(error)}. The pretrained weights still work.`,
      });
    }
  };

  /** Stops a run (its answers are ignored) and forgets its progress. */
  const stop = () => {
    runId.current++;
    release();
    setState(idle);
  };

  useEffect(() => () => trainer.current?.dispose(), []);
  return { state, train, stop };
}
