import { runBlobStoreContract } from '../testing/blob-store-contract';
import { createInMemoryBlobStore, inMemoryBlobStorageOf } from './in-memory-blob-store';

runBlobStoreContract('in memory', {
  create: () => Promise.resolve(createInMemoryBlobStore()),
  tamper: (store) => {
    const storage = inMemoryBlobStorageOf(store);
    return {
      alter(key) {
        const blob = storage.get(key)!;
        const chunk = blob.chunks[Math.floor(blob.chunks.length / 2)];
        chunk[Math.floor(chunk.byteLength / 2)] ^= 0xff;
        return Promise.resolve();
      },
      remove(key) {
        storage.delete(key);
        return Promise.resolve();
      },
    };
  },
});
