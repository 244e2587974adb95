import type { GlobalPosition, RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import type { Runnable } from './projection-target';
import { createInProcessLeases } from './worker-lease';
import { counted } from './testing';
import { superviseRunner } from './supervised-runner';

// One durable target shared by the runners (as one read model table is by instances).
function sharedTarget(): { runnable: Runnable; applied: string[] } {
  const state: { checkpoint?: GlobalPosition } = {};
  const applied: string[] = [];
  const runnable: Runnable = {
    name: 'counted-list',
    target: {
      readCheckpoint: async () =>
        state.checkpoint === undefined ? undefined : { position: state.checkpoint },
      async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
        for (const event of events) applied.push(event.eventId);
        state.checkpoint = checkpoint;
      },
    },
  };
  return { runnable, applied };
}

describe('supervised runners under in-process leases', () => {
  it('two runners of one worker: one applies, the other takes over from the checkpoint when it stops; each event applied once', async () => {
    const store = createInMemoryEventStore();
    const leases = createInProcessLeases();
    const { runnable, applied } = sharedTarget();
    const first = superviseRunner(store, runnable, { leases, batchSize: 3 });
    const second = superviseRunner(store, runnable, { leases, batchSize: 3 });
    await store.appendToStream('s-1', counted(7));
    await first.whenIdle();
    expect([first.isActive(), second.isActive()]).toEqual([true, false]);
    // The passive one waits for the stored checkpoint.
    await second.whenIdle();

    await first.stop();
    await store.appendToStream('s-1', counted(5, 7), { expectedVersion: 6 });
    await second.whenIdle();
    expect(second.isActive()).toBe(true);
    const ids: string[] = [];
    for await (const event of store.readAll()) ids.push(event.eventId);
    expect(applied).toEqual(ids);
    await second.stop();
  });

  it('without leases both runners apply (why the option exists)', async () => {
    const store = createInMemoryEventStore();
    const { runnable, applied } = sharedTarget();
    const first = superviseRunner(store, runnable, { batchSize: 100 });
    const second = superviseRunner(store, runnable, { batchSize: 100 });
    await store.appendToStream('s-1', counted(4));
    await Promise.all([first.whenIdle(), second.whenIdle()]);
    expect(applied.length).toBe(8);
    await Promise.all([first.stop(), second.stop()]);
  });
});
