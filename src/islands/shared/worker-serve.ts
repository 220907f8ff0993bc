/**
 * The worker's side of worker-client.ts: one handler per request type, one request at a time, in
 * order (a request that arrives during a run waits for it); every request gets exactly one reply.
 */
import type { Reply } from './worker-client';

export type Handlers<Req extends { type: string }, Replies extends Record<Req['type'], unknown>> = {
  [K in Req['type']]: (r: Extract<Req, { type: K }>) => Promise<Replies[K]>;
};

export function serveRequests<Req extends { type: string }, Replies extends Record<Req['type'], unknown>>(
  handlers: Handlers<Req, Replies>,
): void {
  let queue: Promise<void> = Promise.resolve();
  self.onmessage = (event: MessageEvent<Req & { id: number }>) => {
    const request = event.data;
    queue = queue.then(async () => {
      let reply: Reply;
      try {
        const handler = handlers[request.type as Req['type']] as (r: Req) => Promise<unknown>;
        reply = { id: request.id, ok: true, result: await handler(request) };
      } catch (error) {
        reply = {
          id: request.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      self.postMessage(reply);
    });
  };
}
