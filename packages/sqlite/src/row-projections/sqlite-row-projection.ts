import Database from 'better-sqlite3';
import type {
  GlobalPosition,
  ProjectedRow,
  RecordedEvent,
  RowColumnType,
  RowProjectionDefinition,
  RowProjectionTable,
  StoredCheckpoint,
} from '@cartes-badges/eventsourcing';
import { RowProjectionError, rowTableOf, RowTableNotBuiltError } from '@cartes-badges/eventsourcing';
import {
  columnsChangedError,
  columnsSignature,
  foldRowBatch,
  ROW_PROJECTION_CHECKPOINTS,
} from '@cartes-badges/eventsourcing/adapter';
import type { SqliteEventStore } from '../sqlite-store';

/** Where a row projection's table lives: the event store's file, or any open connection. */
export type SqliteRowProjectionHost = SqliteEventStore | Database.Database;

/** Options of `createSqliteRowProjection` and `openSqliteRowProjection`. */
export interface SqliteRowProjectionOptions {
  /**
   * Only read a table already built at the projection's version (an export): nothing is created
   * or written, and a table never built here is a `RowTableNotBuiltError`.
   */
  readonly readOnly?: boolean;
}

const SQL_TYPE: Readonly<Record<RowColumnType, string>> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'INTEGER',
  double: 'REAL',
  boolean: 'INTEGER',
  timestamptz: 'TEXT',
  json: 'TEXT',
};

// Names are checked by defineRowProjection (a-z, 0-9, _) and quoted as well.
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const encode = (type: RowColumnType, value: unknown): unknown =>
  value === null || value === undefined
    ? null
    : type === 'boolean'
      ? value
        ? 1
        : 0
      : type === 'json'
        ? JSON.stringify(value)
        : type === 'timestamptz'
          ? new Date(value as string).toISOString()
          : value;

const decode = (type: RowColumnType, value: unknown): unknown =>
  value === null
    ? null
    : type === 'boolean'
      ? value === 1
      : type === 'json'
        ? JSON.parse(value as string)
        : value;

interface CheckpointRecord {
  readonly version: number | null;
  readonly position: string | null;
  readonly columns: string | null;
}

const isStore = (host: SqliteRowProjectionHost): host is SqliteEventStore =>
  'database' in host && typeof (host as SqliteEventStore).transaction === 'function';

/**
 * A row projection as a SQLite table (`rows_<name>`, key column as primary key): each batch's
 * rows and its checkpoint are written in one IMMEDIATE transaction, so that a process killed
 * mid-batch leaves the table at the last batch committed, and the next run resumes from there
 * to exactly the full fold. A new version drops and recreates the table (`reset`).
 */
