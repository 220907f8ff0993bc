/**
 * Messages between the island (main thread) and its training worker (train.worker.ts). Every
 * request carries an id; the worker answers each with the same id, once. Weights travel as the six
 * arrays of model.getWeights() order (digit-net-layout.ts), 5,258 floats in all.
 */
import type { TrainingBackend } from '../../compute/tf/training-backend';
import type { Optimizer } from './model';

export type Backend = TrainingBackend;

export interface WorkerSettings {
  learningRate: number;
  batchSize: number;
  seed: number;
  optimizer: Optimizer;
}

export type Request =
  | {
      type: 'init';
      weights: Float32Array[];
      settings: WorkerSettings;
      digitsUrl: string;
      headerUrl: string;
      backend: Backend | null;
    }
  | { type: 'configure'; settings: WorkerSettings }
  | { type: 'set-weights'; weights: Float32Array[] }
  | { type: 'reset'; seed: number }
  | { type: 'train'; ms: number }
  | { type: 'step' }
  | { type: 'evaluate' };

export interface Progress {
  weights: Float32Array[];
  /** Mean loss of each batch trained in this run, in order. */
  losses: number[];
  /** Examples seen since the weights were last reset (or loaded). */
  examples: number;
  /** 1-based epoch the next batch belongs to; an epoch is one pass over the 6,000 training digits. */
  epoch: number;
  /** Training examples per second in this run (forward, backward and update only). */
  examplesPerSecond: number;
  tensors: number;
  /**
   * Set when a step overflowed (its loss or a weight not a finite number): training stopped there,
   * the run was undone, and `weights` are the ones the run began with.
   */
  diverged?: { loss: number; examples: number };
}

export interface StepReply {
  before: Float32Array;
  gradient: Float32Array;
  after: Float32Array;
  weights: Float32Array[];
  loss: number;
  examples: number;
  epoch: number;
  tensors: number;
  /** Set when the step overflowed: it was undone, and `weights` are the ones it began with. */
  diverged?: { loss: number; examples: number };
}

export interface Replies {
  init: { backend: Backend; reason: string; tensors: number; trainCount: number; testCount: number };
  configure: { tensors: number };
  'set-weights': { tensors: number };
  reset: { weights: Float32Array[]; tensors: number };
  train: Progress;
  step: StepReply;
  evaluate: { accuracy: number; loss: number; tensors: number };
}
