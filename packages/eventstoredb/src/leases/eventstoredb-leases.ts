import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { HeldLease, Logger, WorkerLeases } from '@cartes-badges/eventsourcing';
import { failureReporter, leaseTimings, pollForLease } from '@cartes-badges/eventsourcing';
import { eventStoreDbCalls } from '../client-calls';
import type { ClientCalls } from '../client-port';
import { compareAndSet, leaseEvent } from './compare-and-set';
import type { Taken } from './held-lease';
import { holdLease } from './held-lease';
import { LEASE_STREAM_PREFIX, LEASE_TAKEN, readLeaseState } from './lease-stream';

/** Options of `createEventStoreDBLeases`. */
export interface EventStoreDBLeasesOptions {
  /** The store's namespace (`EventStoreDBStoreOptions.namespace`): lease streams are named inside it. */
  readonly namespace?: string;
  /** How long a lease lasts without renewal (default 15 s): the longest a dead holder's work waits. */
  readonly ttlMs?: number;
  /** How often the holder renews (default a third of `ttlMs`). */
  readonly renewEveryMs?: number;
  /** How often a waiting instance tries to take a lease (default a third of `ttlMs`, at most 1 s). */
  readonly retryEveryMs?: number;
  /**
   * How far apart the instances' clocks may be (default 1 s, at most `ttlMs`): an instance takes
   * an unrenewed lease only this long after its expiry by the holder's clock.
   */
  readonly clockSkewMarginMs?: number;
  /** This instance's name in the lease events (default host:pid:random), for operators. */
  readonly holder?: string;
  /** The wall clock, in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Told when a take or renewal meets a transient failure (the lease is kept until its local expiry). */
  readonly onError?: (name: string, error: unknown) => void;
  /** Told such a failure as `logger.warn({ err, lease }, msg)` (pino's signature) when no `onError` is given; default stderr. */
  readonly logger?: Logger;
}

/** Leases in EventStoreDB lease streams, shared by every instance on the database. */
export interface EventStoreDBLeases extends WorkerLeases {
  readonly holder: string;
  /** The stream of a lease (`<namespace>_lease-<name>`). */
  streamNameOf(name: string): string;
  /** Releases every lease this instance holds (on shutdown: another instance takes over at once). */
  close(): Promise<void>;
}

/**
 * Leases as streams, one per worker (`_lease-<name>`, `$maxCount` 1). Taking a lease appends a
 * `LeaseTaken { holder, token, expiresAt }` after the revision of the last event read, and only
 * when that one expired or was a `LeaseReleased`: the expected-revision check makes it a
 * compare-and-set, so of several contenders one wins and the others see "not held". The token
 * is the `LeaseTaken`'s revision plus one, so it grows with each take. Renewals are appended
 * the same way (a renewal after a takeover fails: the old holder learns it lost the lease),
 * and releasing appends a `LeaseReleased`, which the next contender takes at once.
 *
 * Expiry is judged by the reader's clock: EventStoreDB checks revisions, not time, so the
 * decision "expired" is made by the instance about to take, against the `expiresAt` the holder
 * wrote by its own clock. A reader whose clock runs ahead of the holder's by δ would see the
 * lease expire δ early, while the holder still works; so a reader takes it only
 * `clockSkewMarginMs` after `expiresAt`, and the holder gives up at `expiresAt` by its own
 * clock. As long as the clocks differ by less than the margin, the two never overlap.
 */
export function createEventStoreDBLeases(
  client: EventStoreDBClient | ClientCalls,
  options: EventStoreDBLeasesOptions = {},
): EventStoreDBLeases {
  if (typeof client !== 'object' || client === null)
    throw new TypeError(
      `createEventStoreDBLeases: expected an EventStoreDB client, got ${client === null ? 'null' : typeof client}`,
    );
  const calls = 'isTransient' in client ? client : eventStoreDbCalls(client);
  const { ttlMs, renewEveryMs, retryEveryMs } = leaseTimings('createEventStoreDBLeases', options);
  const marginMs = options.clockSkewMarginMs ?? Math.min(1000, ttlMs);
  if (!(marginMs >= 0 && marginMs <= ttlMs))
    throw new Error(
      `createEventStoreDBLeases: clockSkewMarginMs must be between 0 and ttlMs (${ttlMs}), got ${marginMs}`,
    );
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const now = options.now ?? Date.now;
  const namespace = options.namespace ?? '';
  const report = failureReporter(options, 'lease', 'EventStoreDB lease take or renewal failed');
  const streamNameOf = (name: string): string => `${namespace}${LEASE_STREAM_PREFIX}${name}`;
  const held = new Set<HeldLease>();
  const limited = new Set<string>();

  // Only the last event of a lease stream counts: the database may drop the others. Set after
  // each successful write until it succeeds once; a failure is told, the lease kept.
  const limit = async (name: string, stream: string): Promise<void> => {
    if (limited.has(stream)) return;
    try {
      await calls.setMaxCount(stream, 1);
      limited.add(stream);
    } catch (error) {
      report(name, error);
    }
  };

  const tryTake = async (name: string): Promise<Taken | undefined> => {
    const stream = streamNameOf(name);
    const last = await readLeaseState(calls, stream);
    const since = now();
    if (last && !last.released && since < last.expiresAt + marginMs) return undefined;
    const revision = last ? last.revision + 1 : 0;
    const token = BigInt(revision) + 1n;
    const event = leaseEvent(LEASE_TAKEN, {
      holder,
      token: token.toString(),
      expiresAt: new Date(since + ttlMs).toISOString(),
    });
    const outcome = await compareAndSet(calls, stream, event, last ? BigInt(last.revision) : 'no_stream');
    if (outcome.kind === 'moved') return undefined; // a lost race: not held, not an error
    if (outcome.kind === 'failed') {
      report(name, outcome.error);
      return undefined;
    }
    await limit(name, stream);
    return { name, stream, revision: outcome.revision, token, since };
  };

  const ctx = {
    calls,
    holder,
    ttlMs,
    renewEveryMs,
    now,
    reportRenewalFailure: report,
    written: limit,
    ended: (lease: HeldLease) => void held.delete(lease),
  };

  return {
    holder,
    streamNameOf,
    acquire: (name, signal) =>
      pollForLease(signal, retryEveryMs, async () => {
        const taken = await tryTake(name);
        if (taken === undefined) return undefined;
        const lease = holdLease(ctx, taken);
        held.add(lease);
        return lease;
      }),
    async close() {
      await Promise.all([...held].map((lease) => lease.release().catch(() => undefined)));
    },
  };
}
