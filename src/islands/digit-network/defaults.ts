/**
 * The demo's training settings before the reader changes any, and how often it measures held-out
 * accuracy. No imports: the benchmark (scripts/bench-digits-to97.ts) reads them in plain Node.
 */
export type Optimizer = 'sgd' | 'adam';

export interface TrainSettings {
  learningRate: number;
  batchSize: number;
  seed: number;
  optimizer: Optimizer;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  learningRate: 0.1,
  batchSize: 32,
  seed: 1,
  optimizer: 'sgd',
};
/** The step size each optimiser starts from when the reader switches to it. */
export const DEFAULT_RATE: Record<Optimizer, number> = { sgd: 0.1, adam: 0.003 };
export const MAX_LEARNING_RATE = 10;
/** Held-out accuracy is measured after about this many training examples (and on pause). */
export const EVALUATE_EVERY = 3000;
