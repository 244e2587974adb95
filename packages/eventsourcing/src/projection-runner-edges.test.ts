// The projection runner's edges: a rebuild it cannot do, said word for word, and its batches of
// 100 when no size is given; a reactor without a name.
import type { GlobalPosition, RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import type { Runnable, StoredCheckpoint } from './projection-target';
import { runProjectionOnce, startProjection } from './projection-runner';
import { defineReactor } from './reactor';
import { counted } from './testing';

function recordingTarget(checkpoint: StoredCheckpoint | undefined, withReset: boolean) {
  const calls: string[] = [];
  const target: Runnable['target'] = {
    readCheckpoint: () => Promise.resolve(checkpoint),
    applyBatch: (events: readonly RecordedEvent[], last: GlobalPosition) => {
      calls.push(`apply ${events.length} up to ${String(last)}`);
      return Promise.resolve();
    },
    ...(withReset
      ? {
          reset: (version: number) => {
            calls.push(`reset ${version}`);
            return Promise.resolve();
          },
        }
      : {}),
  };
  return { target, calls };
}

describe('runProjectionOnce edges', () => {
  it('refuses to rebuild into a target that cannot be reset, naming the projection', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(2));
    const { target, calls } = recordingTarget({ position: 1n as GlobalPosition, version: 1 }, false);
    await expect(runProjectionOnce(store, { name: 'liste-dossiers', version: 2, target })).rejects.toThrow(
      new Error('Projection liste-dossiers: its target cannot be reset for a rebuild'),
    );
    expect(calls).toEqual([]);
  });

  it('resumes after the checkpoint of the same version, without a reset', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(3));
    const { target, calls } = recordingTarget({ position: 1n as GlobalPosition, version: 2 }, true);
    expect(await runProjectionOnce(store, { name: 'p', version: 2, target })).toEqual({
      eventsProcessed: 2,
      position: 3n,
    });
    expect(calls).toEqual(['apply 2 up to 3']);
  });

  it('applies batches of 100 events when no batch size is given', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(250));
    const { target, calls } = recordingTarget(undefined, false);
    const progress: number[] = [];
    await runProjectionOnce(
      store,
      { name: 'p', target },
      { onProgress: (p) => progress.push(p.eventsProcessed) },
    );
    expect(calls).toEqual(['apply 100 up to 100', 'apply 100 up to 200', 'apply 50 up to 250']);
    expect(progress).toEqual([100, 200, 250]);
  });

  it('applies one event per batch when asked for batches of 1', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', counted(2));
    const { target, calls } = recordingTarget(undefined, false);
    await runProjectionOnce(store, { name: 'p', target }, { batchSize: 1 });
    expect(calls).toEqual(['apply 1 up to 1', 'apply 1 up to 2']);
  });

  it('reports nothing processed over an empty store', async () => {
    const { target, calls } = recordingTarget(undefined, false);
    expect(await runProjectionOnce(createInMemoryEventStore(), { name: 'p', target })).toEqual({
      eventsProcessed: 0,
      position: undefined,
    });
    expect(calls).toEqual([]);
  });
});

describe('the runners refuse a batch size that is not a count', () => {
  // batchSize 0 applied one event per transaction live, NaN never closed a batch before the
  // runner caught up, and runProjectionOnce's error named readAll's option, not its own.
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10'])(
    'refuses batchSize %p, naming it, before anything is read or applied',
    async (batchSize) => {
      const store = createInMemoryEventStore();
      await store.appendToStream('s-1', counted(3));
      const { target, calls } = recordingTarget(undefined, true);
      const expected = new RangeError(
        `Projection p: batchSize must be an integer of at least 1, got ${typeof batchSize === 'string' ? `"${batchSize}"` : String(batchSize)}`,
      );
      await expect(
        runProjectionOnce(store, { name: 'p', target }, { batchSize: batchSize as number }),
      ).rejects.toThrow(expected);
      expect(() => startProjection(store, { name: 'p', target }, { batchSize: batchSize as number })).toThrow(
        expected,
      );
      expect(calls).toEqual([]);
    },
  );
});

describe('defineReactor', () => {
  it('refuses a reactor without a name', () => {
    expect(() => defineReactor({ name: '', react: () => Promise.resolve() })).toThrow(
      new Error('A reactor needs a name'),
    );
  });
});
