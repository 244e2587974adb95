import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventStore, EventStoreOptions } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '@cartes-badges/domain';
import type { ClientCalls } from '@cartes-badges/eventstoredb';
import { messageOf, notFound, storeUnavailable } from '../errors';
import type { StoreSpec } from './store-spec';
import { describeStore } from './store-spec';

/** What a command does with the store: read commands never create nor migrate one. */
export type StoreMode = 'read' | 'write';

/** How events are read: decoded for the domain, or exactly as stored (for hash verification). */
export type ReadForm = 'domain' | 'stored';

/** An open store, with what the CLI needs beside the port. */
export interface OpenedStore {
  readonly store: EventStore;
  readonly spec: StoreSpec;
  /** Human description of the store (password masked). */
  readonly label: string;
  /** How many events the store holds, when the store can tell cheaply (for progress bars). */
  countEvents(): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Opens the store named by `spec`; failures are one-line CLI errors with their exit code. */
export async function openStore(
  spec: StoreSpec,
  mode: StoreMode,
  form: ReadForm = 'domain',
): Promise<OpenedStore> {
  // Verification reads the stored form itself; a decoder would stop at an event that no
  // longer decodes instead of reporting where the chain breaks.
  const options: EventStoreOptions = form === 'domain' ? dossierStoreOptions : {};
  const label = describeStore(spec);
  switch (spec.kind) {
    case 'memory': {
      const store = createInMemoryEventStore(options);
      return { store, spec, label, countEvents: async () => undefined, close: () => store.close() };
    }
    case 'sqlite':
      return openSqlite(spec.path, mode, options, spec, label);
    case 'postgres':
      return openPostgres(spec, mode, options, label);
    case 'esdb':
      return openEventStoreDb(spec, options, label);
  }
}

async function openSqlite(
  file: string,
  mode: StoreMode,
  options: EventStoreOptions,
  spec: StoreSpec,
  label: string,
): Promise<OpenedStore> {
  const resolved = path.resolve(file);
  if (mode === 'read' && !fs.existsSync(resolved)) {
    throw notFound(
      `Aucune base d'événements à ${resolved} : lancez d'abord « cartes-badges demo » ou indiquez --store`,
    );
  }
  const { createSqliteEventStore } = await import('@cartes-badges/sqlite');
  try {
    const store = createSqliteEventStore({ ...options, path: resolved, synchronous: 'normal' });
    return {
      store,
      spec,
      label,
      countEvents: async () =>
        Number((store.database.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n),
      close: () => store.close(),
    };
  } catch (error) {
    throw storeUnavailable(`Impossible d'ouvrir la base SQLite ${resolved} : ${messageOf(error)}`);
  }
}

async function openPostgres(
  spec: Extract<StoreSpec, { kind: 'postgres' }>,
  mode: StoreMode,
  options: EventStoreOptions,
  label: string,
): Promise<OpenedStore> {
  const { createPostgresEventStore } = await import('@cartes-badges/postgres');
  try {
    const store = await createPostgresEventStore({
      ...options,
      connectionString: spec.url,
      ...(spec.schema ? { schema: spec.schema } : {}),
      connectionTimeoutMillis: 5000,
      max: 4,
      // A read command leaves the database as it found it, schema included.
      migrate: mode === 'write',
    });
    if (mode === 'read') await assertPostgresStoreExists(store.pool, store.schema, label);
    return {
      store,
      spec,
      label,
      countEvents: async () => {
        const result = await store.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM "${store.schema}".events`,
        );
        return Number(result.rows[0].n);
      },
      close: () => store.close(),
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'CliError') throw error;
    throw storeUnavailable(
      `PostgreSQL injoignable (${label}) : ${messageOf(error)} — vérifiez que le serveur tourne et l'URL`,
    );
  }
}

async function assertPostgresStoreExists(
  pool: { query: (sql: string, values: unknown[]) => Promise<{ rows: { found: string | null }[] }> },
  schema: string,
  label: string,
): Promise<void> {
  const result = await pool.query('SELECT to_regclass($1) AS found', [`"${schema}".events`]);
  if (result.rows[0].found === null) {
    throw notFound(
      `Aucune base d'événements dans ${label} : lancez d'abord « cartes-badges demo --store … »`,
    );
  }
}

async function openEventStoreDb(
  spec: Extract<StoreSpec, { kind: 'esdb' }>,
  options: EventStoreOptions,
  label: string,
): Promise<OpenedStore> {
  // Only the client the URL names is loaded: the two cannot share a process.
  const { createStoreOnCalls, eventStoreDbCalls, kurrentDbCalls } = await import(
    '@cartes-badges/eventstoredb'
  );
  let connection: { calls: ClientCalls; dispose(): Promise<void> };
  try {
    if (spec.client === 'kurrentdb') {
      const { KurrentDBClient } = await import('@kurrent/kurrentdb-client');
      const client = KurrentDBClient.connectionString(spec.url);
      connection = { calls: kurrentDbCalls(client), dispose: () => client.dispose() };
    } else {
      const { EventStoreDBClient } = await import('@eventstore/db-client');
      const client = EventStoreDBClient.connectionString(spec.url);
      connection = { calls: eventStoreDbCalls(client), dispose: () => client.dispose() };
    }
  } catch (error) {
    throw storeUnavailable(`URL EventStoreDB/KurrentDB refusée (${label}) : ${messageOf(error)}`);
  }
  const store = createStoreOnCalls(connection.calls, options);
  return {
    store,
    spec,
    label,
    countEvents: async () => undefined,
    async close() {
      await store.close();
      await connection.dispose();
    },
  };
}
