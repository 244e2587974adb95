import { randomBytes } from 'node:crypto';
import type { PersonalDataKeys } from '@cartes-badges/eventsourcing';
import { PersonalDataErasedError } from '@cartes-badges/eventsourcing';
import { checkSubject, isStorableSubject, SUBJECT_KEY_BYTES } from '@cartes-badges/eventsourcing/adapter';
import type Database from 'better-sqlite3';
import type { Migration } from '../migrations';
import { migrate } from '../migrations';

/** Name under which the keys table's migrations are recorded in `schema_migrations`. */
export const PERSONAL_DATA_KEYS_COMPONENT = 'personal_data_keys';

/**
 * One row per subject: its key, or NULL and `destroyed_at` once erased (the tombstone that
 * stops a new key from being made for it).
 */
export const PERSONAL_DATA_KEYS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'per-subject keys of the personal data (crypto-shredding)',
    up: (db) =>
      db.exec(`
        CREATE TABLE personal_data_keys (
          subject      TEXT PRIMARY KEY,
          key          BLOB,
          created_at   TEXT NOT NULL,
          destroyed_at TEXT
        );
      `),
  },
];

/** Options of `createSqlitePersonalDataKeys`. */
export interface SqlitePersonalDataKeysOptions {
  /** The event store's connection (`store.database`): the table goes beside the events. */
  readonly database: Database.Database;
  /**
   * A read-only connection (the CLI's read commands): the table is not created, and a store
   * that never had one reads as holding no key (it then holds no sealed value either).
   */
  readonly readOnly?: boolean;
  readonly clock?: () => Date;
}

interface KeyRow {
  readonly subject: string;
  readonly key: Buffer | null;
  readonly destroyed_at: string | null;
}

/** Subject keys in a table beside the events of a SQLite store. */
export function createSqlitePersonalDataKeys(options: SqlitePersonalDataKeysOptions): PersonalDataKeys {
  const db = options.database;
  const clock = options.clock ?? (() => new Date());
  if (!options.readOnly) {
    migrate(db, PERSONAL_DATA_KEYS_COMPONENT, PERSONAL_DATA_KEYS_MIGRATIONS);
    // Deleted or overwritten content is zeroed in the file, not left in a free page.
    db.pragma('secure_delete = ON');
  }
  const hasTable = (): boolean =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'personal_data_keys'").get() !==
    undefined;

  const insertKey = (): Database.Statement<[string, Buffer, string]> =>
    db.prepare('INSERT OR IGNORE INTO personal_data_keys (subject, key, created_at) VALUES (?, ?, ?)');
  const rowOf = (): Database.Statement<[string], KeyRow> =>
    db.prepare('SELECT subject, key, destroyed_at FROM personal_data_keys WHERE subject = ?');

  return {
    async keyForWriting(subject) {
      checkSubject(subject);
      const row = db
        .transaction(() => {
          insertKey().run(subject, randomBytes(SUBJECT_KEY_BYTES), clock().toISOString());
          return rowOf().get(subject);
        })
        .immediate();
      if (!row?.key) throw new PersonalDataErasedError(subject);
      return new Uint8Array(row.key);
    },
    async keysFor(subjects) {
      const found = new Map<string, Uint8Array | null>();
      if (subjects.length === 0 || !hasTable()) return found;
      const read = rowOf();
      for (const subject of subjects.filter(isStorableSubject)) {
        const row = read.get(subject);
        if (row) found.set(subject, row.key ? new Uint8Array(row.key) : null);
      }
      return found;
    },
    async destroy(subject) {
      checkSubject(subject);
      const now = clock().toISOString();
      const destroyed = db
        .transaction(() => {
          const row = rowOf().get(subject);
          if (!row) {
            db.prepare(
              'INSERT INTO personal_data_keys (subject, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)',
            ).run(subject, now, now);
            return false;
          }
          if (row.key === null) return false;
          db.prepare('UPDATE personal_data_keys SET key = NULL, destroyed_at = ? WHERE subject = ?').run(
            now,
            subject,
          );
          return true;
        })
        .immediate();
      // Moves the write-ahead log into the file and empties it, so the old page with the key
      // does not wait there for the next checkpoint (a busy reader may delay it: best effort).
      if (destroyed) db.pragma('wal_checkpoint(TRUNCATE)');
      return destroyed;
    },
    close: async () => undefined,
  };
}
