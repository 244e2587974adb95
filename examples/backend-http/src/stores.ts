import type { BlobStore, EventStore, WorkerLeases } from '@cartes-badges/eventsourcing';
import { createInProcessLeases } from '@cartes-badges/eventsourcing';
import type { ListReadModel } from '@cartes-badges/domain';
import { dossierStoreOptions, REFUSAL_NOTIFICATIONS } from '@cartes-badges/domain';
import type { ReactorLedger } from '@cartes-badges/eventsourcing';
import {
  createPostgresBlobStore,
  createPostgresEventStore,
  createPostgresLeases,
  createPostgresReactorLedger,
} from '@cartes-badges/postgres';
import { createPostgresListReadModel } from '@cartes-badges/postgres/lists';
import { createSqliteBlobStore, createSqliteEventStore } from '@cartes-badges/sqlite';

/** What the service runs on, and how to let it go on shutdown. */
export interface Stores {
  readonly store: EventStore;
  readonly blobStore: BlobStore;
  readonly leases: WorkerLeases;
  readonly readModels?: { readonly brouillons: ListReadModel; readonly dossiers: ListReadModel };
  readonly notificationsLedger?: ReactorLedger;
  /** Releases the leases (another instance takes over at once), then closes the stores. */
  close(): Promise<void>;
}

/**
 * PostgreSQL when `BACKEND_DB` is a postgres:// URL: events, files, lists and the notifications
 * ledger in one schema (`BACKEND_SCHEMA`, default cartes_badges), shared by every instance, each
 * list and reactor run by the instance that holds its lease (`LEASE_TTL_MS`, default 15 s).
 * Otherwise SQLite in that file: events and files together, one process runs the read side.
 */
export async function openStores(db: string, env: NodeJS.ProcessEnv): Promise<Stores> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const store = await createPostgresEventStore({
      connectionString: db,
      ...(env.BACKEND_SCHEMA ? { schema: env.BACKEND_SCHEMA } : {}),
      application_name: `backend-http:${process.pid}`,
      ...dossierStoreOptions,
    });
    const blobStore = await createPostgresBlobStore({ pool: store.pool, schema: store.schema });
    const leases = await createPostgresLeases(store, {
      ...(env.LEASE_TTL_MS ? { ttlMs: Number(env.LEASE_TTL_MS) } : {}),
    });
    return {
      store,
      blobStore,
      leases,
      readModels: {
        brouillons: await createPostgresListReadModel(store, { list: 'brouillons' }),
        dossiers: await createPostgresListReadModel(store, { list: 'dossiers' }),
      },
      notificationsLedger: await createPostgresReactorLedger(store, { reactor: REFUSAL_NOTIFICATIONS }),
      async close() {
        await leases.close();
        await blobStore.close();
        await store.close();
      },
    };
  }
  const store = createSqliteEventStore({ path: db, ...dossierStoreOptions });
  const blobStore = createSqliteBlobStore({ path: db });
  return {
    store,
    blobStore,
    leases: createInProcessLeases(),
    async close() {
      await blobStore.close();
      await store.close();
    },
  };
}
