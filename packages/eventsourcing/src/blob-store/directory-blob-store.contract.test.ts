import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, open, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBlobStoreContract } from '../testing/blob-store-contract';
import type { BlobStore } from './blob-store';
import { blobPathOf, createDirectoryBlobStore } from './directory-blob-store';

const base = mkdtempSync(join(tmpdir(), 'cb-blobs-'));
const roots = new Map<BlobStore, string>();
let next = 0;

const opened = (root: string): BlobStore => {
  const store = createDirectoryBlobStore(root);
  roots.set(store, root);
  return store;
};

runBlobStoreContract('directory', {
  create: () => Promise.resolve(opened(join(base, String(next++)))),
  reopen: (store) => Promise.resolve(opened(roots.get(store)!)),
  tamper: (store) => ({
    async alter(key) {
      const path = blobPathOf(roots.get(store)!, key);
      await chmod(path, 0o644);
      const { size } = await stat(path);
      const handle = await open(path, 'r+');
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, Math.floor(size / 2));
      byte[0] ^= 0xff;
      await handle.write(byte, 0, 1, Math.floor(size / 2));
      await handle.close();
    },
    remove: (key) => unlink(blobPathOf(roots.get(store)!, key)),
  }),
  teardown: () => Promise.resolve(rmSync(base, { recursive: true, force: true })),
});
