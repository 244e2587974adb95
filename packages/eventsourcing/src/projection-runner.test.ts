import type { RecordedEvent } from './events';
import type { InMemoryProjectionStorage } from './in-memory-projection-target';
import { createInMemoryProjectionTarget } from './in-memory-projection-target';
import { createInMemoryEventStore } from './in-memory-store';
import { defineProjection } from './projection';
import { runProjectionOnce, startProjection } from './projection-runner';
import type { ProjectionTarget } from './projection-target';
import { counted } from './testing';

// Records every event it is given, so that a duplicate shows.
const seenPositions = (version = 1) =>
  defineProjection<bigint[]>({
    name: 'seen',
    version,
    init: () => [],
    evolve: (state, event) => [...state, event.globalPosition],
    filter: { streamPrefix: 'acc-' },
  });

// A target that counts batches and their sizes around an in-memory one.
function observed(target: ProjectionTarget) {
  const batches: number[] = [];
  const wrapped: ProjectionTarget = {
    readCheckpoint: () => target.readCheckpoint(),
    reset: (version) => target.reset!(version),
    applyBatch: async (events, checkpoint) => {
      batches.push(events.length);
      await target.applyBatch(events, checkpoint);
    },
  };
  return { wrapped, batches };
}

describe('projection runner', () => {
  it('catches up once, in batches, skipping filtered events, and reports progress', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(7));
    await store.appendToStream('other-1', counted(3));
    await store.appendToStream('acc-2', counted(3));
    const definition = seenPositions();
    const target = createInMemoryProjectionTarget(definition);
    const { wrapped, batches } = observed(target);
    const progress: number[] = [];
    const result = await runProjectionOnce(
      store,
      { ...definition, target: wrapped },
      { batchSize: 4, onProgress: (p) => progress.push(p.eventsProcessed) },
    );
    expect(result).toEqual({ eventsProcessed: 10, position: 13n });
    expect(batches).toEqual([4, 4, 2]);
    expect(progress).toEqual([4, 8, 10]);
    expect(target.state()).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 11n, 12n, 13n]);
    // Nothing new: a second run applies nothing.
    expect(await runProjectionOnce(store, { ...definition, target })).toEqual({
      eventsProcessed: 0,
      position: 13n,
    });
  });

  it('catches up then follows live appends, each event once, in order', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(5));
    const definition = seenPositions();
    const target = createInMemoryProjectionTarget(definition);
    const running = startProjection(store, { ...definition, target }, { batchSize: 3 });
    await running.whenIdle();
    expect(target.state()).toEqual([1n, 2n, 3n, 4n, 5n]);
    await Promise.all([
      store.appendToStream('acc-2', counted(4)),
      store.appendToStream('acc-1', counted(2, 5)),
    ]);
    await running.whenIdle();
    expect(target.state()).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n]);
    expect(running.position()).toBe(11n);
    await running.stop();
    await expect(running.done).resolves.toBeUndefined();
  });

  it('resumes from its checkpoint after a restart, delivering nothing twice', async () => {
    const store = createInMemoryEventStore();
    const storage: InMemoryProjectionStorage = new Map();
    const definition = seenPositions();
    await store.appendToStream('acc-1', counted(4));
    const first = startProjection(store, {
      ...definition,
      target: createInMemoryProjectionTarget(definition, storage),
    });
    await first.whenIdle();
    await first.stop();
    await store.appendToStream('acc-1', counted(3, 4));
    const target = createInMemoryProjectionTarget(definition, storage);
    const { wrapped, batches } = observed(target);
    const second = startProjection(store, { ...definition, target: wrapped });
    await second.whenIdle();
    await second.stop();
    expect(target.state()).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('ignores events redelivered at or below the checkpoint (at-least-once delivery)', async () => {
    const definition = seenPositions();
    const target = createInMemoryProjectionTarget(definition);
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(3));
    await runProjectionOnce(store, { ...definition, target });
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    await target.applyBatch(events, 3n);
    expect(target.state()).toEqual([1n, 2n, 3n]);
  });

  it('rebuilds from the start when the projection version changes', async () => {
    const store = createInMemoryEventStore();
    const storage: InMemoryProjectionStorage = new Map();
    await store.appendToStream('acc-1', counted(3));
    const v1 = seenPositions(1);
    await runProjectionOnce(store, { ...v1, target: createInMemoryProjectionTarget(v1, storage) });
    const v2 = defineProjection<bigint[]>({
      ...seenPositions(2),
      evolve: (state, e) => [...state, e.globalPosition * 10n],
    });
    const target = createInMemoryProjectionTarget(v2, storage);
    expect(await runProjectionOnce(store, { ...v2, target })).toEqual({ eventsProcessed: 3, position: 3n });
    expect(target.state()).toEqual([10n, 20n, 30n]);
    expect(await target.readCheckpoint()).toEqual({ position: 3n, version: 2 });
    // Same version again: no rebuild.
    expect(await runProjectionOnce(store, { ...v2, target })).toEqual({ eventsProcessed: 0, position: 3n });
  });

  it('stops on a failing target, keeps the last checkpoint, and tells whenIdle and done', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(4));
    const definition = seenPositions();
    const target = createInMemoryProjectionTarget(definition);
    let calls = 0;
    const failing: ProjectionTarget = {
      ...target,
      applyBatch: async (events, checkpoint) => {
        if (++calls === 2) throw new Error('disk full');
        await target.applyBatch(events, checkpoint);
      },
    };
    const running = startProjection(store, { ...definition, target: failing }, { batchSize: 2 });
    await expect(running.done).rejects.toThrow('disk full');
    await expect(running.whenIdle()).rejects.toThrow('disk full');
    expect(await target.readCheckpoint()).toEqual({ position: 2n, version: 1 });
  });
});
