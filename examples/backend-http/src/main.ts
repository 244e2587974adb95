// Starts the HTTP service on SQLite (./data/backend.db, or BACKEND_DB) on port 3000 (or PORT):
// the events and the attached files in the same database file, so a restart loses neither and
// one backup of the file keeps both together.
// Try it:
//   curl -s -X POST localhost:3000/commands -H 'x-user: u-claire-martin' -H 'content-type: application/json' \
//     -d '{"type":"CreateDraft","commandId":"c-1","payload":{"siret":"81234567600017","cardType":"CHRONO"}}'
//   curl -s localhost:3000/brouillons -H 'x-user: u-claire-martin'
//   curl -s -OJ localhost:3000/dossiers/<id>/documents/<documentId> -H 'x-user: u-claire-martin'
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteBlobStore, createSqliteEventStore } from '@cartes-badges/sqlite';
import { buildApp } from './app';

async function main(): Promise<void> {
  const path = process.env.BACKEND_DB ?? './data/backend.db';
  const store = createSqliteEventStore({ path, ...dossierStoreOptions });
  const blobStore = createSqliteBlobStore({ path });
  const { app } = await buildApp({
    store,
    blobStore,
    logger: true,
    notifier: { send: async (n) => void app.log.info({ notification: n }, n.subject) },
  });
  app.addHook('onClose', async () => {
    await blobStore.close();
    await store.close();
  });
  const port = Number(process.env.PORT ?? 3000);
  await app.listen({ port, host: '127.0.0.1' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
