// The in-memory store's answers at its edges: an empty append, pages when no or a wrong batch size
// is given, and its storage asked of another store.
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

  it('reads pages of 500 events when no batch size, or one that is not a positive integer, is given', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(1001));
    for (const batchSize of [undefined, 0, -1, 1.5]) {
      const options = batchSize === undefined ? undefined : { batchSize };
      expect(sizes(await collect(store.readStreamPages!('s-1', options)))).toEqual([500, 500, 1]);
      expect(sizes(await collect(store.readAllPages!(options)))).toEqual([500, 500, 1]);
    }
    expect(sizes(await collect(store.readStreamPages!('s-1', { batchSize: 1000 })))).toEqual([1000, 1]);
  });

  it('has no storage to give for a store it did not create', () => {
    const other = { ...createInMemoryEventStore() } as EventStore;
    expect(() => inMemoryStorageOf(other)).toThrow(new Error('Not an in-memory event store'));
  });
});
