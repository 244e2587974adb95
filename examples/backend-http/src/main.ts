// Starts the HTTP service on port 3000 (or PORT), on SQLite (./data/backend.db, or BACKEND_DB)
// or PostgreSQL (BACKEND_DB=postgres://…, BACKEND_SCHEMA). See README.md for the routes.
// Try it:
//   curl -s -X POST localhost:3000/commands -H 'x-user: u-claire-martin' -H 'content-type: application/json' \
//     -d '{"type":"CreateDraft","commandId":"c-1","payload":{"siret":"81234567600017","cardType":"CHRONO"}}'
//   curl -s localhost:3000/brouillons -H 'x-user: u-claire-martin'
//   curl -s localhost:3000/openapi.json
import { buildApp } from './app';
import { shutDownGracefully } from './shutdown';
import { openStores } from './stores';

async function main(): Promise<void> {
  const stores = await openStores(process.env.BACKEND_DB ?? './data/backend.db', process.env);
  const { app, lifecycle } = await buildApp({
    ...stores,
    logger: true,
    ...(process.env.MAX_PROJECTION_LAG ? { maxLag: Number(process.env.MAX_PROJECTION_LAG) } : {}),
    notifier: { send: async (n) => void app.log.info({ notification: n }, n.subject) },
  });
  const port = Number(process.env.PORT ?? 3000);
  await app.listen({ port, host: '127.0.0.1' });
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void shutDownGracefully({ app, lifecycle, stores, graceMs, signal }).then((code) => process.exit(code));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
