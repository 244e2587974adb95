// The in-memory store's paged reads, piece by piece: through the store, a page size or a limit
// always agrees with another bound (the store gives the cursor its maxCount when nothing is
// transformed), so an off-by-one in one of them was hidden by the other. Here each bound is
// alone: a cursor's limit, an iterator's maxCount, a transform that drops events, a consumer
// that stops, a stream with a version missing.
import type { RecordedEvent } from './events';
import {
  EventIterator,
  firstIndexAfter,
  firstIndexAtVersion,
  PageCursor,
  PageIterator,
  type EventTransform,
  type ReadableStorage,
} from './in-memory-reads';

const eventAt = (version: number, globalPosition = BigInt(version + 1)): RecordedEvent =>
  ({
    streamId: 's',
    version,
    globalPosition,
    type: 'Counted',
    data: { n: version },
  }) as unknown as RecordedEvent;

/** A stream 's' with these versions, in global order too. */
function storageOf(versions: readonly number[]): ReadableStorage {
  const events = versions.map((version) => eventAt(version));
  return { streams: new Map([['s', events]]), all: events };
}

const versionsOf = (page: readonly RecordedEvent[] | undefined) => page?.map((event) => event.version);
const FIVE = storageOf([0, 1, 2, 3, 4]);
const streamCursor = (
  storage: ReadableStorage,
  fromVersion: number | undefined,
  backwards: boolean,
  limit: number,
) => new PageCursor(storage, 's', fromVersion, backwards, undefined, limit);
const allCursor = (storage: ReadableStorage, limit = Infinity, after?: bigint) =>
  new PageCursor(storage, undefined, undefined, false, after, limit);

async function drain<T>(iterator: AsyncIterator<T>): Promise<T[]> {
  const values: T[] = [];
  for (let result = await iterator.next(); !result.done; result = await iterator.next())
    values.push(result.value);
  return values;
}

describe('PageCursor', () => {
  it('forwards: pages of the size asked, cut by the limit, then nothing (never an empty page)', () => {
    const cursor = streamCursor(FIVE, 1, false, 3);
    expect(versionsOf(cursor.next(2))).toEqual([1, 2]);
    expect(versionsOf(cursor.next(2))).toEqual([3]);
    expect(cursor.next(2)).toBeUndefined();
  });

  it('after a position, to the end of what was stored at the first page (not what came since)', () => {
    const all = [...FIVE.all];
    const cursor = allCursor({ streams: new Map(), all }, Infinity, 2n);
    expect(versionsOf(cursor.next(2))).toEqual([2, 3]);
    all.push(eventAt(5));
    expect(versionsOf(cursor.next(10))).toEqual([4]);
    expect(cursor.next(10)).toBeUndefined();
  });

  it('backwards from a version: that version first, pages cut by the limit, then nothing', () => {
    const cursor = streamCursor(FIVE, 3, true, 3);
    expect(versionsOf(cursor.next(2))).toEqual([3, 2]);
    expect(versionsOf(cursor.next(2))).toEqual([1]);
    expect(cursor.next(2)).toBeUndefined();
  });

  it('backwards down to version 0, in pages of the size asked', () => {
    const cursor = streamCursor(FIVE, undefined, true, Infinity);
    expect(versionsOf(cursor.next(2))).toEqual([4, 3]);
    expect(versionsOf(cursor.next(2))).toEqual([2, 1]);
    expect(versionsOf(cursor.next(2))).toEqual([0]);
    expect(cursor.next(2)).toBeUndefined();
  });

  it('a limit of 0 reads nothing', () => {
    expect(streamCursor(FIVE, undefined, false, 0).next(5)).toBeUndefined();
  });
});

