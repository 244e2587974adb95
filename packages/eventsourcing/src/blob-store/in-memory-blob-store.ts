import type { BlobBackend } from './blob-backend';
import type { BlobStore } from './blob-store';
import { contentAddressedBlobStore } from './content-addressed';

interface MemoryBlob {
  chunks: Uint8Array[];
  readonly size: number;
  storedAt: Date;
}

/** A blob store in memory, with the number of distinct blobs it holds (for tests). */
export interface InMemoryBlobStore extends BlobStore {
  /** How many distinct contents are stored. */
  count(): number;
}

const storages = new WeakMap<BlobStore, Map<string, MemoryBlob>>();

/**
 * A content-addressed blob store in memory, for tests and demos: nothing survives the process.
 * Bytes are copied in and out, so callers cannot alter what is stored.
 */
export function createInMemoryBlobStore(): InMemoryBlobStore {
  const blobs = new Map<string, MemoryBlob>();
  const backend: BlobBackend = {
    begin() {
      const chunks: Uint8Array[] = [];
      return Promise.resolve({
        write: (chunk) => {
          chunks.push(Uint8Array.from(chunk));
          return Promise.resolve();
        },
        commit: (key, size) => {
          const stored = blobs.get(key);
          if (stored) stored.storedAt = new Date();
          else blobs.set(key, { chunks, size, storedAt: new Date() });
          return Promise.resolve();
        },
        abort: () => Promise.resolve(),
      });
    },
    chunks(key) {
      const blob = blobs.get(key);
      if (blob === undefined) return Promise.resolve(undefined);
      const copies = blob.chunks.map((chunk) => Uint8Array.from(chunk));
      return Promise.resolve(
        (async function* () {
          yield* copies;
        })(),
      );
    },
    async *list() {
      for (const [key, { size, storedAt }] of [...blobs]) yield { key, size, storedAt };
    },
    delete(key, lastPutBefore) {
      const blob = blobs.get(key);
      if (blob === undefined || (lastPutBefore && blob.storedAt >= lastPutBefore))
        return Promise.resolve(false);
      return Promise.resolve(blobs.delete(key));
    },
    // A put in memory cannot be cut short and leave anything behind.
    removeIncomplete: () => Promise.resolve(0),
    close: () => Promise.resolve(),
  };
  const store: InMemoryBlobStore = { ...contentAddressedBlobStore(backend), count: () => blobs.size };
  storages.set(store, blobs);
  return store;
}

/** Test-only: the storage behind an in-memory blob store, to alter it behind the port. */
export function inMemoryBlobStorageOf(store: BlobStore): Map<string, { chunks: Uint8Array[] }> {
  const storage = storages.get(store);
  if (storage === undefined) throw new Error('Not an in-memory blob store');
  return storage;
}
