/** A file's bytes as given to `BlobStore.put`: all at once, or as a stream (a Node `Readable` is one). */
export type BlobContent = Uint8Array | AsyncIterable<Uint8Array>;

/** What `BlobStore.put` gives back: the key to read the bytes again, their SHA-256 and size. */
export interface StoredBlob {
  /** The SHA-256 of the bytes (lower-case hexadecimal): blob stores are content-addressed. */
  readonly key: string;
  readonly sha256: string;
  /** In bytes. */
  readonly size: number;
}

/** One blob as `BlobStore.list` reports it. */
export interface BlobListing {
  readonly key: string;
  readonly size: number;
  /** When it was last put (a put of bytes already stored renews it, so a collection spares it). */
  readonly storedAt: Date;
}

/**
 * Where files' bytes are kept; events keep only their metadata and key. Content-addressed:
 * the key is the bytes' SHA-256, so the same file stored twice is kept once, and every read
 * checks the bytes against their key (`BlobIntegrityError` rather than wrong bytes).
 */
export interface BlobStore {
  /**
   * Stores the bytes durably (they survive a crash once it resolves) and gives back their key.
   * Streams are consumed chunk by chunk: a file is never held whole in memory.
   */
  put(content: BlobContent): Promise<StoredBlob>;
  /** The bytes stored under `key`, or undefined when there are none; rejects with `BlobIntegrityError` when they no longer hash to it. */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * The bytes stored under `key` as a stream of chunks, or undefined when there are none; the
   * stream fails with `BlobIntegrityError` at its end when the bytes no longer hash to the key.
   */
  open(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Every stored blob, in no particular order. */
  list(): AsyncIterable<BlobListing>;
  /**
   * Removes a blob; false when there was none. With `lastPutBefore`, only if it was not put at
   * or after that date, decided atomically against a put of the same bytes (a collection never
   * takes a blob from a put in flight). Meant for `collectUnreferencedBlobs`.
   */
  delete(key: string, lastPutBefore?: Date): Promise<boolean>;
  /** Removes what puts cut short (a crash mid-put) left behind, if started before `startedBefore`; how many. */
  removeIncomplete(startedBefore: Date): Promise<number>;
  /** Releases connections or handles. */
  close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether `key` can be a blob key (a lower-case SHA-256): anything else names no blob (and no path). */
export const isBlobKey = (key: unknown): key is string => typeof key === 'string' && SHA256_HEX.test(key);

/** The bytes under a key no longer hash to it: altered or truncated behind the store's back. */
export class BlobIntegrityError extends Error {
  readonly code = 'BLOB_INTEGRITY';
  constructor(
    readonly key: string,
    /** SHA-256 of the bytes actually found. */
    readonly actualSha256: string,
    /** Size of the bytes actually found. */
    readonly actualSize: number,
  ) {
    super(
      `Blob ${key}: the stored bytes (${actualSize} bytes) hash to ${actualSha256}, not to their key: altered since they were stored`,
    );
    this.name = 'BlobIntegrityError';
  }
}