describe('firstIndexAtVersion and firstIndexAfter', () => {
  const GAP = storageOf([0, 1, 3, 4]).all; // version 2 removed behind the store's back

  it('forwards: the first event at or after the version', () => {
    expect(firstIndexAtVersion(GAP, 2, false)).toBe(2);
    expect(firstIndexAtVersion(GAP, 9, false)).toBe(4);
    expect(firstIndexAtVersion(GAP, undefined, false)).toBe(0);
  });

  it('backwards: the last event at or below the version, also past the end and in a gap', () => {
    expect(firstIndexAtVersion(GAP, 3, true)).toBe(2);
    expect(firstIndexAtVersion(GAP, 2, true)).toBe(1);
    expect(firstIndexAtVersion(GAP, 9, true)).toBe(3);
    expect(firstIndexAtVersion(GAP, 0, true)).toBe(0);
    expect(firstIndexAtVersion(GAP, undefined, true)).toBe(3);
    expect(firstIndexAtVersion([], 0, true)).toBe(-1);
  });

  it('after a position: the first event strictly after it', () => {
    const all = FIVE.all;
    expect(firstIndexAfter(all, 0n)).toBe(0);
    expect(firstIndexAfter(all, 2n)).toBe(2);
    expect(firstIndexAfter(all, 5n)).toBe(5);
    expect(firstIndexAfter(all, undefined)).toBe(0);
  });
});

const keepEven: EventTransform = (event) => (event.version % 2 === 0 ? event : undefined);

describe('EventIterator', () => {
  it('stops at maxCount events, whatever the cursor still holds', async () => {
    const events = await drain(new EventIterator(allCursor(FIVE), undefined, 2, 10));
    expect(versionsOf(events)).toEqual([0, 1]);
  });

  it('counts only the events a transform keeps', async () => {
    const events = await drain(new EventIterator(allCursor(FIVE), keepEven, 2, 1));
    expect(versionsOf(events)).toEqual([0, 2]);
  });
});

describe('PageIterator', () => {
  const pagesOf = async (iterator: PageIterator) => (await drain(iterator)).map(versionsOf);

  it('without a transform: stored pages cut at maxCount, on the first page or a later one, never an empty page', async () => {
    expect(await pagesOf(new PageIterator(allCursor(FIVE), undefined, 2, 10))).toEqual([[0, 1]]);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), undefined, 3, 2))).toEqual([[0, 1], [2]]);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), undefined, 4, 2))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), undefined, Infinity, 2))).toEqual([
      [0, 1],
      [2, 3],
      [4],
    ]);
  });

  it('with a transform: the events it keeps, cut at maxCount, a page it empties skipped', async () => {
    const identity: EventTransform = (event) => event;
    expect(await pagesOf(new PageIterator(allCursor(FIVE), identity, 3, 5))).toEqual([[0, 1, 2]]);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), identity, 3, 2))).toEqual([[0, 1], [2]]);
    const dropsFirstTwo: EventTransform = (event) => (event.version < 2 ? undefined : event);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), dropsFirstTwo, Infinity, 2))).toEqual([
      [2, 3],
      [4],
    ]);
    expect(await pagesOf(new PageIterator(allCursor(FIVE), keepEven, 2, 1))).toEqual([[0], [2]]);
  });
});

describe.each([
  {
    kind: 'EventIterator',
    over: (transform?: EventTransform) => new EventIterator(allCursor(FIVE), transform, Infinity, 2),
    firstVersions: [0],
    results: 5,
  },
  {
    kind: 'PageIterator',
    over: (transform?: EventTransform) => new PageIterator(allCursor(FIVE), transform, Infinity, 2),
    firstVersions: [0, 1],
    results: 3,
  },
])('$kind', ({ over, firstVersions, results }) => {
  it('gives nothing more once the consumer stopped (return), nor after its end', async () => {
    const stopped = over();
    expect(versionsOf([(await stopped.next()).value].flat())).toEqual(firstVersions);
    expect(await stopped.return()).toEqual({ value: undefined, done: true });
    expect(await stopped.next()).toEqual({ value: undefined, done: true });

    const ended = over();
    expect(await drain<unknown>(ended)).toHaveLength(results);
    expect(await ended.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects once with what the transform threw, then is done', async () => {
    const failure = new Error('cannot decode');
    const failing = over(() => {
      throw failure;
    });
    await expect(failing.next()).rejects.toBe(failure);
    expect(await failing.next()).toEqual({ value: undefined, done: true });
  });
});
