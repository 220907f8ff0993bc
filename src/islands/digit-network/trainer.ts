/**
 * The island's side of the training worker: one promise per request (shared/worker-client.ts).
 * The worker (and with it TensorFlow.js) is created only when the reader first trains, steps or
 * resets.
 */
import { WorkerClient } from '../shared/worker-client';
import type { Replies, Request } from './protocol';

export class Trainer extends WorkerClient<Request, Replies> {
  constructor() {
    super(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }));
  }
}
