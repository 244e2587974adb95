import Database from 'better-sqlite3';
import { EVENTS_COMPONENT, EVENTS_MIGRATIONS } from './schema';

/** A file opened read-only that holds no cartes-badges event store (another application's, say). */
export class NotAnEventStoreError extends Error {
  readonly code = 'NOT_AN_EVENT_STORE';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`SQLite store: ${file} is not a cartes-badges event store (${reason}); nothing was written to it`);
    this.name = 'NotAnEventStoreError';
  }
}

// The events table's columns, as every migration since the first leaves them.
const EVENT_COLUMNS = [
  'global_position',
  'stream_id',
  'version',
  'event_id',
  'type',
  'data',
  'metadata',
  'recorded_at',
];

/**
 * Opens an existing store file on a read-only connection (SQLite refuses every write on it: no
 * table created, no journal mode set, the file left as it is) and checks that it holds a
 * cartes-badges event store at the schema version this code reads. Throws
 * `NotAnEventStoreError` for another application's database or a file that is not SQLite.
 */
export function openReadOnlyStoreDatabase(file: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  try {
    checkEventStoreSchema(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkEventStoreSchema(db: Database.Database, file: string): void {
  let tables: Set<string>;
  try {
    tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB')
      throw new NotAnEventStoreError(file, 'not a SQLite database');
    throw error;
  }
  if (!tables.has('events') || !tables.has('schema_migrations')) {
    throw new NotAnEventStoreError(file, 'no events and schema_migrations tables');
  }
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(events)')
      .all()
      .map((row) => row.name),
  );
  const missing = EVENT_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw new NotAnEventStoreError(file, `its events table has no ${missing.join(', ')} column`);
  }
  let version: number;
  try {
    version =
      db
        .prepare<
          [string],
          { v: number | null }
        >('SELECT MAX(version) AS v FROM schema_migrations WHERE component = ?')
        .get(EVENTS_COMPONENT)?.v ?? 0;
  } catch {
    throw new NotAnEventStoreError(file, 'its schema_migrations table is not the store’s');
  }
  if (version === 0) throw new NotAnEventStoreError(file, 'no events migration recorded');
  const known = EVENTS_MIGRATIONS.length;
  if (version < known) {
    throw new Error(
      `SQLite store: ${file} is at events schema version ${version}, older than this code reads (${known}); open it once for writing to migrate it`,
    );
  }
  if (version > known) {
    throw new Error(
      `SQLite store: ${file} is at events schema version ${version}, newer than this code knows (${known}); upgrade the library`,
    );
  }
}
