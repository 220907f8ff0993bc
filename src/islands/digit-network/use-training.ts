/**
 * Training, from the island's side: the worker is created on the first train, step or reset;
 * while "running" the island asks for ~150 ms of batches at a time and applies each answer (new
 * weights, losses, progress), so pausing is simply not asking again. It pauses by itself when the
 * demo is off screen or the tab is hidden, and stops by itself when the loss becomes NaN.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DIGITS_HEADER_URL, DIGITS_URL, weightList, weightsFromList, type DigitWeights } from '../../compute';
import { siteUrl } from './load';
import { divergedMessage, EVALUATE_EVERY, nextFrameAt, type CurvePoint, type TrainSettings } from './model';
import type { Backend, Replies, Request, StepReply } from './protocol';
import { useSeen } from '../shared/use-seen';
import { startTrainer } from '../shared/worker-client';
import { Trainer } from './trainer';

const RUN_MS = 250;

export interface TrainingState {
  status: 'off' | 'starting' | 'ready' | 'failed';
  backend: Backend | null;
  running: boolean;
  /** Running, but held: off screen or in a hidden tab. */
  held: boolean;
  examples: number;
  epoch: number;
  examplesPerSecond: number | null;
  tensors: number | null;
  losses: CurvePoint[];
  accuracies: CurvePoint[];
  accuracy: number | null;
  message: string;
  /** Training stopped itself because a step overflowed: the message offers a reset. */
  diverged: boolean;
  step: (StepReply & { learningRate: number }) | null;
  /** The first layer's kernel (HWIO) at 0, 500, 1,000, 2,000, 4,000 … examples since reset. */
  film: FilmFrame[];
}

export interface FilmFrame {
  examples: number;
  kernel: Float32Array;
}

/** What the hook keeps; `held` is derived from it and from whether the reader can see the demo. */
type Kept = Omit<TrainingState, 'held'>;

const initial: Kept = {
  status: 'off',
  backend: null,
  running: false,
  examples: 0,
  epoch: 1,
  examplesPerSecond: null,
  tensors: null,
  losses: [],
  accuracies: [],
  accuracy: null,
  message: '',
  diverged: false,
  step: null,
  film: [],
};

export interface TrainingOptions {
  weights: DigitWeights | null;
  settings: TrainSettings;
  onWeights: (w: DigitWeights, kind: 'trained' | 'random' | 'pretrained') => void;
  root: { current: HTMLElement | null };
}

