import { createHash } from 'node:crypto';

/** Where an uploaded file's bytes are kept; events keep only the metadata and the key. */
export interface BlobStore {
  /** Stores `bytes` and gives back their key, SHA-256 (hex) and size in bytes. */
  put(bytes: Uint8Array, options: { readonly mediaType: string }): Promise<StoredBlob>;
  /** The bytes stored under `key`, or undefined when there are none. */
  get(key: string): Promise<Uint8Array | undefined>;
}

/** What `BlobStore.put` gives back. */
export interface StoredBlob {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
}

/** A blob store in memory, with the number of distinct blobs it holds (for tests). */
export interface InMemoryBlobStore extends BlobStore {
  /** How many distinct contents are stored. */
  count(): number;
}

/** SHA-256 of `bytes` in lower-case hexadecimal. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A content-addressed blob store in memory: the key is the SHA-256 of the bytes, so uploading
 * the same file again stores nothing new. Bytes are copied in and out: callers cannot alter them.
 */
export function createInMemoryBlobStore(): InMemoryBlobStore {
  const blobs = new Map<string, { readonly bytes: Uint8Array; readonly mediaType: string }>();
  return {
    put(bytes, { mediaType }) {
      const sha256 = sha256Hex(bytes);
      if (!blobs.has(sha256)) blobs.set(sha256, { bytes: Uint8Array.from(bytes), mediaType });
      return Promise.resolve({ key: sha256, sha256, size: bytes.byteLength });
    },
    get(key) {
      const blob = blobs.get(key);
      return Promise.resolve(blob === undefined ? undefined : Uint8Array.from(blob.bytes));
    },
    count: () => blobs.size,
  };
}
