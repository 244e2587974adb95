// what contentAddressedBlobStore does above every engine (chunking, hashing, key checks,
// verification), seen from a backend that records what it is asked.
import { createHash } from 'node:crypto';
import type { BlobBackend } from './blob-backend';
import { BlobIntegrityError } from './blob-store';
import { contentAddressedBlobStore, DEFAULT_BLOB_CHUNK_SIZE } from './content-addressed';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A backend in memory that records each call, with a chunk copy of each write. */
function recordingBackend() {
  const calls: string[] = [];
  const writes: number[][] = [];
  const stored = new Map<string, Uint8Array[]>();
  const backend: BlobBackend = {
    begin() {
      calls.push('begin');
      const chunks: Uint8Array[] = [];
      return Promise.resolve({
        write: (chunk) => {
          chunks.push(Uint8Array.from(chunk));
          writes.push([...chunk]);
          return Promise.resolve();
        },
        commit: (key, size) => {
          calls.push(`commit ${key} ${size}`);
          stored.set(key, chunks);
          return Promise.resolve();
        },
        abort: () => {
          calls.push('abort');
          return Promise.resolve();
        },
      });
    },
    chunks(key) {
      calls.push(`chunks ${key}`);
      const chunks = stored.get(key);
      return Promise.resolve(
        chunks &&
          (async function* () {
            yield* chunks;
          })(),
      );
    },
    async *list() {},
    delete(key) {
      calls.push(`delete ${key}`);
      return Promise.resolve(stored.delete(key));
    },
    removeIncomplete: () => Promise.resolve(0),
    close: () => Promise.resolve(),
  };
  return { backend, calls, writes, stored };
}

async function* pieces(...parts: number[][]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Uint8Array.from(part);
}

describe('content-addressed blob store', () => {
  it('writes chunks of exactly chunkSize bytes, the last one shorter, from an array or uneven stream pieces', async () => {
    const { backend, writes } = recordingBackend();
    const store = contentAddressedBlobStore(backend, { chunkSize: 3 });
    const bytes = [1, 2, 3, 4, 5, 6, 7];
    const whole = await store.put(Uint8Array.from(bytes));
    expect(writes.splice(0)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    const streamed = await store.put(pieces([1], [2, 3, 4, 5], [], [6, 7]));
    expect(writes.splice(0)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(streamed).toEqual(whole);
    expect(whole).toEqual({
      key: sha256(Uint8Array.from(bytes)),
      sha256: sha256(Uint8Array.from(bytes)),
      size: 7,
    });

    await store.put(pieces([1, 2], [3, 4, 5, 6])); // a multiple of the chunk size: no empty last chunk
    expect(writes).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('writes 256 KiB chunks by default', async () => {
    const { backend, writes } = recordingBackend();
    expect(DEFAULT_BLOB_CHUNK_SIZE).toBe(262_144);
    await contentAddressedBlobStore(backend).put(new Uint8Array(DEFAULT_BLOB_CHUNK_SIZE * 2 + 1));
    expect(writes.map((chunk) => chunk.length)).toEqual([262_144, 262_144, 1]);
  });

  it('writes nothing for an empty content, and commits it under the SHA-256 of no bytes; no empty chunk after full ones', async () => {
    const { backend, calls, writes } = recordingBackend();
    const store = contentAddressedBlobStore(backend, { chunkSize: 3 });
    const stored = await store.put(pieces());
    await store.put(new Uint8Array());
    expect(writes).toEqual([]);
    const empty = `commit ${sha256(new Uint8Array())} 0`;
    expect(calls).toEqual(['begin', empty, 'begin', empty]);
    expect(stored.size).toBe(0);

    await store.put(Uint8Array.from([1, 2, 3, 4, 5, 6])); // a whole array of two chunks: no third, empty one
    expect(writes).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('refuses a stream chunk that is not bytes with a TypeError, aborting the write', async () => {
    const { backend, calls } = recordingBackend();
    async function* text() {
      yield 'pas des octets' as unknown as Uint8Array;
    }
    const failure = contentAddressedBlobStore(backend).put(text());
    await expect(failure).rejects.toThrow(new TypeError('Blob content: a stream chunk is not bytes'));
    await expect(failure).rejects.toBeInstanceOf(TypeError);
    expect(calls).toEqual(['begin', 'abort']);
  });

  it('never asks the backend about a key that is not a SHA-256', async () => {
    const { backend, calls } = recordingBackend();
    const store = contentAddressedBlobStore(backend);
    for (const key of ['../etc/passwd', 'F'.repeat(64), `../${'a'.repeat(64)}`]) {
      expect(await store.get(key)).toBeUndefined();
      expect(await store.open(key)).toBeUndefined();
      expect(await store.delete(key)).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('gives the chunks back as one array, and names the key, size and hash of altered bytes', async () => {
    const { backend, stored } = recordingBackend();
    const store = contentAddressedBlobStore(backend, { chunkSize: 2 });
    const { key } = await store.put(Uint8Array.from([1, 2, 3, 4, 5]));
    expect(await store.get(key)).toEqual(Uint8Array.from([1, 2, 3, 4, 5]));

    stored.set(key, [Uint8Array.from([9, 9]), Uint8Array.from([9])]);
    const actual = sha256(Uint8Array.from([9, 9, 9]));
    const failure = await store.get(key).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BlobIntegrityError);
    expect(failure).toMatchObject({
      name: 'BlobIntegrityError',
      code: 'BLOB_INTEGRITY',
      key,
      actualSha256: actual,
      actualSize: 3,
      message: `Blob ${key}: the stored bytes (3 bytes) hash to ${actual}, not to their key: altered since they were stored`,
    });
  });
});