export function useTraining({ weights, settings, onWeights, root }: TrainingOptions) {
  const [state, setState] = useState<Kept>(initial);
  const trainer = useRef<Trainer | null>(null);
  const ready = useRef<Promise<Trainer> | null>(null);
  const latest = useRef({ weights, settings, onWeights });
  latest.current = { weights, settings, onWeights };
  const lastEval = useRef(-Infinity);
  const held = !useSeen(root);
  const update = (next: Partial<Kept>) => setState((s) => ({ ...s, ...next }));

  const workerSettings = () => ({ ...latest.current.settings });

  const start = (): Promise<Trainer> => {
    if (ready.current) return ready.current;
    const w = latest.current.weights;
    if (w === null) return Promise.reject(new Error('the weights have not loaded yet'));
    update({ status: 'starting', message: '' });
    const { client: t, ready: init } = startTrainer<Request, Replies, Trainer>(
      () => new Trainer(),
      (backend) => ({
        type: 'init',
        weights: weightList(w),
        settings: workerSettings(),
        digitsUrl: new URL(siteUrl(DIGITS_URL), location.href).href,
        headerUrl: new URL(siteUrl(DIGITS_HEADER_URL), location.href).href,
        backend,
      }),
    );
    trainer.current = t;
    ready.current = init.then((r) => {
      update({ status: 'ready', backend: r.backend, tensors: r.tensors });
      return t;
    });
    ready.current.catch((error: Error) => {
      update({
        status: 'failed',
        running: false,
        message: `Training could not start: ${error.message}. Drawing still works with the pretrained weights.`,
      });
      ready.current = null;
      t.dispose();
      trainer.current = null;
    });
    return ready.current;
  };

  const evaluate = async (t: Trainer, examples: number) => {
    lastEval.current = examples;
    const r = await t.request({ type: 'evaluate' });
    setState((s) => ({
      ...s,
      accuracy: r.accuracy,
      tensors: r.tensors,
      accuracies: [...s.accuracies.filter((p) => p.x !== examples), { x: examples, y: r.accuracy * 100 }],
    }));
  };

  // Settings reach the worker whenever they change (they are valid: the fields keep bad text out).
  useEffect(() => {
    const t = trainer.current;
    if (t && state.status === 'ready') void t.request({ type: 'configure', settings: workerSettings() });
  }, [settings.learningRate, settings.optimizer, settings.batchSize, settings.seed, state.status]);

  // The loop: one run of batches at a time while running and not held.
  useEffect(() => {
    if (!state.running || held) return;
    let live = true;
    void (async () => {
      let t: Trainer;
      try {
        t = await start();
      } catch {
        return;
      }
      while (live) {
        const p = await t.request({ type: 'train', ms: RUN_MS });
        if (!live && !p.diverged) {
          latest.current.onWeights(weightsFromList(p.weights), 'trained');
          break;
        }
        if (p.diverged) {
          // The worker has undone the run: its weights are the ones still shown.
          update({
            running: false,
            diverged: true,
            message: divergedMessage(p.diverged, latest.current.settings.learningRate),
          });
          return;
        }
        latest.current.onWeights(weightsFromList(p.weights), 'trained');
        const batch = latest.current.settings.batchSize;
        setState((s) => ({
          ...s,
          examples: p.examples,
          epoch: p.epoch,
          examplesPerSecond: p.examplesPerSecond,
          tensors: p.tensors,
          losses: [
            ...s.losses,
            ...p.losses.map((y, i) => ({ x: p.examples - (p.losses.length - 1 - i) * batch, y })),
          ].slice(-4000),
          film: addFrame(s.film, p.examples, p.weights[0] as Float32Array),
        }));
        if (p.examples - lastEval.current >= EVALUATE_EVERY) await evaluate(t, p.examples);
      }
    })();
    return () => {
      live = false;
    };
  }, [state.running, held]);

  const toggle = () => {
    if (state.running) {
      update({ running: false });
      const t = trainer.current;
      if (t && state.status === 'ready') void evaluate(t, state.examples);
    } else update({ running: true, message: '', diverged: false });
  };

  const step = async () => {
    update({ running: false });
    try {
      const t = await start();
      const r = await t.request({ type: 'step' });
      if (r.diverged) {
        update({
          diverged: true,
          message: divergedMessage(r.diverged, latest.current.settings.learningRate),
        });
        return;
      }
      latest.current.onWeights(weightsFromList(r.weights), 'trained');
      setState((s) => ({
        ...s,
        step: { ...r, learningRate: latest.current.settings.learningRate },
        ...(s.diverged ? { diverged: false, message: '' } : {}),
        examples: r.examples,
        epoch: r.epoch,
        tensors: r.tensors,
        losses: [...s.losses, { x: r.examples, y: r.loss }],
      }));
    } catch {
      // start() has said why
    }
  };

  const reset = async () => {
    update({ running: false });
    try {
      const t = await start();
      const r = await t.request({ type: 'reset', seed: latest.current.settings.seed });
      latest.current.onWeights(weightsFromList(r.weights), 'random');
      setState((s) => ({
        ...s,
        examples: 0,
        epoch: 1,
        losses: [],
        accuracies: [],
        step: null,
        message: '',
        diverged: false,
        film: [{ examples: 0, kernel: r.weights[0] as Float32Array }],
      }));
      await evaluate(t, 0);
    } catch {
      // start() has said why
    }
  };

  const usePretrained = async (pretrained: DigitWeights) => {
    update({ running: false });
    latest.current.onWeights(pretrained, 'pretrained');
    const t = trainer.current;
    if (t && state.status === 'ready') {
      await t.request({ type: 'set-weights', weights: weightList(pretrained) });
      setState((s) => ({
        ...s,
        losses: [],
        accuracies: [],
        step: null,
        message: '',
        diverged: false,
        film: [],
      }));
      await evaluate(t, state.examples);
    }
  };

  useEffect(() => () => trainer.current?.dispose(), []);

  return { state: { ...state, held: state.running && held }, toggle, step, reset, usePretrained };
}

/** The filmstrip with a frame added when training has passed the next frame's count (from reset only). */
function addFrame(film: FilmFrame[], examples: number, kernel: Float32Array): FilmFrame[] {
  const last = film[film.length - 1];
  if (last === undefined || examples < nextFrameAt(last.examples + 1)) return film;
  return [...film, { examples, kernel }].slice(-10);
}
