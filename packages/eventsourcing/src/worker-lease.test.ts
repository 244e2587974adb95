// One holder at a time for each projection or reactor: the in-process leases, the acquire loop
// of leases kept in a database, and the target calls fenced by their lease.
import type { GlobalPosition, RecordedEvent } from './events';
import type { Runnable } from './projection-target';
import { nextTurn } from './testing';
import {
  assertCurrentLeaseIn,
  createInProcessLeases,
  currentLease,
  type HeldLease,
  leasedRunnable,
  LeaseLostError,
  pauseUnlessAborted,
  pollForLease,
} from './worker-lease';

const running = () => new AbortController().signal;

/** A lease that records what it is asked, held until `drop` is called. */
function fakeLease(name = 'liste-brouillons') {
  let held = true;
  const calls: string[] = [];
  const lease: HeldLease = {
    name,
    token: 7n,
    lost: new Promise(() => undefined),
    isHeld: () => held,
    assertHeldIn: (transaction) => {
      calls.push(`assert ${String(transaction)}`);
      return Promise.resolve();
    },
    release: () => {
      calls.push('release');
      held = false;
      return Promise.resolve();
    },
  };
  return { lease, calls, drop: () => (held = false) };
}

describe('LeaseLostError', () => {
  it('names the lease and why', () => {
    const error = new LeaseLostError('liste-dossiers', 'taken over by token 9');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LeaseLostError');
    expect(error.leaseName).toBe('liste-dossiers');
    expect(error.message).toBe('Lease liste-dossiers lost: taken over by token 9');
  });
});

describe('in-process leases', () => {
  it('give a lease to one holder at a time, the next one once it is released, with a growing token', async () => {
    const leases = createInProcessLeases();
    const first = await leases.acquire('liste', running());
    expect(first).toMatchObject({ name: 'liste', token: 1n });
    expect(first!.isHeld()).toBe(true);

    let second: HeldLease | undefined;
    const waiting = leases.acquire('liste', running()).then((lease) => (second = lease));
    const other = await leases.acquire('autre', running()); // another name is free
    expect(other).toMatchObject({ name: 'autre', token: 2n });
    await nextTurn();
    expect(second).toBeUndefined();

    let lost = false;
    void first!.lost.then(() => (lost = true));
    await first!.release();
    await waiting;
    expect(lost).toBe(true);
    expect(first!.isHeld()).toBe(false);
    expect(second).toMatchObject({ name: 'liste', token: 3n });
    expect(second!.isHeld()).toBe(true);
  });

  it('fence with the local flag: assertHeldIn throws LeaseLostError once released, released twice harmlessly', async () => {
    const leases = createInProcessLeases();
    const lease = (await leases.acquire('liste', running()))!;
    await expect(lease.assertHeldIn('tx')).resolves.toBeUndefined();
    await lease.release();
    await lease.release();
    await expect(lease.assertHeldIn('tx')).rejects.toThrow(new LeaseLostError('liste', 'released'));
    await expect(lease.assertHeldIn('tx')).rejects.toBeInstanceOf(LeaseLostError);
    // A stale release frees nothing: the next holder keeps the lease, a newcomer still waits.
    const again = (await leases.acquire('liste', running()))!;
    await lease.release();
    const stop = new AbortController();
    let newcomer: HeldLease | undefined | 'waiting' = 'waiting';
    const waiting = leases.acquire('liste', stop.signal).then((got) => (newcomer = got));
    await nextTurn();
    expect(newcomer).toBe('waiting');
    expect(again.isHeld()).toBe(true);
    stop.abort();
    await waiting;
    expect(newcomer).toBeUndefined();
  });

  it('give undefined to a waiter whose signal aborts, or that comes already aborted', async () => {
    const leases = createInProcessLeases();
    const held = (await leases.acquire('liste', running()))!;
    const stop = new AbortController();
    const waiting = leases.acquire('liste', stop.signal);
    stop.abort();
    expect(await waiting).toBeUndefined();
    await held.release();
    expect(await leases.acquire('liste', stop.signal)).toBeUndefined();
    expect(await leases.acquire('liste', running())).toMatchObject({ token: 2n });
  });
});

