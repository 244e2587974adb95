// The lag a dashboard alerts on: the matching events after a checkpoint, no-change markers aside
// (a runner only passes them), counted up to LAG_COUNT_LIMIT ("at least" beyond).
import { createInMemoryEventStore } from '../in-memory-store';
import { NO_CHANGE_EVENT } from '../no-change-marker';
import { collect, counted } from '../testing';
import { countEventsAfter, LAG_COUNT_LIMIT } from './projection-lag';

describe('countEventsAfter', () => {
  it('counts the matching events after a position, without the no-change markers', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('dossier-1', counted(3));
    await store.appendToStream('dossier-1', [NO_CHANGE_EVENT, NO_CHANGE_EVENT], { expectedVersion: 2 });
    await store.appendToStream('other-1', counted(4));
    const [first] = await collect(store.readAll({ maxCount: 1 }));

    expect(await countEventsAfter(store, undefined, undefined)).toBe(7);
    expect(await countEventsAfter(store, first.globalPosition, undefined)).toBe(6);
    expect(await countEventsAfter(store, first.globalPosition, { streamPrefix: 'dossier-' })).toBe(2);
  });

  it(`stops counting at ${LAG_COUNT_LIMIT} events`, async () => {
    expect(LAG_COUNT_LIMIT).toBe(10_000);
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(LAG_COUNT_LIMIT + 5));
    expect(await countEventsAfter(store, undefined, undefined)).toBe(LAG_COUNT_LIMIT);
  });
});
