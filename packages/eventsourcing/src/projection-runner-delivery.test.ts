// What the projection runner does with what a store delivers and when: events again at or below
// its checkpoint (at-least-once delivery), batches of nothing but no-change markers, a stop or a
// failure before it started, a subscription that ends on its own. Each case is a promise the
// runner's callers rely on (no event twice, no empty transaction, no whenIdle waiting for ever).
import type { GlobalPosition, RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import { NO_CHANGE_EVENT } from './no-change-marker';
import { runProjectionOnce, startProjection } from './projection-runner';
import type { Runnable, StoredCheckpoint } from './projection-target';
import type { EventStore, ReadAllOptions, SubscribeOptions } from './store';
import { counted } from './testing';

function recordingTarget(checkpoint?: StoredCheckpoint) {
  const applied: string[] = [];
  const runnable: Runnable = {
    name: 'seen',
    target: {
      readCheckpoint: () => Promise.resolve(checkpoint),
      applyBatch: (events: readonly RecordedEvent[], last: GlobalPosition) => {
        applied.push(`${events.map((event) => event.globalPosition).join(',')} up to ${String(last)}`);
        return Promise.resolve();
      },
    },
  };
  return { runnable, applied };
}

/** A store that delivers again the event at `after` (as a store with at-least-once delivery may). */
function redelivering(store: EventStore): EventStore {
  const earlier = <O extends ReadAllOptions | SubscribeOptions>(options: O = {} as O): O =>
    options.after !== undefined && options.after > 0n ? { ...options, after: options.after - 1n } : options;
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (options) => store.readAll(earlier(options)),
    subscribe: (options) => store.subscribe(earlier(options)),
    close: () => store.close(),
  };
}

/** A store whose subscription ends by itself once it has delivered what was stored at its start. */
function endingSubscriptions(store: EventStore): EventStore {
  return {
    ...redelivering(store),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => {
      const events = store.readAll({ after: options?.after, filter: options?.filter });
      return { close: () => Promise.resolve(), [Symbol.asyncIterator]: () => events[Symbol.asyncIterator]() };
    },
  };
}

describe('the projection runner and what the store delivers', () => {
  it('skips events delivered again at or below its checkpoint, catching up once', async () => {
    const inner = createInMemoryEventStore();
    await inner.appendToStream('s-1', counted(4));
    const { runnable, applied } = recordingTarget({ position: 2n as GlobalPosition, version: 1 });
    expect(await runProjectionOnce(redelivering(inner), runnable)).toEqual({
      eventsProcessed: 2,
      position: 4n,
    });
    expect(applied).toEqual(['3,4 up to 4']);
  });

  it('skips events delivered again at or below its checkpoint, following live', async () => {
    const inner = createInMemoryEventStore();
    await inner.appendToStream('s-1', counted(4));
    const { runnable, applied } = recordingTarget({ position: 2n as GlobalPosition, version: 1 });
    const running = startProjection(redelivering(inner), runnable);
    await running.whenIdle();
    await running.stop();
    expect(applied).toEqual(['3,4 up to 4']);
  });

  it('gives the target no batch made only of no-change markers', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', [NO_CHANGE_EVENT, NO_CHANGE_EVENT]);
    const { runnable, applied } = recordingTarget();
    expect(await runProjectionOnce(store, runnable)).toEqual({ eventsProcessed: 2, position: 2n });
    const running = startProjection(store, runnable);
    await running.whenIdle();
    await running.stop();
    expect(applied).toEqual([]);
  });

  it('counts the events it applied live in its progress', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(5));
    const { runnable } = recordingTarget();
    const progress: number[] = [];
    const running = startProjection(store, runnable, {
      batchSize: 3,
      onProgress: (p) => progress.push(p.eventsProcessed),
    });
    await running.whenIdle();
    await running.stop();
    expect(progress).toEqual([3, 5]);
  });

  it('tells a whenIdle caller it stopped before catching up when stopped before it started', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(2));
    let open: (checkpoint: undefined) => void = () => undefined;
    const { runnable, applied } = recordingTarget();
    const gated: Runnable = {
      ...runnable,
      target: { ...runnable.target, readCheckpoint: () => new Promise((resolve) => (open = resolve)) },
    };
    const running = startProjection(store, gated);
    const idle = running.whenIdle();
    const stopping = running.stop();
    open(undefined);
    await expect(idle).rejects.toThrow(new Error('Projection seen stopped before catching up'));
    await stopping;
    expect(applied).toEqual([]);
  });

  it('stops on a checkpoint it cannot read, telling done and whenIdle', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(1));
    const { runnable, applied } = recordingTarget();
    const broken: Runnable = {
      ...runnable,
      target: {
        ...runnable.target,
        readCheckpoint: () => Promise.reject(new Error('read model unreachable')),
      },
    };
    const running = startProjection(store, broken);
    await expect(running.done).rejects.toThrow('read model unreachable');
    await expect(running.whenIdle()).rejects.toThrow('read model unreachable');
    expect(applied).toEqual([]);
  });

  it('once its subscription ended by itself, a whenIdle for a later event says so instead of waiting for ever', async () => {
    const inner = createInMemoryEventStore();
    await inner.appendToStream('s-1', counted(2));
    const { runnable, applied } = recordingTarget();
    const running = startProjection(endingSubscriptions(inner), runnable);
    await running.done;
    expect(applied).toEqual(['1,2 up to 2']);
    await inner.appendToStream('s-1', counted(1, 2));
    await expect(running.whenIdle()).rejects.toThrow(new Error('Projection seen stopped before catching up'));
  });
});
