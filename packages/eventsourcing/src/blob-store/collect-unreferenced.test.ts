// the bytes of a file whose event was never appended (a refused append, a crash) are
// collected; a referenced blob never is, nor one put within the grace period or put again while
// the collection runs.
import type { BlobListing, BlobStore } from './blob-store';
import { collectUnreferencedBlobs } from './collect-unreferenced';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

/** A blob store that lists `listed`, records the deletes asked, and refuses those in `putAgain`. */
function fakeBlobs(listed: BlobListing[], putAgain: string[] = [], incomplete = 0) {
  const deletes: [string, Date | undefined][] = [];
  const incompleteCutoffs: Date[] = [];
  const blobs = {
    async *list() {
      yield* listed;
    },
    delete(key: string, lastPutBefore?: Date) {
      deletes.push([key, lastPutBefore]);
      return Promise.resolve(!putAgain.includes(key));
    },
    removeIncomplete(startedBefore: Date) {
      incompleteCutoffs.push(startedBefore);
      return Promise.resolve(incomplete);
    },
  } as unknown as BlobStore;
  return { blobs, deletes, incompleteCutoffs };
}

const blob = (key: string, storedAt: Date): BlobListing => ({ key, size: 1, storedAt });

describe('collectUnreferencedBlobs', () => {
  it('R-20 removes the unreferenced blobs older than the grace period (one hour by default), and counts the rest', async () => {
    const { blobs, deletes, incompleteCutoffs } = fakeBlobs(
      [
        blob('referenced-old', minutesAgo(600)),
        blob('orphan-old', minutesAgo(61)),
        blob('orphan-at-cutoff', minutesAgo(60)),
        blob('orphan-young', minutesAgo(59)),
        blob('referenced-young', minutesAgo(1)),
      ],
      [],
      2,
    );
    const referenced = new Set(['referenced-old', 'referenced-young']);
    const result = await collectUnreferencedBlobs(blobs, () => Promise.resolve(referenced), { now: NOW });
    expect(result).toEqual({ removed: ['orphan-old'], referenced: 2, young: 2, incompleteRemoved: 2 });
    // Each delete and the cleanup of cut-short puts only take what was not put since the cutoff.
    expect(deletes).toEqual([['orphan-old', minutesAgo(60)]]);
    expect(incompleteCutoffs).toEqual([minutesAgo(60)]);
  });

  it('R-20 keeps a blob put again while the collection ran (the store refuses its delete)', async () => {
    const { blobs } = fakeBlobs([blob('a', minutesAgo(120)), blob('b', minutesAgo(120))], ['b']);
    const result = await collectUnreferencedBlobs(blobs, () => Promise.resolve(new Set<string>()), {
      now: NOW,
    });
    expect(result.removed).toEqual(['a']);
  });

  it('R-20 takes its grace period and its now from the options', async () => {
    const { blobs } = fakeBlobs([blob('a', minutesAgo(10)), blob('b', minutesAgo(4))]);
    const result = await collectUnreferencedBlobs(blobs, () => Promise.resolve(new Set<string>()), {
      now: NOW,
      graceMs: 5 * 60_000,
    });
    expect(result).toEqual({ removed: ['a'], referenced: 0, young: 1, incompleteRemoved: 0 });
  });

  it('R-20 reads the references after listing the blobs, so a blob listed before its event is appended is spared', async () => {
    const order: string[] = [];
    const listed = [blob('new', minutesAgo(120))];
    const blobs = {
      async *list() {
        order.push('list');
        yield* listed;
      },
      delete: () => Promise.resolve(true),
      removeIncomplete: () => Promise.resolve(0),
    } as unknown as BlobStore;
    const result = await collectUnreferencedBlobs(blobs, () => {
      order.push('references');
      return Promise.resolve(new Set(['new']));
    });
    expect(order).toEqual(['list', 'references']);
    expect(result.removed).toEqual([]);
  });

  it('R-20 without options, counts from the present time', async () => {
    const { blobs } = fakeBlobs([
      blob('recent', new Date(Date.now() - 59 * 60_000)),
      blob('old', new Date(Date.now() - 61 * 60_000)),
    ]);
    const result = await collectUnreferencedBlobs(blobs, () => Promise.resolve(new Set<string>()));
    expect(result).toEqual({ removed: ['old'], referenced: 0, young: 1, incompleteRemoved: 0 });
  });
});
