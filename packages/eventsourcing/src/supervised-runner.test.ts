// What the supervisor promises: a runner that fails restarts from its checkpoint after a delay
// that grows (never at once, never in a loop), a lease store that cannot be reached is told and
// tried again, a lease is given up on a failure so another instance takes over during the delay,
// a lease lost while running is sought again, and stop() ends it all, even while it waits.
import type { GlobalPosition, RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import type { Runnable } from './projection-target';
import { superviseRunner } from './supervised-runner';
import { counted, sleep } from './testing';
import { createInProcessLeases, type HeldLease, type WorkerLeases } from './worker-lease';

/** A durable target (one checkpoint) whose next `failures` batches fail. */
function flakyTarget(failures: number): {
  runnable: Runnable;
  applied: number[];
  failedAt: number[];
} {
  let left = failures;
  let checkpoint: GlobalPosition | undefined;
  const applied: number[] = [];
  const failedAt: number[] = [];
  return {
    applied,
    failedAt,
    runnable: {
      name: 'flaky-list',
      target: {
        readCheckpoint: async () => (checkpoint === undefined ? undefined : { position: checkpoint }),
        async applyBatch(events: readonly RecordedEvent[], position: GlobalPosition) {
          if (left > 0) {
            left--;
            failedAt.push(Date.now());
            throw new Error('read model unavailable');
          }
          for (const event of events) applied.push((event.data as { n: number }).n);
          checkpoint = position;
        },
      },
    },
  };
}

/** Waits until `condition` holds (checked every 5 ms), failing after `ms`. */
async function eventually(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition never met');
    await sleep(5);
  }
}

describe('superviseRunner restarts', () => {
  it('restarts from its checkpoint after a failure, telling onError, and applies each event once', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(5));
    const { runnable, applied } = flakyTarget(1);
    const errors: [string, unknown][] = [];
    const runner = superviseRunner(store, runnable, {
      restartDelayMs: 10,
      onError: (name, error) => errors.push([name, error]),
    });
    await eventually(() => applied.length === 5);
    expect(applied).toEqual([0, 1, 2, 3, 4]);
    expect(errors).toEqual([['flaky-list', new Error('read model unavailable')]]);
    expect(runner.isActive()).toBe(true);
    await runner.stop();
  });

  it('waits longer before each restart: at least half the delay, then half of twice it', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(1));
    const { runnable, applied, failedAt } = flakyTarget(3);
    const runner = superviseRunner(store, runnable, { restartDelayMs: 200, onError: () => undefined });
    await eventually(() => applied.length === 1);
    await runner.stop();
    const gaps = failedAt.slice(1).map((at, i) => at - failedAt[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
  });

  it('waits half a second at least before the first restart by default', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(1));
    const { runnable, failedAt } = flakyTarget(Number.POSITIVE_INFINITY);
    const runner = superviseRunner(store, runnable, { onError: () => undefined });
    await eventually(() => failedAt.length === 1);
    await sleep(450);
    expect(failedAt).toHaveLength(1);
    await runner.stop();
  });

  it('stops at once during the delay, and whenIdle then resolves without waiting', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(1));
    const { runnable, failedAt } = flakyTarget(Number.POSITIVE_INFINITY);
    const runner = superviseRunner(store, runnable, { restartDelayMs: 60_000, onError: () => undefined });
    await eventually(() => failedAt.length === 1);
    const stopping = Date.now();
    await runner.stop();
    expect(Date.now() - stopping).toBeLessThan(5000);
    expect(runner.isActive()).toBe(false);
    await store.appendToStream('s', counted(1, 1), { expectedVersion: 0 });
    await expect(runner.whenIdle()).resolves.toBeUndefined();
  });
});

describe('superviseRunner with leases', () => {
  it('tells a lease store that cannot be reached, and tries again after the delay until it holds the lease', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(3));
    const inProcess = createInProcessLeases();
    let refusals = 2;
    const leases: WorkerLeases = {
      acquire: async (name, signal) => {
        if (refusals-- > 0) throw new Error('lease table unreachable');
        return inProcess.acquire(name, signal);
      },
    };
    const { runnable, applied } = flakyTarget(0);
    const errors: unknown[] = [];
    const runner = superviseRunner(store, runnable, {
      leases,
      restartDelayMs: 10,
      onError: (_name, error) => errors.push(error),
    });
    await eventually(() => applied.length === 3);
    expect(errors).toEqual([new Error('lease table unreachable'), new Error('lease table unreachable')]);
    expect(runner.isActive()).toBe(true);
    await runner.stop();
  });

  it('waits longer before each new try at an unreachable lease store', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(1));
    const inProcess = createInProcessLeases();
    const triedAt: number[] = [];
    const leases: WorkerLeases = {
      acquire: async (name, signal) => {
        triedAt.push(Date.now());
        if (triedAt.length <= 3) throw new Error('lease table unreachable');
        return inProcess.acquire(name, signal);
      },
    };
    const { runnable, applied } = flakyTarget(0);
    const runner = superviseRunner(store, runnable, {
      leases,
      restartDelayMs: 100,
      onError: () => undefined,
    });
    await eventually(() => applied.length === 1);
    await runner.stop();
    const gaps = triedAt.slice(1).map((at, i) => at - triedAt[i]);
    // Equal jitter: 50-100 ms, then 100-200, then 200-400.
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
  });

  it('gives the lease up on a failure, so that another instance takes over during the delay', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(3));
    const leases = createInProcessLeases();
    const { runnable, applied } = flakyTarget(1);
    const first = superviseRunner(store, runnable, {
      leases,
      restartDelayMs: 60_000,
      onError: () => undefined,
    });
    await sleep(20);
    const second = superviseRunner(store, runnable, { leases, restartDelayMs: 60_000 });
    await eventually(() => applied.length === 3);
    expect([first.isActive(), second.isActive()]).toEqual([false, true]);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('seeks the lease again when it is lost while running, and goes on applying under the new one', async () => {
    const store = createInMemoryEventStore();
    const inProcess = createInProcessLeases();
    const held: HeldLease[] = [];
    const leases: WorkerLeases = {
      acquire: async (name, signal) => {
        const lease = await inProcess.acquire(name, signal);
        if (lease) held.push(lease);
        return lease;
      },
    };
    const { runnable, applied } = flakyTarget(0);
    const runner = superviseRunner(store, runnable, { leases, restartDelayMs: 60_000 });
    await store.appendToStream('s', counted(2));
    await runner.whenIdle();
    await held[0].release(); // expired, or taken by an operator
    await eventually(() => held.length === 2);
    await store.appendToStream('s', counted(2, 2), { expectedVersion: 1 });
    await runner.whenIdle();
    expect(applied).toEqual([0, 1, 2, 3]);
    expect(held.map((lease) => lease.token)).toEqual([1n, 2n]);
    await runner.stop();
  });

  it('a passive instance waits for the holder to apply; stopped while waiting for the lease, it ends', async () => {
    const store = createInMemoryEventStore();
    const leases = createInProcessLeases();
    const { runnable, applied } = flakyTarget(0);
    const holder = superviseRunner(store, runnable, { leases });
    await sleep(10);
    const passive = superviseRunner(store, runnable, { leases });
    await store.appendToStream('s', counted(2));
    await passive.whenIdle();
    expect(applied).toEqual([0, 1]);
    expect([holder.isActive(), passive.isActive()]).toEqual([true, false]);
    await passive.stop();
    expect(passive.isActive()).toBe(false);
    await holder.stop();
  });
});
