/**
 * Messages between the text classifier (main thread) and its training worker (train.worker.ts),
 * through shared/worker-client.ts. Weights travel as the arrays of textCnnShapes order.
 */
import type { NgramScore, TextCnnConfig } from '../../compute/text-cnn';
import type { TrainingBackend } from '../../compute/tf/training-backend';

export type Request =
  | {
      type: 'init';
      subjectsUrl: string;
      vocabulary: string[];
      config: TextCnnConfig;
      backend: TrainingBackend | null;
    }
  | { type: 'reset'; seed: number; learningRate: number; batch: number }
  | { type: 'run'; ms: number }
  | { type: 'result' };

export interface RunReply {
  /** 1-based epoch the batches belonged to; an epoch is one pass over the training subjects. */
  epoch: number;
  /** Batches of this epoch done, of `batches`. */
  batch: number;
  batches: number;
  /** Mean loss of this run's batches. */
  loss: number;
  /** Set when this run finished an epoch: held-out accuracy after it. */
  accuracy: number | null;
  /** Seconds of training since the reset (forward, backward, update and the held-out check). */
  seconds: number;
  tensors: number;
}

export interface Replies {
  init: { backend: TrainingBackend; reason: string; trainCount: number; testCount: number };
  reset: { tensors: number };
  run: RunReply;
  result: { weights: Float32Array[]; topNgrams: NgramScore[][]; accuracy: number; tensors: number };
}
