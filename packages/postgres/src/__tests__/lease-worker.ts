/**
 * One instance of a service for the multi-instance test: the read side (both lists, the
 * refusal notifications) on the PostgreSQL store of `<schema>`, started under leases, with a
 * notifier that records each delivery (key and sender) in `<schema>.test_deliveries`.
 *
 *   tsx lease-worker.ts <schema> <instanceId> <ttlMs>
 *
 * Prints "ready" once started; stops cleanly (releasing its leases) on SIGTERM.
 */
import { createInMemoryAttachments, REFUSAL_NOTIFICATIONS } from '@cartes-badges/domain';
import { createReadSide } from '@cartes-badges/lists';
import { createPostgresLeases } from '../leases/postgres-leases';
import { createPostgresReactorLedger } from '../leases/postgres-reactor-ledger';
import { createPostgresListReadModel } from '../lists/postgres-list-read-model';
import { createPostgresEventStore } from '../postgres-store';
import { quoteIdent } from '../schema-name';
import { TEST_DATABASE_URL } from '../testing/pg-available';

async function main(): Promise<void> {
  const [schema, id, ttl] = process.argv.slice(2);
  // application_name lets the test see which instance each write came from.
  const store = await createPostgresEventStore({
    connectionString: TEST_DATABASE_URL,
    schema,
    pollIntervalMs: 50,
    max: 6,
    application_name: id,
  });
  const leases = await createPostgresLeases(store, { ttlMs: Number(ttl), holder: id });
  const readSide = createReadSide({
    store,
    attachments: createInMemoryAttachments({}),
    notifier: {
      async send(notification) {
        await store.pool.query(
          `INSERT INTO ${quoteIdent(schema)}.test_deliveries (key, sender) VALUES ($1, $2)`,
          [notification.key, id],
        );
      },
    },
    readModels: {
      brouillons: await createPostgresListReadModel(store, { list: 'brouillons' }),
      dossiers: await createPostgresListReadModel(store, { list: 'dossiers' }),
    },
    notificationsLedger: await createPostgresReactorLedger(store, { reactor: REFUSAL_NOTIFICATIONS }),
    runner: {
      leases,
      batchSize: 10,
      restartDelayMs: 200,
      maxRestartDelayMs: 1000,
      onError: (name, error) => process.stderr.write(`${id} ${name}: ${(error as Error).message}\n`),
    },
  });
  readSide.start();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void (async () => {
      await readSide.stop();
      await leases.close();
      await store.close();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
