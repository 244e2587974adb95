// A digest records each stream's head; checked later, it names what no longer matches, word for
// word, allows what was appended since, and reports its progress as it reads.
import { digest, verifyAgainstDigest } from './digest';
import { createInMemoryEventStore } from './in-memory-store';
import type { EventStore } from './store';
import { counted } from './testing';

describe('digest progress', () => {
  it('reports every 1,000 events read, then the streams recorded', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a', counted(1500));
    await store.appendToStream('b', counted(600));
    const progress: unknown[] = [];
    const saved = await digest(store, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { eventsRead: 1000, streamsChecked: 0 },
      { eventsRead: 2000, streamsChecked: 0 },
      { eventsRead: 2100, streamsChecked: 2 },
    ]);
    expect(saved.lastPosition).toBe('2100');
    expect(Object.keys(saved.streams)).toEqual(['a', 'b']);
  });

  it('records nothing for an empty store, at position 0', async () => {
    const saved = await digest(createInMemoryEventStore(), { clock: () => new Date(0) });
    expect(saved).toEqual({ createdAt: '1970-01-01T00:00:00.000Z', lastPosition: '0', streams: {} });
  });

  it('checks a digest stream by stream, reporting every 1,000 events and each stream checked', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a', counted(1200));
    await store.appendToStream('b', counted(900));
    const saved = await digest(store);
    const progress: unknown[] = [];
    expect(await verifyAgainstDigest(store, saved, { onProgress: (p) => progress.push(p) })).toEqual({
      ok: true,
      streamsChecked: 2,
    });
    expect(progress).toEqual([
      { eventsRead: 1000, streamsChecked: 0 },
      { eventsRead: 1200, streamsChecked: 1 },
      { eventsRead: 2000, streamsChecked: 1 },
      { eventsRead: 2100, streamsChecked: 2 },
    ]);
  });
});

describe('verifyAgainstDigest details', () => {
  it('allows events appended since the digest', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a', counted(2));
    const saved = await digest(store);
    await store.appendToStream('a', counted(3, 2));
    expect(await verifyAgainstDigest(store, saved)).toEqual({ ok: true, streamsChecked: 1 });
  });

  it('names the version recorded and where the stream now ends, or the hashes that differ', async () => {
    const original = createInMemoryEventStore();
    await original.appendToStream('a', counted(3));
    await original.appendToStream('b', counted(2));
    const saved = await digest(original);
    const forged = createInMemoryEventStore();
    await forged.appendToStream('a', counted(3, 100));
    await forged.appendToStream('b', counted(1));
    const forgedHead = (await digest(forged)).streams.a.headHash;
    expect(await verifyAgainstDigest(forged, saved)).toEqual({
      ok: false,
      streamsChecked: 2,
      mismatches: [
        {
          streamId: 'a',
          version: 2,
          problem: 'head_mismatch',
          detail: `the hash at version 2 is ${forgedHead}, the digest recorded ${saved.streams.a.headHash}`,
        },
        {
          streamId: 'b',
          version: 1,
          problem: 'missing',
          detail: 'the stream ends at version 0, the digest recorded version 1',
        },
      ],
    });
  });

  it('calls a stream that is no longer there missing from version 0', async () => {
    const original = createInMemoryEventStore();
    await original.appendToStream('a', counted(3));
    const saved = await digest(original);
    expect(await verifyAgainstDigest(createInMemoryEventStore(), saved)).toEqual({
      ok: false,
      streamsChecked: 1,
      mismatches: [
        {
          streamId: 'a',
          version: 0,
          problem: 'missing',
          detail: 'the stream ends at version -1, the digest recorded version 2',
        },
      ],
    });
  });
});

describe('digest reads', () => {
  it('asks the store for pages of 1,000 events unless told otherwise', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a', counted(1));
    const asked: (number | undefined)[] = [];
    const spy: EventStore = {
      ...store,
      readAllPages: (options) => {
        asked.push(options?.batchSize);
        return store.readAllPages!(options);
      },
    };
    await digest(spy);
    await digest(spy, { batchSize: 7 });
    expect(asked).toEqual([1000, 7]);
  });
});
