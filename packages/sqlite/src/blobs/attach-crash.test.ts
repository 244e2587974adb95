import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import { createDirectoryBlobStore } from '@cartes-badges/eventsourcing';
import { collectUnattachedFiles, dossierStoreOptions, verifyDocuments } from '@cartes-badges/domain';
import { createSqliteEventStore } from '../sqlite-store';
import { bigInvoice } from './__tests__/big-invoice';
import { createSqliteBlobStore } from './sqlite-blob-store';
import { runKillableWorker } from '../../../../test/support/killable-worker';

jest.setTimeout(scaledTimeout(120_000));

const worker = path.join(__dirname, '__tests__', 'attach-worker.ts');
const invoiceKey = createHash('sha256').update(bigInvoice()).digest('hex');

type Kind = 'directory' | 'sqlite';

// Runs the attachment in another process; resolves with whether it was killed.
const attachInAnotherProcess = (dir: string, kind: Kind, killAt: string): Promise<'killed' | 'finished'> =>
  runKillableWorker(worker, [dir, kind, killAt]);

async function opened<T>(
  dir: string,
  kind: Kind,
  work: (store: EventStore, blobs: BlobStore) => Promise<T>,
): Promise<T> {
  const file = path.join(dir, 'events.db');
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  const blobs =
    kind === 'sqlite' ? createSqliteBlobStore({ path: file }) : createDirectoryBlobStore(`${file}.blobs`);
  try {
    return await work(store, blobs);
  } finally {
    await blobs.close();
    await store.close();
  }
}

async function attachedEvents(store: EventStore): Promise<number> {
  let count = 0;
  for await (const _ of store.readAll({ filter: { eventTypes: ['DocumentAttached'] } })) count += 1;
  return count;
}

async function keys(blobs: BlobStore): Promise<string[]> {
  const found: string[] = [];
  for await (const blob of blobs.list()) found.push(blob.key);
  return found;
}

const later = (): Date => new Date(Date.now() + 2 * 60 * 60 * 1000);

describe.each<Kind>(['directory', 'sqlite'])('attaching a file, killed on %s blobs', (kind) => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-attach-crash-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R-20 killed between the put and the append: a stored file and no event; gc removes it, a retry attaches it', async () => {
    expect(await attachInAnotherProcess(dir, kind, 'after-put')).toBe('killed');
    await opened(dir, kind, async (store, blobs) => {
      expect(await attachedEvents(store)).toBe(0);
      expect(await keys(blobs)).toEqual([invoiceKey]); // durable: the put had returned
      expect((await verifyDocuments(store, blobs)).ok).toBe(true); // no event points at nothing
      expect((await collectUnattachedFiles(store, blobs)).removed).toEqual([]); // too young yet
      expect((await collectUnattachedFiles(store, blobs, { now: later() })).removed).toEqual([invoiceKey]);
    });
    expect(await attachInAnotherProcess(dir, kind, 'never')).toBe('finished');
    await opened(dir, kind, async (store, blobs) => {
      expect(await attachedEvents(store)).toBe(1);
      expect(await verifyDocuments(store, blobs)).toEqual(
        expect.objectContaining({ ok: true, documentsChecked: 1 }),
      );
      expect((await collectUnattachedFiles(store, blobs, { now: later() })).removed).toEqual([]);
    });
  });

  it('R-20 killed half-way through the put: no file under its name, no event; gc clears the partial write, a retry attaches it', async () => {
    expect(await attachInAnotherProcess(dir, kind, 'during-put')).toBe('killed');
    await opened(dir, kind, async (store, blobs) => {
      expect(await attachedEvents(store)).toBe(0);
      expect(await keys(blobs)).toEqual([]);
      expect(await blobs.get(invoiceKey)).toBeUndefined();
      expect((await collectUnattachedFiles(store, blobs, { now: later() })).incompleteRemoved).toBe(1);
      expect((await collectUnattachedFiles(store, blobs, { now: later() })).incompleteRemoved).toBe(0);
    });
    expect(await attachInAnotherProcess(dir, kind, 'never')).toBe('finished');
    await opened(dir, kind, async (store, blobs) => {
      expect(await attachedEvents(store)).toBe(1);
      expect(Buffer.from((await blobs.get(invoiceKey))!).equals(Buffer.from(bigInvoice()))).toBe(true);
      expect((await verifyDocuments(store, blobs)).ok).toBe(true);
    });
  });
});
