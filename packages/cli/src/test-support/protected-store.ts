import type { EventStore } from '@cartes-badges/eventsourcing';
import { protectDossierStore, protectedDossierStoreOptions } from '@cartes-badges/domain';
import type { PostgresEventStore } from '@cartes-badges/postgres';
import { createPostgresPersonalDataKeys } from '@cartes-badges/postgres';
import { createSqliteEventStore, createSqlitePersonalDataKeys } from '@cartes-badges/sqlite';

// The CLI seals personal values with each dossier's key: a test that reads a store the CLI
// wrote opens it the same way (the decoder runs on the decrypted values).

/** A SQLite events file the CLI wrote, read as the domain sees it (personal values decrypted). */
export function openDossierSqlite(file: string): EventStore {
  const store = createSqliteEventStore({ path: file, ...protectedDossierStoreOptions });
  return protectDossierStore(
    store,
    createSqlitePersonalDataKeys({ database: store.database, readOnly: true }),
  );
}

/** The same over a PostgreSQL store opened with `protectedDossierStoreOptions`. */
export async function protectPostgresForDomain(store: PostgresEventStore): Promise<EventStore> {
  const keys = await createPostgresPersonalDataKeys({
    pool: store.pool,
    schema: store.schema,
    migrate: false,
  });
  return protectDossierStore(store, keys);
}
