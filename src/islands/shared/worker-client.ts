/**
 * The page's side of a demo's worker: one promise per request. Every request carries an id; the
 * worker (worker-serve.ts) answers each with the same id, once, in order.
 *
 *   class Trainer extends WorkerClient<Request, Replies> {
 *     constructor() { super(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' })); }
 *   }
 */
export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

export class WorkerClient<Req extends { type: string }, Replies extends Record<Req['type'], unknown>> {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(worker: Worker) {
    this.worker = worker;
    this.worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const pending = this.waiting.get(reply.id);
      if (pending === undefined) return;
      this.waiting.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(reply.message));
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the worker stopped');
      this.waiting.forEach((p) => p.reject(error));
      this.waiting.clear();
    };
  }

  request<K extends Req['type']>(request: Extract<Req, { type: K }>): Promise<Replies[K]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  dispose(): void {
    this.worker.terminate();
    const error = new Error('the worker was closed');
    this.waiting.forEach((p) => p.reject(error));
    this.waiting.clear();
  }
}

/** The backend a page asks for with `?backend=cpu` or `?backend=wasm` (tests, benchmarks); null: the worker picks. */
export type BackendChoice = 'cpu' | 'wasm' | null;

/**
 * Starts a demo's worker the one way: the client made by `make` (its constructor creates the worker),
 * then its `init` request, built by `init` with the page's backend choice. The caller keeps the
 * client (to dispose of it) and waits on `ready` (the worker's answer to `init`).
 */
export function startTrainer<
  Req extends { type: string },
  Replies extends Record<Req['type'], unknown>,
  Client extends WorkerClient<Req, Replies>,
>(
  make: () => Client,
  init: (backend: BackendChoice) => Extract<Req, { type: 'init' }>,
): { client: Client; ready: Promise<Replies['init' & Req['type']]> } {
  const client = make();
  const asked = new URLSearchParams(location.search).get('backend');
  const backend = asked === 'cpu' || asked === 'wasm' ? asked : null;
  return {
    client,
    ready: client.request<'init' & Req['type']>(
      init(backend) as Extract<Req, { type: 'init' & Req['type'] }>,
    ),
  };
}
