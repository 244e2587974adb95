import type { Migration } from '../migrations';

/** Name under which the blob tables' migrations are recorded in `schema_migrations`. */
export const BLOBS_COMPONENT = 'blobs';

/**
 * The blob tables. A put writes its chunks under a new upload id (`blob_uploads` marks it in
 * progress), then one transaction names them by their SHA-256 in `blobs`: the bytes never move
 * and a reader sees a whole blob or none. An upload row left behind is a put a crash cut short.
 */
export const BLOBS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'blobs, their chunks and the uploads in progress',
    up: (db) =>
      db.exec(`
        CREATE TABLE blob_uploads (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          started_at TEXT    NOT NULL
        );
        CREATE TABLE blob_chunks (
          upload_id INTEGER NOT NULL,
          seq       INTEGER NOT NULL,
          bytes     BLOB    NOT NULL,
          PRIMARY KEY (upload_id, seq)
        );
        CREATE TABLE blobs (
          key       TEXT    PRIMARY KEY,
          upload_id INTEGER NOT NULL UNIQUE,
          size      INTEGER NOT NULL,
          stored_at TEXT    NOT NULL
        );
      `),
  },
];
