import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBlobStoreContract } from '@cartes-badges/eventsourcing/testing';
import type { BlobStore } from '@cartes-badges/eventsourcing';
import Database from 'better-sqlite3';
import { createSqliteBlobStore } from './sqlite-blob-store';

const base = mkdtempSync(join(tmpdir(), 'cb-sqlite-blobs-'));
const files = new Map<BlobStore, string>();
let next = 0;

const opened = (file: string): BlobStore => {
  const store = createSqliteBlobStore({ path: file });
  files.set(store, file);
  return store;
};

/** Another connection to the store's file: the forger works behind the store's back. */
function behindItsBack<T>(store: BlobStore, fn: (db: Database.Database) => T): Promise<T> {
  const db = new Database(files.get(store)!);
  try {
    return Promise.resolve(fn(db));
  } finally {
    db.close();
  }
}

runBlobStoreContract('SQLite', {
  create: () => Promise.resolve(opened(join(base, `blobs-${next++}.db`))),
  reopen: (store) => Promise.resolve(opened(files.get(store)!)),
  tamper: (store) => ({
    alter: (key) =>
      behindItsBack(store, (db) => {
        const { upload_id } = db.prepare('SELECT upload_id FROM blobs WHERE key = ?').get(key) as {
          upload_id: number;
        };
        const chunk = db
          .prepare('SELECT seq, bytes FROM blob_chunks WHERE upload_id = ? ORDER BY seq DESC')
          .get(upload_id) as { seq: number; bytes: Buffer };
        chunk.bytes[Math.floor(chunk.bytes.length / 2)] ^= 0xff;
        db.prepare('UPDATE blob_chunks SET bytes = ? WHERE upload_id = ? AND seq = ?').run(
          chunk.bytes,
          upload_id,
          chunk.seq,
        );
      }),
    remove: (key) =>
      behindItsBack(store, (db) => {
        db.prepare('DELETE FROM blobs WHERE key = ?').run(key);
      }),
  }),
  teardown: () => Promise.resolve(rmSync(base, { recursive: true, force: true })),
});
