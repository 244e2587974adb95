import type { HeldLease } from '@cartes-badges/eventsourcing';
import { LeaseLostError, localLeaseState } from '@cartes-badges/eventsourcing';
import type { ClientCalls } from '../client-port';
import { compareAndSet, leaseEvent } from './compare-and-set';
import { LEASE_RELEASED, LEASE_RENEWED, readLeaseState } from './lease-stream';

/** What a holder needs to keep a lease it took. */
export interface HoldingContext {
  readonly calls: ClientCalls;
  readonly holder: string;
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  readonly now: () => number;
  readonly reportRenewalFailure: (name: string, error: unknown) => void;
  /** Told after each renewal written (the stream's `$maxCount` is set until it succeeds once). */
  readonly written: (name: string, stream: string) => Promise<void>;
  /** Told when the lease ends (lost or released), to forget it. */
  readonly ended: (lease: HeldLease) => void;
}

/** A lease just taken: its stream, the revision of the `LeaseTaken` event, its token, when the take started. */
export interface Taken {
  readonly name: string;
  readonly stream: string;
  readonly revision: number;
  readonly token: bigint;
  readonly since: number;
}

/**
 * Holds a lease taken in its stream: renews it every `renewEveryMs` with a `LeaseRenewed`
 * appended after the last revision this holder wrote, so a renewal after a takeover fails and
 * the holder learns it lost the lease. It also gives up by itself once its last successful
 * renewal is older than `ttlMs` by its own clock (a paused process, a server out of reach),
 * before any other instance may judge it expired (see the clock skew margin).
 */
export function holdLease(ctx: HoldingContext, taken: Taken): HeldLease {
  const { calls, holder, ttlMs, now } = ctx;
  const { name, stream, token } = taken;
  let revision = taken.revision;
  let renewing: Promise<void> | undefined;
  const local = localLeaseState({
    heldUntil: taken.since + ttlMs,
    now,
    onGiveUp: () => {
      clearInterval(timer);
      ctx.ended(lease);
    },
  });

  const renew = async (): Promise<void> => {
    const started = now();
    const event = leaseEvent(LEASE_RENEWED, {
      holder,
      token: token.toString(),
      expiresAt: new Date(started + ttlMs).toISOString(),
    });
    try {
      const outcome = await compareAndSet(calls, stream, event, BigInt(revision));
      if (outcome.kind === 'written') {
        revision = outcome.revision;
        local.heldUntil(started + ttlMs);
        await ctx.written(name, stream);
      } else if (outcome.kind === 'failed') {
        ctx.reportRenewalFailure(name, outcome.error);
      } else {
        // Moved on: a takeover, or an earlier renewal of ours whose answer was lost and that
        // landed later. The token tells which (each take has its own).
        const last = await readLeaseState(calls, stream);
        if (last && !last.released && last.token === token) {
          revision = last.revision;
          // Our own event: its expiry was computed by this clock.
          local.heldUntil(last.expiresAt);
        } else local.giveUp();
      }
    } catch (error) {
      ctx.reportRenewalFailure(name, error);
    }
    // Gives it up once its last renewal is older than ttlMs.
    local.isHeld();
  };

  const timer = setInterval(() => {
    // Checked on each tick, so that a renewal that never answers cannot keep the lease past its time.
    if (!local.isHeld() || renewing) return;
    renewing = renew().finally(() => (renewing = undefined));
  }, ctx.renewEveryMs);
  timer.unref();

  const lease: HeldLease = {
    name,
    token,
    lost: local.lost,
    isHeld: () => local.isHeld(),
    /**
     * EventStoreDB has no transaction a write elsewhere could check the lease in, so the
     * argument (a SQL target's client) is not used: the lease stream is read just before the
     * target writes. That narrows the window of a paused old holder to the time between this
     * read and its write's commit (docs/operations.md); it does not close it.
     */
    async assertHeldIn() {
      if (!lease.isHeld()) throw new LeaseLostError(name, 'expired before renewal');
      const last = await readLeaseState(calls, stream);
      if (!last || last.released || last.token !== token) {
        local.giveUp();
        throw new LeaseLostError(name, `token ${token} taken over by another instance`);
      }
    },
    async release() {
      if (!local.giveUp()) return;
      // A renewal under way would take the revision this release appends after.
      await renewing;
      const event = leaseEvent(LEASE_RELEASED, {
        holder,
        token: token.toString(),
        expiresAt: new Date(now()).toISOString(),
      });
      // 'moved': already taken over, nothing left to hand over. An append that never answers
      // must not hold a shutdown up: after the lease time the lease has expired anyway.
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<undefined>(
        (resolve) => (timer = setTimeout(() => resolve(undefined), ttlMs)),
      );
      const outcome = await Promise.race([compareAndSet(calls, stream, event, BigInt(revision)), expired]);
      clearTimeout(timer);
      if (outcome?.kind === 'failed') throw outcome.error;
    },
  };
  return lease;
}
