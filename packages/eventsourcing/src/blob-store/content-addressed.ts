import { createHash } from 'node:crypto';
import type { BlobBackend } from './blob-backend';
import type { BlobContent, BlobStore, StoredBlob } from './blob-store';
import { BlobIntegrityError, isBlobKey } from './blob-store';

/** Chunks of 256 KiB: a 20 MB file is 80 writes, none of which holds more than a chunk. */
export const DEFAULT_BLOB_CHUNK_SIZE = 256 * 1024;

/**
 * The content in chunks of exactly `size` bytes (the last one shorter): views of a whole
 * array, and for a stream one buffer refilled at a time, so a file is never held twice.
 */
async function* inChunks(content: BlobContent, size: number): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    for (let at = 0; at < content.byteLength; at += size) yield content.subarray(at, at + size);
    return;
  }
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const piece of content) {
    if (!(piece instanceof Uint8Array)) throw new TypeError('Blob content: a stream chunk is not bytes');
    let at = 0;
    while (at < piece.byteLength) {
      const taken = Math.min(size - filled, piece.byteLength - at);
      buffer.set(piece.subarray(at, at + taken), filled);
      filled += taken;
      at += taken;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

/** The chunks of a stored blob, passed on as they come, checked against the key at the end. */
async function* verified(key: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.byteLength;
    yield chunk;
  }
  const actual = hash.digest('hex');
  if (actual !== key) throw new BlobIntegrityError(key, actual, size);
}

/** Options of `contentAddressedBlobStore`. */
export interface ContentAddressedOptions {
  /** Bytes per chunk written to the backend (default 256 KiB). */
  readonly chunkSize?: number;
}

/**
 * A `BlobStore` over a backend: keys are the content's SHA-256, computed while the content
 * streams to the backend in chunks; a read streams the chunks back and checks them against
 * the key. A key that is not a SHA-256 names no blob, so a hostile key never reaches storage.
 */
export function contentAddressedBlobStore(
  backend: BlobBackend,
  options: ContentAddressedOptions = {},
): BlobStore {
  const chunkSize = options.chunkSize ?? DEFAULT_BLOB_CHUNK_SIZE;
  const open = async (key: string): Promise<AsyncIterable<Uint8Array> | undefined> => {
    if (!isBlobKey(key)) return undefined;
    const chunks = await backend.chunks(key);
    return chunks && verified(key, chunks);
  };
  return {
    async put(content): Promise<StoredBlob> {
      const writer = await backend.begin();
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of inChunks(content, chunkSize)) {
          hash.update(chunk);
          size += chunk.byteLength;
          await writer.write(chunk);
        }
      } catch (error) {
        await writer.abort();
        throw error;
      }
      const key = hash.digest('hex');
      await writer.commit(key, size);
      return { key, sha256: key, size };
    },
    async get(key) {
      const chunks = await open(key);
      if (chunks === undefined) return undefined;
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      const bytes = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
      return bytes;
    },
    open,
    list: () => backend.list(),
    delete: (key, lastPutBefore) =>
      isBlobKey(key) ? backend.delete(key, lastPutBefore) : Promise.resolve(false),
    removeIncomplete: (startedBefore) => backend.removeIncomplete(startedBefore),
    close: () => backend.close(),
  };
}
