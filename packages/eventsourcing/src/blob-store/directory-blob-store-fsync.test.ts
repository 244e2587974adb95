// a system that refuses fsync on a folder (Windows says EISDIR or EPERM) still stores the
// blob, as durably as it allows; any other failure of that fsync fails the put. The folder's
// fsync is the one place a test cannot reach through the disk, so `open` is wrapped here.
import { mkdtempSync, rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobPathOf, createDirectoryBlobStore } from './directory-blob-store';

let mockRefusal: string | undefined;
// jest hoists this above the imports: the store module gets the wrapped `open`.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    // A folder opened for reading (only syncDirectory does that) gets a sync that fails with `mockRefusal`.
    open: async (path: string, flags?: string, mode?: number) => {
      const handle = await actual.open(path, flags, mode);
      if (flags !== 'r' || mockRefusal === undefined) return handle;
      const code = mockRefusal;
      return Object.assign(Object.create(handle) as object, {
        sync: () => Promise.reject(Object.assign(new Error(`${code}: fsync refused`), { code })),
        close: () => handle.close(),
      });
    },
  };
});

const base = mkdtempSync(join(tmpdir(), 'cb-fsync-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let next = 0;

describe('directory blob store where fsync on a folder is refused', () => {
  it.each(['EISDIR', 'EPERM'])('stores the blob when the folder fsync fails with %s', async (code) => {
    mockRefusal = code;
    const root = join(base, String(next++));
    const { key } = await createDirectoryBlobStore(root).put(Buffer.from(`pièce ${code}`));
    expect((await fs.stat(blobPathOf(root, key))).size).toBe(Buffer.byteLength(`pièce ${code}`));
  });

  it('fails the put on any other fsync failure, with that error', async () => {
    mockRefusal = 'EIO';
    await expect(
      createDirectoryBlobStore(join(base, String(next++))).put(Buffer.from('x')),
    ).rejects.toMatchObject({
      code: 'EIO',
      message: 'EIO: fsync refused',
    });
  });

  afterEach(() => {
    mockRefusal = undefined;
  });
});
