import { createInMemoryEventStore } from './in-memory-store';
import { DEFAULT_PAGE_SIZE, inPages, readAllInPages, readStreamInPages } from './paged-read';
import type { EventStore } from './store';
import { collect, counted } from './testing';

// The same store seen through the required methods only, as a store without pages is.
function withoutPages(store: EventStore): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribe: (...args) => store.subscribe(...args),
    close: () => store.close(),
  };
}

async function filled(): Promise<EventStore> {
  const store = createInMemoryEventStore();
  await store.appendToStream('a-1', counted(7));
  await store.appendToStream('b-1', counted(3, 100));
  await store.appendToStream('a-1', counted(2, 7));
  return store;
}

const sizes = (pages: readonly (readonly unknown[])[]): number[] => pages.map((page) => page.length);

describe('page-wise reads', () => {
  it('gives the events of readStream and readAll, in pages of at most batchSize, with or without store support', async () => {
    const store = await filled();
    for (const reader of [store, withoutPages(store)]) {
      const flatStream = await collect(store.readStream('a-1'));
      const streamPages = await collect(readStreamInPages(reader, 'a-1', { batchSize: 4 }));
      expect(sizes(streamPages)).toEqual([4, 4, 1]);
      expect(streamPages.flat()).toEqual(flatStream);

      const flatAll = await collect(store.readAll());
      const allPages = await collect(readAllInPages(reader, { batchSize: 5 }));
      expect(sizes(allPages)).toEqual([5, 5, 2]);
      expect(allPages.flat()).toEqual(flatAll);
    }
  });

  it('honours fromVersion, maxCount, direction, after and filters', async () => {
    const store = await filled();
    const versions = async (options: Parameters<typeof readStreamInPages>[2]) =>
      (await collect(readStreamInPages(store, 'a-1', options))).flat().map((e) => e.version);
    expect(await versions({ fromVersion: 3, maxCount: 4, batchSize: 3 })).toEqual([3, 4, 5, 6]);
    expect(await versions({ direction: 'backwards', maxCount: 5, batchSize: 2 })).toEqual([8, 7, 6, 5, 4]);
    expect(await versions({ direction: 'backwards', fromVersion: 1 })).toEqual([1, 0]);
    expect(await collect(readStreamInPages(store, 'missing'))).toEqual([]);

    const all = await collect(store.readAll());
    const after = all[5].globalPosition;
    const positions = (await collect(readAllInPages(store, { after, maxCount: 3, batchSize: 2 })))
      .flat()
      .map((e) => e.globalPosition);
    expect(positions).toEqual([all[6].globalPosition, all[7].globalPosition, all[8].globalPosition]);
    const filtered = await collect(readAllInPages(store, { filter: { streamPrefix: 'b-' }, batchSize: 2 }));
    expect(filtered.flat().map((e) => e.streamId)).toEqual(['b-1', 'b-1', 'b-1']);
  });

  it('hands out the stored (frozen) events themselves, not copies', async () => {
    const store = await filled();
    const [page] = await collect(readStreamInPages(store, 'b-1'));
    const [again] = await collect(readStreamInPages(store, 'b-1'));
    expect(page[0]).toBe(again[0]);
    expect(Object.isFrozen(page[0])).toBe(true);
    expect(Object.isFrozen(page[0].metadata)).toBe(true);
  });

  it('gathers any async iterable into pages, the last one shorter', async () => {
    async function* numbers() {
      for (let i = 0; i < 5; i++) yield i;
    }
    const pages = await collect(inPages(numbers() as AsyncIterable<never>, 2));
    expect(pages).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('gathers pages of 500 when the size is absent, zero, negative or not an integer, and none for no events', async () => {
    async function* numbers(count: number) {
      for (let i = 0; i < count; i++) yield i;
    }
    expect(DEFAULT_PAGE_SIZE).toBe(500);
    for (const size of [undefined, 0, -2, 2.5, Number.NaN]) {
      const pages = await collect(inPages(numbers(1001) as AsyncIterable<never>, size));
      expect(sizes(pages)).toEqual([500, 500, 1]);
    }
    expect(await collect(inPages(numbers(0) as AsyncIterable<never>, 2))).toEqual([]);
    expect(sizes(await collect(inPages(numbers(3) as AsyncIterable<never>, 1)))).toEqual([1, 1, 1]);
  });

  it('stops a flat read early without reading further (break in for await)', async () => {
    const store = await filled();
    const seen: number[] = [];
    for await (const event of store.readStream('a-1')) {
      seen.push(event.version);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([0, 1]);
  });
});