export function createSqliteRowProjection<Row extends ProjectedRow>(
  host: SqliteRowProjectionHost,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event union the projection folds
  definition: RowProjectionDefinition<Row, any>,
  options: SqliteRowProjectionOptions = {},
): RowProjectionTable<Row> {
  const db = isStore(host) ? host.database : host;
  const inTransaction = <T>(fn: () => T): T =>
    isStore(host) ? host.transaction(fn) : db.transaction(fn).immediate();
  const table = rowTableOf(definition.name);
  const columns = [{ name: definition.key, type: 'text' as const }, ...definition.columns];
  const signature = columnsSignature(definition);
  if (!options.readOnly)
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(ROW_PROJECTION_CHECKPOINTS)} (
      name TEXT PRIMARY KEY, version INTEGER, position TEXT, columns TEXT)`);
  else if (
    db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(ROW_PROJECTION_CHECKPOINTS) === undefined
  )
    throw new RowTableNotBuiltError(definition.name, definition.version, undefined);
  const readCheckpointRow = db.prepare<[string], CheckpointRecord>(
    `SELECT version, position, columns FROM ${q(ROW_PROJECTION_CHECKPOINTS)} WHERE name = ?`,
  );
  const writeCheckpointRow = db.prepare(
    `INSERT INTO ${q(ROW_PROJECTION_CHECKPOINTS)} (name, version, position, columns) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, columns = excluded.columns`,
  );
  const createTable = `CREATE TABLE IF NOT EXISTS ${q(table)} (${columns
    .map((c, i) => `${q(c.name)} ${SQL_TYPE[c.type]}${i === 0 ? ' PRIMARY KEY NOT NULL' : ''}`)
    .join(', ')})`;
  const existing = readCheckpointRow.get(definition.name);
  if (existing?.version === definition.version) {
    if (existing.columns !== signature) throw columnsChangedError(definition.name);
    if (!options.readOnly) db.exec(createTable);
  } else if (options.readOnly) {
    throw new RowTableNotBuiltError(definition.name, definition.version, existing?.version ?? undefined);
  }
  const writable = (): void => {
    if (options.readOnly)
      throw new RowProjectionError(`Projection ${definition.name}: table opened read-only`);
  };
  // Prepared on first use: the table exists only once the version is the projection's.
  let statements:
    | {
        upsert: Database.Statement;
        remove: Database.Statement;
        select: Database.Statement;
        all: Database.Statement;
      }
    | undefined;
  const prepared = (): NonNullable<typeof statements> =>
    (statements ??= {
      upsert: db.prepare(
        `INSERT OR REPLACE INTO ${q(table)} (${columns.map((c) => q(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ),
      remove: db.prepare(`DELETE FROM ${q(table)} WHERE ${q(definition.key)} = ?`),
      select: db.prepare(
        `SELECT * FROM ${q(table)} WHERE ${q(definition.key)} IN (SELECT value FROM json_each(?))`,
      ),
      all: db.prepare(`SELECT * FROM ${q(table)}`),
    });
  const rowOf = (record: Record<string, unknown>): [string, Row] => {
    const row: Record<string, unknown> = {};
    for (const c of definition.columns) row[c.name] = decode(c.type, record[c.name]);
    return [record[definition.key] as string, row as Row];
  };
  const positionOf = (record: CheckpointRecord | undefined): GlobalPosition | undefined =>
    record?.position === null || record?.position === undefined ? undefined : BigInt(record.position);

  return {
    table,
    async readCheckpoint(): Promise<StoredCheckpoint | undefined> {
      const record = readCheckpointRow.get(definition.name);
      if (record === undefined) return undefined;
      const position = positionOf(record);
      return {
        ...(position === undefined ? {} : { position }),
        ...(record.version === null ? {} : { version: record.version }),
      };
    },
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      writable();
      inTransaction(() => {
        // At-least-once delivery: what the stored checkpoint covers is already in the table.
        const done = positionOf(readCheckpointRow.get(definition.name));
        const fresh = done === undefined ? events : events.filter((e) => e.globalPosition > done);
        const { upsert, remove, select } = prepared();
        const keys = [...new Set(fresh.map((e) => definition.keyOf(e)).filter((k) => typeof k === 'string'))];
        const stored = new Map(
          keys.length === 0 ? [] : (select.all(JSON.stringify(keys)) as Record<string, unknown>[]).map(rowOf),
        );
        for (const [key, row] of foldRowBatch(definition, fresh, stored)) {
          if (row === undefined) remove.run(key);
          else upsert.run(key, ...definition.columns.map((c) => encode(c.type, row[c.name])));
        }
        // Written last, in the same transaction: rows and checkpoint move together or not at all.
        if (done === undefined || checkpoint > done)
          writeCheckpointRow.run(definition.name, definition.version, checkpoint.toString(), signature);
      });
    },
    async reset(version: number) {
      writable();
      inTransaction(() => {
        db.exec(`DROP TABLE IF EXISTS ${q(table)}`);
        db.exec(createTable);
        writeCheckpointRow.run(definition.name, version, null, signature);
      });
      statements = undefined;
    },
    async rows() {
      return new Map((prepared().all.all() as Record<string, unknown>[]).map(rowOf));
    },
  };
}

/**
 * A row projection's table in a SQLite file of its own (created if missing; it may also be the
 * event store's file), on a connection of its own: `close` it when done. Read-only, the file
 * must exist and is opened read-only: nothing in it changes.
 */
export function openSqliteRowProjection<Row extends ProjectedRow>(
  file: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event union the projection folds
  definition: RowProjectionDefinition<Row, any>,
  options: SqliteRowProjectionOptions = {},
): RowProjectionTable<Row> & { close(): void } {
  const db = new Database(file, options.readOnly ? { readonly: true, fileMustExist: true } : {});
  try {
    if (!options.readOnly) db.pragma('journal_mode = WAL');
    // The event store's writer may hold the file's lock for a moment.
    db.pragma('busy_timeout = 5000');
    return Object.assign(createSqliteRowProjection(db, definition, options), { close: () => db.close() });
  } catch (error) {
    db.close();
    throw error;
  }
}
