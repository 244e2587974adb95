import type { BlobListing } from './blob-store';

/**
 * What one storage engine provides so that `contentAddressedBlobStore` can make a `BlobStore`
 * of it: raw chunks in and out. Hashing, chunking, key checks and verification are done once,
 * above it, for every engine.
 */
export interface BlobBackend {
  /** Starts writing a blob whose key is known only at the end (its SHA-256). */
  begin(): Promise<BlobWriter>;
  /** The stored chunks under `key` (a valid key), or undefined when there is no such blob. */
  chunks(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  list(): AsyncIterable<BlobListing>;
  delete(key: string, lastPutBefore?: Date): Promise<boolean>;
  removeIncomplete(startedBefore: Date): Promise<number>;
  close(): Promise<void>;
}

/** A blob being written: chunks first, under a temporary name, then its key. */
export interface BlobWriter {
  /** Appends one chunk (at most the store's chunk size). The chunk may be reused after: copy it if kept. */
  write(chunk: Uint8Array): Promise<void>;
  /**
   * Makes the written bytes durable under `key`, atomically: readers see all of them or no
   * blob. When `key` is already stored, the bytes written are dropped, the stored ones kept and
   * their last put renewed (`BlobListing.storedAt`).
   */
  commit(key: string, size: number): Promise<void>;
  /** Drops what was written (the content's stream failed). */
  abort(): Promise<void>;
}
