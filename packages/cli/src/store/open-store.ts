import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventStore, EventStoreOptions, Signer } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore, createInMemoryPersonalDataKeys } from '@cartes-badges/eventsourcing';
import {
  dossierStoreOptions,
  protectDossierStore,
  protectedDossierStoreOptions,
} from '@cartes-badges/domain';
import type { ClientCalls } from '@cartes-badges/eventstoredb';
import { messageOf, notFound, storeUnavailable, usageError } from '../errors';
import type { StoreSpec } from './store-spec';
import { describeStore } from './store-spec';

/**
 * What a command does with the store. 'read' (verify, digest, history, show, project, export events):
 * an existing cartes-badges store only, opened read-only, never created, migrated nor written.
 * 'read-models' (lists, rebuild, export lists): an existing cartes-badges store only, whose list tables next
 * to the events it may write (SQLite). 'events' (erase): an existing store only, whose events
 * and personal data keys it writes. 'write' (demo): created and migrated when needed.
 *
 * In the domain form, personal values are sealed with each dossier's key (protectDossierStore)
 * on SQLite, PostgreSQL and memory: the keys table sits beside the events. EventStoreDB has no
 * table for them: its events keep personal values in clear and cannot be erased this way.
 */
export type StoreMode = 'read' | 'read-models' | 'events' | 'write';

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

/**
 * Opens the store named by `spec`; failures are one-line CLI errors with their exit code.
 * With a `signer`, every append is signed (chain format 3): give it to the writing modes.
 */
export async function openStore(
  spec: StoreSpec,
  mode: StoreMode,
  form: ReadForm = 'domain',
  signer?: Signer,
): Promise<OpenedStore> {
  // Verification reads the stored form itself; a decoder would stop at an event that no
  // longer decodes instead of reporting where the chain breaks.
  // The decoder runs above the decryption in the protected form: the store below gets the upcasters only.
  const options: EventStoreOptions = {
    ...(form === 'domain' ? protectedDossierStoreOptions : {}),
    ...(signer ? { signer } : {}),
  };
  const label = describeStore(spec);
  switch (spec.kind) {
    case 'memory': {
      const raw = createInMemoryEventStore(options);
      const store = form === 'domain' ? protectDossierStore(raw, createInMemoryPersonalDataKeys()) : raw;
      return { store, spec, label, countEvents: async () => undefined, close: () => store.close() };
    }
    case 'sqlite':
      return openSqlite(spec.path, mode, form, options, spec, label);
    case 'postgres':
      return openPostgres(spec, mode, form, options, label);
    case 'esdb':
      return openEventStoreDb(
        spec,
        { ...(form === 'domain' ? dossierStoreOptions : {}), ...(signer ? { signer } : {}) },
        label,
      );
  }
}

async function openSqlite(
  file: string,
  mode: StoreMode,
  form: ReadForm,
  options: EventStoreOptions,
  spec: StoreSpec,
  label: string,
): Promise<OpenedStore> {
  const resolved = path.resolve(file);
  if (mode !== 'write' && !fs.existsSync(resolved)) {
    throw notFound(
      `Aucune base d'événements à ${resolved} : lancez d'abord « cartes-badges demo » ou indiquez --store`,
    );
  }
  const { createSqliteEventStore, createSqlitePersonalDataKeys, NotAnEventStoreError } = await import(
    '@cartes-badges/sqlite'
  );
  try {
    const open = (readOnly: boolean) =>
      createSqliteEventStore({ ...options, path: resolved, synchronous: 'normal', readOnly });
    // Proves on a read-only connection that the file is a cartes-badges store before any write.
    let store = open(mode !== 'write');
    if (mode === 'read-models' || mode === 'events') {
      await store.close();
      store = open(false);
    }
    // Only erase and demo write personal values: the other commands never create the keys table.
    const keys = createSqlitePersonalDataKeys({
      database: store.database,
      readOnly: mode === 'read' || mode === 'read-models',
    });
    return {
      store: form === 'domain' ? protectDossierStore(store, keys) : store,
      spec,
      label,
      countEvents: async () =>
        Number((store.database.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n),
      close: () => store.close(),
    };
  } catch (error) {
    if (error instanceof NotAnEventStoreError) {
      throw notFound(
        `${resolved} n'est pas une base d'événements cartes-badges (${error.reason}) : rien n'y a été écrit ; vérifiez --store`,
      );
    }
    throw storeUnavailable(`Impossible d'ouvrir la base SQLite ${resolved} : ${messageOf(error)}`);
  }
}

async function openPostgres(
  spec: Extract<StoreSpec, { kind: 'postgres' }>,
  mode: StoreMode,
  form: ReadForm,
  options: EventStoreOptions,
  label: string,
): Promise<OpenedStore> {
  const { createPostgresEventStore, createPostgresPersonalDataKeys, checkSchemaName } = await import(
    '@cartes-badges/postgres'
  );
  if (spec.schema !== undefined) {
    try {
      checkSchemaName(spec.schema);
    } catch (error) {
      throw usageError(
        `Store « ${label} » : schéma « ${spec.schema.slice(0, 60)} » refusé (${messageOf(error).replace(/^createPostgresEventStore: /, '')})`,
      );
    }
  }
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
    if (mode !== 'write') {
      try {
        await assertPostgresStoreExists(store.pool, store.schema, label);
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    // A read command creates nothing: a schema without the keys table holds no sealed value.
    const keys = await createPostgresPersonalDataKeys({
      pool: store.pool,
      schema: store.schema,
      migrate: mode === 'write' || mode === 'events',
    });
    return {
      store: form === 'domain' ? protectDossierStore(store, keys) : store,
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

// The columns of the store's tables, as every migration since the first leaves them.
const STORE_COLUMNS = [
  'events.global_position',
  'events.stream_id',
  'events.version',
  'events.event_id',
  'events.type',
  'events.data',
  'events.metadata',
  'events.recorded_at',
  'schema_migrations.version',
  'schema_migrations.name',
];

// Refuses a schema without a store (nothing to read) or holding another application's tables.
async function assertPostgresStoreExists(
  pool: { query: (sql: string, values: unknown[]) => Promise<{ rows: { column: string }[] }> },
  schema: string,
  label: string,
): Promise<void> {
  const { rows } = await pool.query(
    `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
     WHERE table_schema = $1 AND table_name IN ('events', 'schema_migrations')`,
    [schema],
  );
  const found = new Set(rows.map((row) => row.column));
  if (found.size === 0) {
    throw notFound(
      `Aucune base d'événements dans ${label} : lancez d'abord « cartes-badges demo --store … »`,
    );
  }
  const missing = STORE_COLUMNS.filter((column) => !found.has(column));
  if (missing.length > 0) {
    throw notFound(
      `Le schéma ${schema} (${label}) n'est pas une base d'événements cartes-badges (colonnes absentes : ${missing.join(', ')}) : rien n'y a été écrit ; vérifiez ?schema=`,
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
