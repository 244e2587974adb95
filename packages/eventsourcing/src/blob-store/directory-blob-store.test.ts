// what the directory blob store leaves on disk, beyond the contract every blob store runs:
// one read-only file per blob under its fan-out folders, nothing left in `incomplete/` by a put,
// a failed put or a delete, and what a crash left there removed by age.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobPathOf, createDirectoryBlobStore } from './directory-blob-store';

const base = mkdtempSync(join(tmpdir(), 'cb-directory-blobs-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let next = 0;
const newRoot = () => join(base, String(next++));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const incompleteOf = (root: string) => readdir(join(root, 'incomplete'));
const MINUTE = 60_000;

describe('directory blob store on disk', () => {
  it('R-20 keeps each blob as one read-only file under sha256/ab/cd/, and nothing in incomplete/', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    const { key } = await store.put(Buffer.from('facture'));
    expect(key).toBe(sha256('facture'));
    expect(blobPathOf(root, key)).toBe(join(root, 'sha256', key.slice(0, 2), key.slice(2, 4), key));
    const info = await stat(blobPathOf(root, key));
    expect(info.size).toBe(7);
    expect(info.mode & 0o777).toBe(0o444);
    expect(await incompleteOf(root)).toEqual([]);

    await store.put(Buffer.from('facture')); // the same bytes again: the temporary file goes
    expect(await incompleteOf(root)).toEqual([]);
  });

  it('leaves nothing in incomplete/ after a put whose stream fails', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    async function* failing() {
      yield Buffer.from('début');
      throw new Error('upload cut');
    }
    await expect(store.put(failing())).rejects.toThrow('upload cut');
    expect(await incompleteOf(root)).toEqual([]);
  });

  it('lists only files named by a SHA-256, with their size and last put', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    const { key } = await store.put(Buffer.from('attestation'));
    await writeFile(join(root, 'sha256', key.slice(0, 2), key.slice(2, 4), 'notes.txt'), 'not a blob');
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([{ key, size: 11, storedAt: (await stat(blobPathOf(root, key))).mtime }]);
  });

  it('lists nothing and removes nothing in a folder never written to', async () => {
    const store = createDirectoryBlobStore(newRoot());
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([]);
    expect(await store.removeIncomplete(new Date())).toBe(0);
  });

  it('deletes by a cutoff through incomplete/, leaving nothing there whether it deletes or puts back', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    const { key } = await store.put(Buffer.from('devis'));
    const putAt = (await stat(blobPathOf(root, key))).mtime;

    expect(await store.delete(key, putAt)).toBe(false); // put at the cutoff: kept
    expect((await stat(blobPathOf(root, key))).mtime).toEqual(putAt);
    expect(await incompleteOf(root)).toEqual([]);

    expect(await store.delete(key, new Date(putAt.getTime() + 1))).toBe(true);
    expect(await incompleteOf(root)).toEqual([]);
    await expect(stat(blobPathOf(root, key))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.delete(key, new Date(putAt.getTime() + 1))).toBe(false);
  });

  it('deletes without a cutoff: true for a stored blob, false once gone', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    const { key } = await store.put(Buffer.from('kbis'));
    expect(await store.delete(key)).toBe(true);
    await expect(stat(blobPathOf(root, key))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.delete(key)).toBe(false);
  });

  it('reads a blob back in chunks of 256 KiB', async () => {
    const store = createDirectoryBlobStore(newRoot());
    const { key } = await store.put(new Uint8Array(600 * 1024));
    const sizes: number[] = [];
    for await (const chunk of (await store.open(key))!) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([262_144, 262_144, 90_112]);
  });

  it('reports a broken folder instead of taking it for an empty one', async () => {
    const root = newRoot();
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'sha256'), 'a file where the fan-out folders should be');
    const store = createDirectoryBlobStore(root);
    await expect(store.get(sha256('facture'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    const listing = (async () => {
      for await (const blob of store.list()) void blob;
    })();
    await expect(listing).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('R-20 keeps the stored file of content put again, renewing its date (a collection then spares it)', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    const { key } = await store.put(Buffer.from('attestation'));
    const path = blobPathOf(root, key);
    const longAgo = new Date(Date.now() - 120 * MINUTE);
    await utimes(path, longAgo, longAgo);
    const before = await stat(path);
    await store.put(Buffer.from('attestation'));
    const after = await stat(path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtime.getTime()).toBeGreaterThan(longAgo.getTime() + 60 * MINUTE);
    expect(await incompleteOf(root)).toEqual([]);
  });

  it('R-20 removes what cut puts left in incomplete/ before the cutoff, and counts them', async () => {
    const root = newRoot();
    const store = createDirectoryBlobStore(root);
    await mkdir(join(root, 'incomplete'), { recursive: true });
    const now = Date.now();
    const left = async (name: string, minutesAgo: number) => {
      const path = join(root, 'incomplete', name);
      await writeFile(path, 'partial');
      const at = new Date(now - minutesAgo * MINUTE);
      await utimes(path, at, at);
    };
    await left('crashed-long-ago', 120);
    await left('crashed-an-hour-ago', 61);
    await left('started-at-the-cutoff', 60);
    await left('put-in-flight', 1);

    expect(await store.removeIncomplete(new Date(now - 60 * MINUTE))).toBe(2);
    expect((await incompleteOf(root)).sort()).toEqual(['put-in-flight', 'started-at-the-cutoff']);
    expect(await store.removeIncomplete(new Date(now - 60 * MINUTE))).toBe(0);
  });
});
