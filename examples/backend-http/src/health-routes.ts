import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem';
import type { ReadinessOptions } from './readiness';
import { checkReadiness } from './readiness';

/**
 * GET /healthz (liveness): the process answers; it never looks at the store, so a database
 * outage does not get every instance restarted. GET /readyz (readiness): 200 with the workers'
 * lag and leases when this instance should get traffic, else a `NOT_READY` problem (503) with
 * the same figures under `readiness`: draining, store unreachable, or a list or reactor behind.
 */
export function healthRoutes(options: ReadinessOptions) {
  return {
    liveness: async () => ({ status: 'ok' }),
    readiness: async (request: FastifyRequest, reply: FastifyReply) => {
      const readiness = await checkReadiness(options);
      if (readiness.ready) return readiness;
      return sendProblem(reply, {
        ...problem('NOT_READY', `Service pas prêt : ${readiness.reasons.join(' ; ')}`, request),
        readiness,
      });
    },
  };
}
