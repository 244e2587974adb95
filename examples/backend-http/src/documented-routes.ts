import type { FastifyInstance } from 'fastify';
import { ROUTES } from './routes';

/** A route as Fastify serves it. */
export interface ServedRoute {
  readonly method: string;
  readonly url: string;
}

/**
 * Records every route registered on `app` from now on, and refuses to start (`ready()` rejects)
 * when one is missing from the route table the OpenAPI document is generated from: a route a
 * team adds without describing it stops the service at its first start, not in production.
 * HEAD routes Fastify adds beside each GET are described by their GET.
 */
export function requireDocumentedRoutes(app: FastifyInstance): () => readonly ServedRoute[] {
  const served: ServedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) served.push({ method, url: route.url ?? route.path });
  });
  const documented = new Set(ROUTES.map((r) => `${r.method} ${r.url}`));
  app.addHook('onReady', async () => {
    const missing = served
      .filter((r) => !(r.method === 'HEAD' && documented.has(`GET ${r.url}`)))
      .filter((r) => !documented.has(`${r.method} ${r.url}`));
    if (missing.length > 0)
      throw new Error(
        `routes missing from routes.ts (and so from /openapi.json): ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
  });
  return () => served;
}
