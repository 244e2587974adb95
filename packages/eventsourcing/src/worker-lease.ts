import { AsyncLocalStorage } from 'node:async_hooks';
import type { GlobalPosition, RecordedEvent } from './events';
import type { Runnable } from './projection-target';

/** Thrown when a lease was lost (expired, taken over, released) while its holder still worked. */
export class LeaseLostError extends Error {
  constructor(
    readonly leaseName: string,
    detail: string,
  ) {
    super(`Lease ${leaseName} lost: ${detail}`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The right to run one projection or reactor, held by one instance at a time. `token` grows
 * with each acquisition (a fencing token): a store's target checks it inside the transaction
 * that writes the effect and the checkpoint, so that a paused old holder cannot write once
 * another instance took over.
 */
export interface HeldLease {
  readonly name: string;
  readonly token: bigint;
  /** Resolves when the lease is lost or released (never rejects). */
  readonly lost: Promise<void>;
  /** Whether this instance still believes it holds the lease (a local check, no round trip). */
  isHeld(): boolean;
  /**
   * Fencing: throws `LeaseLostError` unless the lease is still held with this token, checked
   * inside `transaction` (the store's own handle, e.g. a PostgreSQL client in a transaction) so
   * that a takeover waits for that transaction to end.
   */
  assertHeldIn(transaction: unknown): Promise<void>;
  /** Gives the lease up (another instance may take it at once). */
  release(): Promise<void>;
}

/** Where instances compete for leases (a PostgreSQL table, or one process's memory). */
export interface WorkerLeases {
  /** Resolves once this instance holds the lease `name`, or with undefined when `signal` aborts first. */
  acquire(name: string, signal: AbortSignal): Promise<HeldLease | undefined>;
}

const leaseContext = new AsyncLocalStorage<HeldLease>();

/** Waits `ms`, or less when `signal` aborts first (its listener removed either way). */
export function pauseUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The acquire loop of leases kept in a shared database: tries `take` every `retryEveryMs` until
 * it gives a lease or `signal` aborts. A lease taken just as the signal aborted is released.
 */
export async function pollForLease(
  signal: AbortSignal,
  retryEveryMs: number,
  take: () => Promise<HeldLease | undefined>,
): Promise<HeldLease | undefined> {
  while (!signal.aborted) {
    const lease = await take();
    if (lease !== undefined) {
      if (!signal.aborted) return lease;
      await lease.release();
      return undefined;
    }
    await pauseUnlessAborted(retryEveryMs, signal);
  }
  return undefined;
}

/**
 * The holder's own view of a lease kept in a shared database: held until `heldUntil` by the
 * local clock, then given up by itself (a paused process, a database out of reach), and given
 * up once only, whoever asks first (a lost renewal, the expiry, a release).
 */
export interface LocalLeaseState {
  /** Resolves once the lease is given up (never rejects): `HeldLease.lost`. */
  readonly lost: Promise<void>;
  /** Whether it is still held; gives it up first when its time ran out by the local clock. */
  isHeld(): boolean;
  /** A renewal went through: held at least until `until` (epoch ms; never shortened). */
  heldUntil(until: number): void;
  /** Gives it up: true the first time, false once already given up. */
  giveUp(): boolean;
}

/**
 * A holder's `LocalLeaseState`, held until `heldUntil`: the give-up logic of the leases kept in a database (PostgreSQL, EventStoreDB).
 * `onGiveUp` runs once, before `lost` resolves (stop the renewal timer, forget the lease).
 */
export function localLeaseState(options: {
  readonly heldUntil: number;
  readonly now: () => number;
  readonly onGiveUp: () => void;
}): LocalLeaseState {
  const { now, onGiveUp } = options;
  let validUntil = options.heldUntil;
  let active = true;
  let markLost!: () => void;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  const giveUp = (): boolean => {
    if (!active) return false;
    active = false;
    onGiveUp();
    markLost();
    return true;
  };
  return {
    lost,
    isHeld() {
      if (active && now() >= validUntil) giveUp();
      return active;
    },
    heldUntil(until) {
      validUntil = Math.max(validUntil, until);
    },
    giveUp,
  };
}

/** The lease under which the current batch is applied, if any (read by SQL targets to fence their writes). */
export function currentLease(): HeldLease | undefined {
  return leaseContext.getStore();
}

/** Checks the current lease (if any) inside a target's transaction: see `HeldLease.assertHeldIn`. */
export async function assertCurrentLeaseIn(transaction: unknown): Promise<void> {
  await currentLease()?.assertHeldIn(transaction);
}

/**
 * The runnable as its lease's holder runs it: every call to the target runs under the lease
 * (so that SQL targets fence their transactions with it), and none starts once it is lost.
 */
export function leasedRunnable(runnable: Runnable, lease: HeldLease): Runnable {
  const { target } = runnable;
  const underLease = <T>(work: () => Promise<T>): Promise<T> => {
    if (!lease.isHeld()) return Promise.reject(new LeaseLostError(lease.name, 'no longer held'));
    return leaseContext.run(lease, work);
  };
  return {
    ...runnable,
    target: {
      readCheckpoint: () => underLease(() => target.readCheckpoint()),
      applyBatch: (events: readonly RecordedEvent[], checkpoint: GlobalPosition) =>
        underLease(() => target.applyBatch(events, checkpoint)),
      ...(target.reset ? { reset: (version: number) => underLease(() => target.reset!(version)) } : {}),
    },
  };
}

/**
 * Leases among the runners of one process (the SQLite store's case: one process runs the read
 * side, its lists and reactors never run twice even if started twice). Fencing is the local flag.
 */
export function createInProcessLeases(): WorkerLeases {
  const holders = new Map<string, { release: () => void }>();
  const waiting = new Map<string, (() => void)[]>();
  let tokens = 0n;
  // Every waiter wakes and checks again: the first to run takes the lease.
  const wakeAll = (name: string): void => {
    const queue = waiting.get(name) ?? [];
    waiting.delete(name);
    for (const wake of queue) wake();
  };
  return {
    async acquire(name, signal) {
      while (holders.has(name)) {
        if (signal.aborted) return undefined;
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            signal.removeEventListener('abort', wake);
            resolve();
          };
          const queue = waiting.get(name) ?? [];
          waiting.set(name, queue);
          queue.push(wake);
          signal.addEventListener('abort', wake, { once: true });
        });
      }
      if (signal.aborted) return undefined;
      let held = true;
      let markLost!: () => void;
      const lost = new Promise<void>((resolve) => (markLost = resolve));
      const token = (tokens += 1n);
      const release = (): void => {
        if (!held) return;
        held = false;
        holders.delete(name);
        markLost();
        wakeAll(name);
      };
      holders.set(name, { release });
      return {
        name,
        token,
        lost,
        isHeld: () => held,
        async assertHeldIn() {
          if (!held) throw new LeaseLostError(name, 'released');
        },
        release: async () => release(),
      };
    },
  };
}
