/**
 * The island's side of the training worker: one promise per request. The worker (and with it
 * TensorFlow.js) is created only when the reader first trains, steps or resets.
 */
import type { Replies, Reply, Request } from './protocol';

export class Trainer {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const pending = this.waiting.get(reply.id);
      if (pending === undefined) return;
      this.waiting.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(reply.message));
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the training worker stopped');
      this.waiting.forEach((p) => p.reject(error));
      this.waiting.clear();
    };
  }

  request<K extends Request['type']>(request: Extract<Request, { type: K }>): Promise<Replies[K]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  dispose(): void {
    this.worker.terminate();
    const error = new Error('the training worker was closed');
    this.waiting.forEach((p) => p.reject(error));
    this.waiting.clear();
  }
}
