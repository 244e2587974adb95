import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from './problem';

/** The service's life after start: draining on shutdown, and the requests still in flight. */
export interface Lifecycle {
  /** True once shutdown began: new requests get a 503, readiness says not ready. */
  readonly draining: () => boolean;
  readonly inFlight: () => number;
  /**
   * Stops taking requests and resolves once every request already taken has been answered (or
   * `graceMs` passed: a client that never finishes its upload cannot hold the shutdown forever).
   * Resolves with the number of requests still open at that moment.
   */
  drain(graceMs: number): Promise<number>;
}

// Liveness must keep answering while draining: an orchestrator that sees /healthz fail would kill
// the process before its in-flight commands finish.
const ALWAYS_SERVED = new Set(['/healthz']);

/**
 * Counts requests from the moment their headers arrive (a slow upload is in flight before its
 * body is read) until their response is sent or their connection closes, and refuses new ones
 * with a `SHUTTING_DOWN` problem once draining began.
 */
export function trackLifecycle(app: FastifyInstance): Lifecycle {
  let draining = false;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  app.addHook('onRequest', async (request, reply) => {
    if (draining && !ALWAYS_SERVED.has(request.url)) {
      // The load balancer should already have moved away (readiness says 503): tell the client
      // to retry, elsewhere, on a new connection.
      reply.header('connection', 'close');
      return sendProblem(
        reply,
        problem('SHUTTING_DOWN', 'Le service s’arrête : veuillez réessayer dans un instant', request),
      );
    }
    inFlight++;
    // 'close' fires once the response is sent or the client went away: either way it is done.
    reply.raw.once('close', () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
    return undefined;
  });
  return {
    draining: () => draining,
    inFlight: () => inFlight,
    async drain(graceMs) {
      draining = true;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return inFlight;
    },
  };
}
