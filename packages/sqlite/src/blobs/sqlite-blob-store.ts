import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BlobListing, BlobStore } from '@cartes-badges/eventsourcing';
import type { BlobBackend } from '@cartes-badges/eventsourcing/adapter';
import { contentAddressedBlobStore } from '@cartes-badges/eventsourcing/adapter';
import Database from 'better-sqlite3';
import { parseSqliteLocation } from '../location';
import { migrate } from '../migrations';
import { BLOBS_COMPONENT, BLOBS_MIGRATIONS } from './blob-schema';

/** Where a SQLite blob store keeps its tables: a file (the events file or a sibling), or an open database. */
export type SqliteBlobStoreOptions =
  | { readonly path: string }
  | { readonly url: string }
  | {
      /** A connection the caller owns (an event store's `database`): the tables go beside the events; `close` leaves it open. */
      readonly database: Database.Database;
    };

/** A SQLite blob store, with the connection it writes through. */
export interface SqliteBlobStore extends BlobStore {
  readonly database: Database.Database;
}

function openFile(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/**
 * Blobs in SQLite tables, in chunks of 256 KiB, so a 20 MB file is never one 20 MB statement:
 * for a deployment that is one file. Chunks are written without waiting for the disk; the
 * transaction that names them by their SHA-256 waits (synchronous = FULL), which makes every
 * chunk before it durable too (one write-ahead log, synced in order).
 */
export function createSqliteBlobStore(options: SqliteBlobStoreOptions): SqliteBlobStore {
  let db: Database.Database;
  let owned = true;
  if ('database' in options) {
    db = options.database;
    owned = false;
  } else {
    const location = parseSqliteLocation(options);
    db = location.kind === 'memory' ? new Database(':memory:') : openFile(location.file);
  }
  migrate(db, BLOBS_COMPONENT, BLOBS_MIGRATIONS);

  const startUpload = db.prepare<[string]>('INSERT INTO blob_uploads (started_at) VALUES (?)');
  const insertChunk = db.prepare<[number, number, Uint8Array]>(
    'INSERT INTO blob_chunks (upload_id, seq, bytes) VALUES (?, ?, ?)',
  );
  const blobOf = db.prepare<[string], { upload_id: number; stored_at: string }>(
    'SELECT upload_id, stored_at FROM blobs WHERE key = ?',
  );
  const renew = db.prepare<[string, string]>('UPDATE blobs SET stored_at = ? WHERE key = ?');
  const name = db.prepare<[string, number, number, string]>(
    'INSERT INTO blobs (key, upload_id, size, stored_at) VALUES (?, ?, ?, ?)',
  );
  const dropChunks = db.prepare<[number]>('DELETE FROM blob_chunks WHERE upload_id = ?');
  const endUpload = db.prepare<[number]>('DELETE FROM blob_uploads WHERE id = ?');
  const chunkAt = db.prepare<[number, number], { bytes: Buffer }>(
    'SELECT bytes FROM blob_chunks WHERE upload_id = ? AND seq = ?',
  );
  const dropBlob = db.prepare<[string]>('DELETE FROM blobs WHERE key = ?');
  const staleUploads = db.prepare<[string], { id: number }>(
    'SELECT id FROM blob_uploads WHERE started_at < ?',
  );

  /** Runs `fn` with synchronous = FULL, whatever the connection's own setting. */
  const durably = <T>(fn: () => T): T => {
    const before = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = FULL');
    try {
      return db.transaction(fn).immediate();
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  };
  /** Runs `fn` without waiting for the disk (what it writes becomes durable with the next FULL commit). */
  const quickly = <T>(fn: () => T): T => {
    const before = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      return fn();
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  };

  const backend: BlobBackend = {
    async begin() {
      const upload = Number(quickly(() => startUpload.run(new Date().toISOString())).lastInsertRowid);
      let seq = 0;
      return {
        async write(chunk) {
          quickly(() => insertChunk.run(upload, seq++, chunk));
        },
        async commit(key, size) {
          durably(() => {
            if (blobOf.get(key)) {
              renew.run(new Date().toISOString(), key);
              dropChunks.run(upload);
            } else {
              name.run(key, upload, size, new Date().toISOString());
            }
            endUpload.run(upload);
          });
        },
        async abort() {
          quickly(() => db.transaction(() => (dropChunks.run(upload), endUpload.run(upload)))());
        },
      };
    },
    async chunks(key) {
      const blob = blobOf.get(key);
      if (blob === undefined) return undefined;
      // One statement a chunk: no read transaction is held while the caller consumes the stream.
      return (async function* () {
        for (let seq = 0; ; seq += 1) {
          const row = chunkAt.get(blob.upload_id, seq);
          if (row === undefined) return;
          yield new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
        }
      })();
    },
    async *list(): AsyncGenerator<BlobListing> {
      const rows = db
        .prepare<
          [],
          { key: string; size: number; stored_at: string }
        >('SELECT key, size, stored_at FROM blobs')
        .all();
      for (const row of rows) yield { key: row.key, size: row.size, storedAt: new Date(row.stored_at) };
    },
    async delete(key, lastPutBefore) {
      return durably(() => {
        const blob = blobOf.get(key);
        if (blob === undefined) return false;
        if (lastPutBefore !== undefined && blob.stored_at >= lastPutBefore.toISOString()) return false;
        dropBlob.run(key);
        dropChunks.run(blob.upload_id);
        return true;
      });
    },
    async removeIncomplete(startedBefore) {
      return durably(() => {
        const stale = staleUploads.all(startedBefore.toISOString());
        for (const { id } of stale) {
          dropChunks.run(id);
          endUpload.run(id);
        }
        return stale.length;
      });
    },
    async close() {
      if (owned && db.open) db.close();
    },
  };
  return { ...contentAddressedBlobStore(backend), database: db };
}
