// An instance that does not hold a runner's lease waits for the one that does: until the stored
// checkpoint reaches the last event stored at the call (no-change markers and filtered-out
// events aside), polling, and giving up with a clear error once stopped.
import type { GlobalPosition } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import { NO_CHANGE_EVENT } from './no-change-marker';
import type { Runnable } from './projection-target';
import type { EventStore } from './store';
import { waitForCheckpoint } from './wait-for-checkpoint';

/** A runnable whose checkpoint reads `positions` one call after another (the last one stays). */
function runnableReading(positions: (GlobalPosition | undefined)[], filter?: Runnable['filter']) {
  let reads = 0;
  const runnable: Runnable = {
    name: 'dossiers-list',
    filter,
    target: {
      readCheckpoint: () => {
        const position = positions[Math.min(reads, positions.length - 1)];
        reads += 1;
        return Promise.resolve(position === undefined ? undefined : { position });
      },
      applyBatch: () => Promise.resolve(),
    },
  };
  return { runnable, reads: () => reads };
}

async function storeWith(...streams: string[]): Promise<{ store: EventStore; positions: GlobalPosition[] }> {
  const store = createInMemoryEventStore();
  const positions: GlobalPosition[] = [];
  for (const stream of streams) {
    const appended = await store.appendToStream(stream, [{ type: 'Happened', data: {} }]);
    positions.push(appended.globalPosition);
  }
  return { store, positions };
}

// Stops a wait that would never end (a broken comparison), so that it fails instead of hanging.
const running = () => AbortSignal.timeout(5000);

describe('waitForCheckpoint', () => {
  it('resolves once the checkpoint reaches the last event, polling until then', async () => {
    const { store, positions } = await storeWith('a-1', 'a-2', 'a-3');
    const { runnable, reads } = runnableReading([undefined, undefined, positions[1], positions[2]]);
    await waitForCheckpoint(store, runnable, running(), 1);
    expect(reads()).toBe(4);
  });

  it('resolves at once when nothing was stored after the checkpoint, even once stopped', async () => {
    const { store, positions } = await storeWith('a-1', 'a-2');
    const stopped = AbortSignal.abort();
    const { runnable, reads } = runnableReading([positions[1]]);
    await waitForCheckpoint(store, runnable, stopped, 1);
    expect(reads()).toBe(1);
    await waitForCheckpoint(createInMemoryEventStore(), runnableReading([undefined]).runnable, stopped, 1);
  });

  it('does not wait for a no-change marker or an event outside the runnable’s filter', async () => {
    const { store, positions } = await storeWith('a-1', 'a-2', 'b-1');
    await store.appendToStream('a-1', [NO_CHANGE_EVENT], { expectedVersion: 0 });
    const { runnable } = runnableReading([positions[1]], { streamPrefix: 'a-' });
    await waitForCheckpoint(store, runnable, AbortSignal.abort(), 1);
  });

  it('gives up, naming the runnable, when stopped before catching up', async () => {
    const { store, positions } = await storeWith('a-1', 'a-2');
    const { runnable } = runnableReading([positions[0]]);
    await expect(waitForCheckpoint(store, runnable, AbortSignal.abort(), 1)).rejects.toThrow(
      new Error('dossiers-list: stopped before catching up'),
    );
  });
});
