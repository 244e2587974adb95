import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from './lifecycle';
import type { Stores } from './stores';

/** What a graceful shutdown needs. */
export interface ShutdownParts {
  readonly app: FastifyInstance;
  readonly lifecycle: Lifecycle;
  readonly stores: Stores;
  /** Longest wait for the requests in flight (an orchestrator kills after its own grace period). */
  readonly graceMs: number;
  readonly signal: string;
}

/**
 * On SIGTERM, in this order: stop taking requests (new ones get a 503 problem, /readyz says
 * not ready so the load balancer moves away), let the requests in flight finish, close the
 * server and the read side (the runners flush their batch and close their subscriptions),
 * release the leases (another instance takes the lists and notifications over at once instead
 * of after the TTL), close the stores. Resolves with the exit code: 0 when all of it went through.
 */
export async function shutDownGracefully(parts: ShutdownParts): Promise<number> {
  const { app, lifecycle, stores } = parts;
  app.log.info({ signal: parts.signal, inFlight: lifecycle.inFlight() }, 'shutting down: draining');
  try {
    const left = await lifecycle.drain(parts.graceMs);
    if (left > 0) app.log.warn({ left }, 'grace period over: closing with requests still open');
    await app.close(); // onClose: the read side stops, its leases are released
    await stores.close();
    app.log.info('shut down');
    return 0;
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    return 1;
  }
}
