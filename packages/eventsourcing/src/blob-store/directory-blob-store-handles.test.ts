// every file a put opens is closed when the put ends, and a put of content already stored
// renews that file's date or fails. Counting /proc/self/fd did not prove the first: a handle left
// open is closed by the garbage collector whenever it runs, which made the count pass with the
// close removed (Stryker's run). Here `open` keeps each handle it gives out (so none is
// collected) and the test reads its `fd`, which Node sets to -1 on close.
import { mkdtempSync, rmSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectoryBlobStore } from './directory-blob-store';

const opened: FileHandle[] = [];
let mockUtimesFailure: string | undefined;
// jest hoists this above the imports: the store module gets the wrapped functions.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      opened.push(handle);
      return handle;
    },
    utimes: async (...args: Parameters<typeof actual.utimes>) => {
      if (mockUtimesFailure === undefined) return actual.utimes(...args);
      throw Object.assign(new Error(`${mockUtimesFailure}: simulated`), { code: mockUtimesFailure });
    },
  };
});

const base = mkdtempSync(join(tmpdir(), 'cb-directory-handles-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let next = 0;
const newRoot = () => join(base, String(next++));

afterEach(() => {
  opened.length = 0;
  mockUtimesFailure = undefined;
});

describe('directory blob store: files opened by a put', () => {
  it('closes the temporary file and the folder it syncs, for new and already stored content', async () => {
    const store = createDirectoryBlobStore(newRoot());
    await store.put(Buffer.from('attestation'));
    await store.put(Buffer.from('attestation'));
    await store.put(Buffer.from('facture'));
    // A new blob opens its temporary file and its folder (for fsync); a known one its temporary file.
    expect(opened.length).toBe(5);
    expect(opened.map((handle) => handle.fd)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('closes the temporary file of a put whose stream fails', async () => {
    const store = createDirectoryBlobStore(newRoot());
    async function* failing() {
      yield Buffer.from('début');
      throw new Error('upload cut');
    }
    await expect(store.put(failing())).rejects.toThrow('upload cut');
    expect(opened.length).toBe(1);
    expect(opened[0].fd).toBe(-1);
  });
});

describe('directory blob store: content already stored', () => {
  it('fails the put when the stored file cannot be renewed, instead of writing over it', async () => {
    const store = createDirectoryBlobStore(newRoot());
    await store.put(Buffer.from('kbis'));
    mockUtimesFailure = 'EIO';
    await expect(store.put(Buffer.from('kbis'))).rejects.toMatchObject({ code: 'EIO' });
  });
});