describe('pollForLease', () => {
  it('tries again every retryEveryMs until it gets a lease', async () => {
    const { lease } = fakeLease();
    const tries: number[] = [];
    const started = Date.now();
    const got = await pollForLease(running(), 30, () => {
      tries.push(Date.now() - started);
      return Promise.resolve(tries.length === 3 ? lease : undefined);
    });
    expect(got).toBe(lease);
    expect(tries).toHaveLength(3);
    expect(tries[2]).toBeGreaterThanOrEqual(55); // two pauses of 30 ms (timers may fire 1 ms early)
  });

  it('stops waiting when the signal aborts, and never tries once aborted', async () => {
    const stop = new AbortController();
    let tries = 0;
    const polling = pollForLease(stop.signal, 60_000, () => {
      tries += 1;
      return Promise.resolve(undefined);
    });
    await nextTurn();
    stop.abort();
    expect(await polling).toBeUndefined();
    expect(tries).toBe(1);
    expect(await pollForLease(stop.signal, 10, () => Promise.reject(new Error('asked')))).toBeUndefined();
  });

  it('releases a lease taken just as the signal aborted, and gives undefined', async () => {
    const stop = new AbortController();
    const { lease, calls } = fakeLease();
    const got = await pollForLease(stop.signal, 10, () => {
      stop.abort();
      return Promise.resolve(lease);
    });
    expect(got).toBeUndefined();
    expect(calls).toEqual(['release']);
  });
});

describe('pauseUnlessAborted', () => {
  it('ends at once when the signal aborts', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const pause = pauseUnlessAborted(60_000, stop.signal);
    stop.abort();
    await pause;
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('leasedRunnable', () => {
  function recordingRunnable(withReset: boolean) {
    const seen: string[] = [];
    const leaseName = () => currentLease()?.name ?? 'none';
    const runnable: Runnable = {
      name: 'liste-brouillons',
      version: 2,
      target: {
        readCheckpoint: () => {
          seen.push(`read under ${leaseName()}`);
          return Promise.resolve({ position: 4n as GlobalPosition });
        },
        applyBatch: async (events: readonly RecordedEvent[], checkpoint: GlobalPosition) => {
          await assertCurrentLeaseIn('tx-1');
          seen.push(`apply ${events.length} to ${String(checkpoint)} under ${leaseName()}`);
        },
        ...(withReset
          ? {
              reset: (version: number) => {
                seen.push(`reset ${version} under ${leaseName()}`);
                return Promise.resolve();
              },
            }
          : {}),
      },
    };
    return { runnable, seen };
  }

  it('runs every target call under the lease, fenced inside the transaction, and keeps the rest', async () => {
    const { lease, calls } = fakeLease();
    const { runnable, seen } = recordingRunnable(true);
    const leased = leasedRunnable(runnable, lease);
    expect(leased.name).toBe('liste-brouillons');
    expect(leased.version).toBe(2);
    expect(await leased.target.readCheckpoint()).toEqual({ position: 4n });
    await leased.target.applyBatch([], 9n as GlobalPosition);
    await leased.target.reset!(3);
    expect(seen).toEqual([
      'read under liste-brouillons',
      'apply 0 to 9 under liste-brouillons',
      'reset 3 under liste-brouillons',
    ]);
    expect(calls).toEqual(['assert tx-1']);
    expect(currentLease()).toBeUndefined();
    await expect(assertCurrentLeaseIn('tx-2')).resolves.toBeUndefined();
  });

  it('gives no reset to a target without one', () => {
    const { lease } = fakeLease();
    expect(leasedRunnable(recordingRunnable(false).runnable, lease).target.reset).toBeUndefined();
  });

  it('starts no call once the lease is lost: LeaseLostError instead', async () => {
    const { lease, drop } = fakeLease();
    const { runnable, seen } = recordingRunnable(true);
    const leased = leasedRunnable(runnable, lease);
    drop();
    const lostError = new LeaseLostError('liste-brouillons', 'no longer held');
    await expect(leased.target.readCheckpoint()).rejects.toThrow(lostError);
    await expect(leased.target.applyBatch([], 1n as GlobalPosition)).rejects.toThrow(lostError);
    await expect(leased.target.reset!(1)).rejects.toBeInstanceOf(LeaseLostError);
    expect(seen).toEqual([]);
  });
});
