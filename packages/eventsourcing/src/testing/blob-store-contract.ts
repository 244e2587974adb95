/// <reference types="jest" />
import { createHash, randomBytes } from 'node:crypto';
import type { BlobStore } from '../blob-store/blob-store';
import { BlobIntegrityError } from '../blob-store/blob-store';
import { describeSkipped } from './skipped-suite';

/** Direct edits of a blob store's storage, bypassing the port: how tests play the forger. */
export interface BlobTamperer {
  /** Changes one byte of the stored blob (the middle one), leaving its key and size as they were. */
  alter(key: string): Promise<void>;
  /** Deletes the stored bytes behind the store's back. */
  remove(key: string): Promise<void>;
}

/** What a blob store's test gives the contract suite. */
export interface BlobStoreHarness {
  /** A fresh, empty store, isolated from every other one the suite creates. */
  create(): Promise<BlobStore>;
  /** The same storage opened again, as after a restart (omitted for stores that keep nothing). */
  reopen?(store: BlobStore): Promise<BlobStore>;
  tamper(store: BlobStore): BlobTamperer;
  /** Called once after the whole suite. */
  teardown?(): Promise<void>;
  /** When a string, the suite is reported as skipped with that reason. */
  skip?: string | false;
}

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; largest: number }> {
  const parts: Uint8Array[] = [];
  let largest = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    largest = Math.max(largest, chunk.byteLength);
  }
  return { bytes: Buffer.concat(parts), largest };
}

async function listed(store: BlobStore): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  for await (const blob of store.list()) keys.set(blob.key, blob.size);
  return keys;
}

/** `bytes` as a stream of uneven pieces, the way an upload arrives. */
async function* piecesOf(bytes: Uint8Array, pieceSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += pieceSize) yield bytes.subarray(at, at + pieceSize);
}

/**
 * The blob store contract: one jest `describe` that every `BlobStore` runs
 * (`runBlobStoreContract('SQLite', harness)`): round trips from 0 B to 20 MB, streaming both
 * ways, content addressing, concurrent puts, and altered or missing bytes detected on read.
 */
