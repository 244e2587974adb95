import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ConcurrentTarget, ConcurrentWriters } from './concurrent-target';
import { rawRows } from './raw-row';

/**
 * better-sqlite3 as our SQLite package loads it (bench/ does not install it; the workspace does).
 * Synchronous: the writers of one process take turns, each on its own connection, so these
 * figures measure the cost of an append under several connections, not parallel writes.
 */
function betterSqlite3(): new (path: string) => SqliteConnection {
  const fromSqlitePackage = createRequire(join(__dirname, '../../packages/sqlite/package.json'));
  return fromSqlitePackage('better-sqlite3') as new (path: string) => SqliteConnection;
}

/** The part of a better-sqlite3 connection the ceiling uses (bench/ has not its types). */
interface SqliteConnection {
  pragma(statement: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): { run(...values: unknown[]): unknown };
  close(): void;
}

/** One connection per writer, handed out round robin. */
function roundRobin<T>(items: readonly T[]): () => T {
  let next = 0;
  return () => items[next++ % items.length];
}

/** Our SQLite store: one store object (its own connection) per writer, on one file. */
export const oursSqlite: ConcurrentTarget = {
  name: 'ours',
  backend: 'sqlite',
  async open(path, connections) {
    const { createSqliteEventStore } = await import('@cartes-badges/sqlite');
    const stores = Array.from({ length: connections }, () => createSqliteEventStore({ path }));
    const pick = roundRobin(stores);
    return {
      async append(streamId, event, eventsBefore) {
        await pick().appendToStream(streamId, [event], {
          expectedVersion:
            eventsBefore === 'any' ? 'any' : eventsBefore === 0 ? 'no_stream' : eventsBefore - 1,
        });
      },
      close: async () => void (await Promise.all(stores.map((s) => s.close()))),
    };
  },
};

/** The ceiling on SQLite: the same row in one INSERT per append, same journal (WAL) and sync (FULL). */
export const rawSqlite: ConcurrentTarget = {
  name: 'raw INSERT (ceiling)',
  backend: 'sqlite',
  async open(path, connections) {
    const Database = betterSqlite3();
    const databases = Array.from({ length: connections }, () => {
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 10000');
      return db;
    });
    databases[0].exec(`CREATE TABLE IF NOT EXISTS raw_events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
      event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    const inserts = databases.map((db) =>
      db.prepare(
        'INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    );
    const pick = roundRobin(inserts);
    const rowOf = rawRows();
    const writers: ConcurrentWriters = {
      async append(streamId, event, eventsBefore) {
        pick().run(...rowOf(streamId, event, eventsBefore), new Date().toISOString());
      },
      close: async () => databases.forEach((db) => db.close()),
    };
    return writers;
  },
};
