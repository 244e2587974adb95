// The in-memory blob store beyond the contract: its cutoff boundary (a blob put exactly at the
// cutoff is kept, as the directory store keeps it), its date renewed by a put of the same bytes,
// its copies in and out, and the test-only handle refusing another kind of store.
import { createDirectoryBlobStore } from './directory-blob-store';
import { createInMemoryBlobStore, inMemoryBlobStorageOf } from './in-memory-blob-store';

async function storedAtOf(store: ReturnType<typeof createInMemoryBlobStore>, key: string): Promise<Date> {
  for await (const blob of store.list()) if (blob.key === key) return blob.storedAt;
  throw new Error(`${key} is not listed`);
}

describe('in-memory blob store', () => {
  it('keeps a blob put at the cutoff, deletes it once put before, and counts what it holds', async () => {
    const store = createInMemoryBlobStore();
    const { key } = await store.put(Buffer.from('devis'));
    const putAt = await storedAtOf(store, key);
    expect(await store.delete(key, putAt)).toBe(false);
    expect(store.count()).toBe(1);
    expect(await store.delete(key, new Date(putAt.getTime() + 1))).toBe(true);
    expect(store.count()).toBe(0);
    expect(await store.delete(key)).toBe(false);
  });

  it('renews the date of content put again, and stores it once', async () => {
    const store = createInMemoryBlobStore();
    const { key } = await store.put(Buffer.from('kbis'));
    const first = await storedAtOf(store, key);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.put(Buffer.from('kbis'));
    expect((await storedAtOf(store, key)).getTime()).toBeGreaterThan(first.getTime());
    expect(store.count()).toBe(1);
  });

  it('copies bytes in: a caller changing its buffer after the put changes nothing stored', async () => {
    const store = createInMemoryBlobStore();
    const bytes = Buffer.from('attestation');
    const { key } = await store.put(bytes);
    bytes.fill(0);
    expect(Buffer.from((await store.get(key))!).toString()).toBe('attestation');
  });

  it('gives its storage to tests only for an in-memory store', () => {
    expect(inMemoryBlobStorageOf(createInMemoryBlobStore()).size).toBe(0);
    expect(() => inMemoryBlobStorageOf(createDirectoryBlobStore('/nonexistent'))).toThrow(
      new Error('Not an in-memory blob store'),
    );
  });
});
