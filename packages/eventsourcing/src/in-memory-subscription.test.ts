// The in-memory store's subscription at its edges: an append made while it says it caught up,
// a close in the middle of a catch-up, a consumer that leaves the loop.
import { createInMemoryEventStore, inMemoryStorageOf } from './in-memory-store';
import { counted } from './testing';

describe('in-memory subscription', () => {
  it('delivers an event appended from onCaughtUp itself (no wait for a wake-up that already came)', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(1));
    let caughtUp = 0;
    const subscription = store.subscribe({
      onCaughtUp: () => {
        // The append's events are in the store before appendToStream's promise settles.
        if (++caughtUp === 1) void store.appendToStream('s-1', counted(1, 1));
      },
    });
    const positions: bigint[] = [];
    for await (const event of subscription) {
      positions.push(event.globalPosition);
      if (positions.length === 2) break;
    }
    expect(positions).toEqual([1n, 2n]);
  });

  it('says nothing more once closed in the middle of a catch-up, not even that it caught up', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(3));
    let caughtUp = 0;
    const subscription = store.subscribe({ onCaughtUp: () => caughtUp++ });
    const positions: bigint[] = [];
    for await (const event of subscription) {
      positions.push(event.globalPosition);
      await subscription.close();
    }
    expect(positions).toEqual([1n]);
    expect(caughtUp).toBe(0);
  });

  it('lets go of the store when the consumer leaves the loop (no listener left behind)', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(2));
    const storage = inMemoryStorageOf(store);
    for await (const event of store.subscribe()) {
      expect(storage.listeners.size).toBe(1);
      if (event.globalPosition === 1n) break;
    }
    expect(storage.listeners.size).toBe(0);
  });
});
