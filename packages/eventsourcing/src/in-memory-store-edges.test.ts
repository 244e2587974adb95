// The in-memory store's answers at its edges: an empty append, pages when no or a wrong batch size
// is given, and its storage asked of another store.
import { left, right } from 'fp-ts/Either';
import { EventDecodeError } from './errors';
import { createInMemoryEventStore, inMemoryStorageOf } from './in-memory-store';
import type { EventStore } from './store';
import { collect, counted } from './testing';

const sizes = (pages: readonly (readonly unknown[])[]): number[] => pages.map((page) => page.length);

describe('in-memory store edges', () => {
  it('answers an empty append with the stream as it is, appending nothing', async () => {
    const store = createInMemoryEventStore();
    expect(await store.appendToStream('s-1', [])).toEqual({
      nextExpectedVersion: -1,
      globalPosition: 0n,
      events: [],
    });
    await store.appendToStream('other', counted(2));
    await store.appendToStream('s-1', counted(3));
    expect(await store.appendToStream('s-1', [], { expectedVersion: 2 })).toEqual({
      nextExpectedVersion: 2,
      globalPosition: 5n,
      events: [],
    });
    expect(await collect(store.readAll())).toHaveLength(5);
  });

  it('reads pages of 500 events when no batch size is given, and refuses one that is not a positive integer', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(1001));
    for (const options of [undefined, {}, { batchSize: undefined }]) {
      expect(sizes(await collect(store.readStreamPages!('s-1', options)))).toEqual([500, 500, 1]);
      expect(sizes(await collect(store.readAllPages!(options)))).toEqual([500, 500, 1]);
    }
    for (const batchSize of [0, -1, 1.5]) {
      const message = `batchSize must be an integer of at least 1, got ${batchSize}`;
      expect(() => store.readStreamPages!('s-1', { batchSize })).toThrow(
        new RangeError(`readStream: ${message}`),
      );
      expect(() => store.readAllPages!({ batchSize })).toThrow(new RangeError(`readAll: ${message}`));
    }
    expect(sizes(await collect(store.readStreamPages!('s-1', { batchSize: 1000 })))).toEqual([1000, 1]);
  });

  it('has no storage to give for a store it did not create', () => {
    const other = { ...createInMemoryEventStore() } as EventStore;
    expect(() => inMemoryStorageOf(other)).toThrow(new Error('Not an in-memory event store'));
  });

  it('fails a read, paged or flat, on an event that does not decode, then ends it (nothing after)', async () => {
    const store = createInMemoryEventStore({
      decoder: (event) =>
        event.type === 'Bad' ? left([{ path: 'type', expected: 'a known event' }]) : right(event),
    });
    await store.appendToStream('s-1', [
      { type: 'Good', data: 1 },
      { type: 'Bad', data: 2 },
      { type: 'Good', data: 3 },
    ]);
    const pages = store.readStreamPages!('s-1', { batchSize: 2 })[Symbol.asyncIterator]();
    await expect(pages.next()).rejects.toBeInstanceOf(EventDecodeError);
    await expect(pages.next()).resolves.toEqual({ value: undefined, done: true });
    const events = store.readStream('s-1')[Symbol.asyncIterator]();
    expect((await events.next()).value).toMatchObject({ type: 'Good', data: 1 });
    await expect(events.next()).rejects.toBeInstanceOf(EventDecodeError);
    await expect(events.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