export function runBlobStoreContract(storeName: string, harness: BlobStoreHarness): void {
  const title = `BlobStore contract: ${storeName}`;
  if (harness.skip) {
    describeSkipped(title, harness.skip);
    return;
  }

  describe(title, () => {
    const open: BlobStore[] = [];
    const create = async (): Promise<BlobStore> => {
      const store = await harness.create();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((store) => store.close()));
    });
    afterAll(async () => {
      await harness.teardown?.();
    });

    it.each([
      ['0 B', 0],
      ['1 B', 1],
      ['5 MB', 5 * MB],
      ['20 MB', 20 * MB],
    ])('R-20 gives back %s exactly as stored, under its SHA-256', async (_label, size) => {
      const store = await create();
      const bytes = randomBytes(size);
      const stored = await store.put(bytes);
      expect(stored).toEqual({ key: sha256(bytes), sha256: sha256(bytes), size });
      expect(Buffer.from((await store.get(stored.key)) ?? [1]).equals(bytes)).toBe(true);
      const streamed = await store.open(stored.key);
      expect(streamed).toBeDefined();
      expect((await collect(streamed!)).bytes.equals(bytes)).toBe(true);
      expect(await listed(store)).toEqual(new Map([[stored.key, size]]));
    });

    it('streams a 20 MB file in and out in chunks, never as one piece', async () => {
      const store = await create();
      const bytes = randomBytes(20 * MB);
      const stored = await store.put(piecesOf(bytes, 64 * 1024 + 7));
      expect(stored).toEqual({ key: sha256(bytes), sha256: sha256(bytes), size: bytes.byteLength });
      const { bytes: read, largest } = await collect((await store.open(stored.key))!);
      expect(read.equals(bytes)).toBe(true);
      expect(largest).toBeLessThanOrEqual(MB);
    });

    it('R-20 stores the same bytes once, whether sent whole or streamed', async () => {
      const store = await create();
      const bytes = randomBytes(300 * 1024);
      const first = await store.put(bytes);
      const second = await store.put(piecesOf(bytes, 1000));
      expect(second).toEqual(first);
      expect([...(await listed(store)).keys()]).toEqual([first.key]);
    });

    it('stores concurrent puts of the same content once, readable afterwards', async () => {
      const store = await create();
      const bytes = randomBytes(2 * MB);
      const results = await Promise.all(Array.from({ length: 5 }, () => store.put(piecesOf(bytes, 100_000))));
      expect(new Set(results.map((r) => r.key))).toEqual(new Set([sha256(bytes)]));
      expect([...(await listed(store)).keys()]).toEqual([sha256(bytes)]);
      expect(Buffer.from((await store.get(sha256(bytes)))!).equals(bytes)).toBe(true);
    });

    it('gives nothing for an unknown key, nor for a key that is not a SHA-256 (no path reaches storage)', async () => {
      const store = await create();
      await store.put(Buffer.from('a'));
      for (const key of [
        '0'.repeat(64),
        '../../etc/passwd',
        'A'.repeat(64),
        '',
        `${sha256(Buffer.from('a'))}/..`,
      ]) {
        expect(await store.get(key)).toBeUndefined();
        expect(await store.open(key)).toBeUndefined();
        expect(await store.delete(key)).toBe(false);
      }
      expect((await listed(store)).size).toBe(1);
    });

    it('refuses with BlobIntegrityError, never wrong bytes, when a stored byte was changed', async () => {
      const store = await create();
      const bytes = randomBytes(MB + 3);
      const { key } = await store.put(bytes);
      await harness.tamper(store).alter(key);
      const failure = await store.get(key).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(BlobIntegrityError);
      expect(failure).toMatchObject({ code: 'BLOB_INTEGRITY', key, actualSize: bytes.byteLength });
      expect((failure as BlobIntegrityError).actualSha256).not.toBe(key);
      await expect(collect((await store.open(key))!)).rejects.toBeInstanceOf(BlobIntegrityError);
    });

    it('reports bytes removed behind its back as missing', async () => {
      const store = await create();
      const { key } = await store.put(randomBytes(1000));
      await harness.tamper(store).remove(key);
      expect(await store.get(key)).toBeUndefined();
    });

    it('keeps nothing of a put whose stream fails, and stores the same content afterwards', async () => {
      const store = await create();
      const bytes = randomBytes(MB);
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield bytes.subarray(0, 400_000);
        throw new Error('connection reset by the uploader');
      }
      await expect(store.put(failing())).rejects.toThrow('connection reset');
      expect((await listed(store)).size).toBe(0);
      const stored = await store.put(bytes);
      expect(Buffer.from((await store.get(stored.key))!).equals(bytes)).toBe(true);
    });

    it('deletes a blob only if it was not put again since the given date', async () => {
      const store = await create();
      const { key } = await store.put(Buffer.from('orphan'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const collectionStart = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await store.put(Buffer.from('orphan')); // the same file attached again while a collection runs
      expect(await store.delete(key, collectionStart)).toBe(false);
      expect(await store.get(key)).toEqual(new Uint8Array(Buffer.from('orphan')));
      expect(await store.delete(key, new Date(Date.now() + 1000))).toBe(true);
      expect(await store.get(key)).toBeUndefined();
      expect(await store.delete(key)).toBe(false);
    });

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('still has every blob after a restart', async () => {
        const store = await create();
        const bytes = randomBytes(3 * MB);
        const { key } = await store.put(bytes);
        await store.close();
        open.splice(open.indexOf(store), 1);
        const again = await reopen(store);
        open.push(again);
        expect(Buffer.from((await again.get(key))!).equals(bytes)).toBe(true);
      });
    }
  });
}
