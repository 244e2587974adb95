import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobBackend } from './blob-backend';
import type { BlobListing, BlobStore } from './blob-store';
import { isBlobKey } from './blob-store';
import { contentAddressedBlobStore } from './content-addressed';

/** Where a blob's file is under the root: `sha256/ab/cd/abcd…` (two levels of 256 folders). */
export const blobPathOf = (root: string, key: string): string =>
  join(root, 'sha256', key.slice(0, 2), key.slice(2, 4), key);

const INCOMPLETE = 'incomplete';

/** Makes a rename or a new file in `directory` durable (POSIX: fsync the folder itself). */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some systems (Windows) refuse fsync on a folder: the rename is then as durable as they make it.
    if (
      (error as NodeJS.ErrnoException).code !== 'EISDIR' &&
      (error as NodeJS.ErrnoException).code !== 'EPERM'
    )
      throw error;
  } finally {
    await handle.close();
  }
}

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';
const notFoundAsFalse = (error: unknown): Promise<false> =>
  missing(error) ? Promise.resolve(false) : Promise.reject(error);

/**
 * A blob store in a folder: each blob is one read-only file named by its SHA-256, under two
 * levels of fan-out folders. A put writes `incomplete/<random>`, fsyncs it, renames it to its
 * final name and fsyncs the folder, so a crash never leaves a partial file under a final name;
 * what a crash leaves in `incomplete/` is removed by `removeIncomplete` (blobs gc).
 */
export function createDirectoryBlobStore(root: string): BlobStore {
  const incomplete = join(root, INCOMPLETE);
  const backend: BlobBackend = {
    async begin() {
      await mkdir(incomplete, { recursive: true });
      const temporary = join(incomplete, `${Date.now()}-${randomBytes(8).toString('hex')}`);
      const handle = await open(temporary, 'wx', 0o600);
      const finish = async (): Promise<void> => {
        await handle.close().catch(() => undefined);
      };
      return {
        async write(chunk) {
          await handle.write(chunk);
        },
        async commit(key) {
          await handle.sync();
          await finish();
          const target = blobPathOf(root, key);
          try {
            // Already stored: it counts as just put, so a collection now cannot take it from this put.
            const now = new Date();
            await utimes(target, now, now);
            await unlink(temporary);
            return;
          } catch (error) {
            if (!missing(error)) throw error;
          }
          await chmod(temporary, 0o444);
          const folder = join(target, '..');
          await mkdir(folder, { recursive: true });
          // Two puts of the same content may both get here: renaming identical bytes over each other is harmless.
          await rename(temporary, target);
          await syncDirectory(folder);
        },
        async abort() {
          await finish();
          await unlink(temporary).catch(() => undefined);
        },
      };
    },
    async chunks(key) {
      const path = blobPathOf(root, key);
      try {
        await stat(path);
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
      return createReadStream(path, { highWaterMark: 256 * 1024 });
    },
    async *list(): AsyncGenerator<BlobListing> {
      const top = join(root, 'sha256');
      for (const first of await entries(top)) {
        for (const second of await entries(join(top, first))) {
          for (const key of await entries(join(top, first, second))) {
            if (!isBlobKey(key)) continue;
            const info = await stat(join(top, first, second, key)).catch(() => undefined);
            if (info) yield { key, size: info.size, storedAt: info.mtime };
          }
        }
      }
    },
    async delete(key, lastPutBefore) {
      const path = blobPathOf(root, key);
      if (lastPutBefore === undefined) return unlink(path).then(() => true, notFoundAsFalse);
      // Moved aside first (atomic): a put from then on finds no file and writes its own. A put
      // that renewed the file just before is seen on the moved file, which then goes back.
      await mkdir(incomplete, { recursive: true });
      const aside = join(incomplete, `deleting-${key}-${randomBytes(4).toString('hex')}`);
      const moved = await rename(path, aside).then(() => true, notFoundAsFalse);
      if (!moved) return false;
      const { mtime } = await stat(aside);
      if (mtime >= lastPutBefore) {
        await rename(aside, path);
        return false;
      }
      await unlink(aside);
      return true;
    },
    async removeIncomplete(startedBefore) {
      let removed = 0;
      for (const name of await entries(incomplete)) {
        const path = join(incomplete, name);
        const info = await stat(path).catch(() => undefined);
        if (info && info.mtime < startedBefore) {
          await unlink(path).catch(() => undefined);
          removed += 1;
        }
      }
      return removed;
    },
    close: () => Promise.resolve(),
  };
  return contentAddressedBlobStore(backend);
}

async function entries(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if (missing(error)) return [];
    throw error;
  }
}
