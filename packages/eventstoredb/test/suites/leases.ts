import { LeaseLostError } from '@cartes-badges/eventsourcing';
import type { HeldLease } from '@cartes-badges/eventsourcing';
import { collect, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { ClientCalls } from '../../src';
import { contenders, lastLeaseEvent, leaseEvents, pause } from '../lease-contenders';
import { disposedAfterEachTest, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import { onStandInOnly } from '../store-under-test';
import type { ClientKind } from '../test-clients';

const never = new AbortController().signal;

/** Calls whose first read of a lease stream waits until `count` contenders have read it: they all race on the same revision. */
function readTogether(count: number): (calls: ClientCalls) => ClientCalls {
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  return (calls) => {
    let first = true;
    return {
      ...calls,
      async readStream(stream, options) {
        const page = await calls.readStream(stream, options);
        if (first) {
          first = false;
          if (++arrived === count) release();
          await allRead;
        }
        return page;
      },
    };
  };
}

/** Acquires, giving up after `ms`: the lease, or undefined. */
async function acquireWithin(
  leases: { acquire(name: string, signal: AbortSignal): Promise<HeldLease | undefined> },
  name: string,
  ms: number,
): Promise<HeldLease | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    return await leases.acquire(name, abort.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Leases in EventStoreDB lease streams, on one client, per target (the stand-in on both append paths by default). */
export function describeLeases(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  describe.each(targets.map((target) => [target.label, target] as const))(
    `EventStoreDB leases (${client}, %s)`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });
      let started: StoreUnderTest;
      let instances: ReturnType<typeof contenders>;
      beforeEach(async () => {
        started = track(await startOnTarget());
        instances = contenders(started, client);
      });
      afterEach(() => instances.dispose());

      it('of three contenders racing on the same revision exactly one holds the lease; the lost races are "not held", not errors', async () => {
        const together = readTogether(3);
        const three = ['a', 'b', 'c'].map((holder) =>
          instances.add(holder, { ttlMs: 60_000, retryEveryMs: 50 }, together),
        );
        const results = await Promise.all(
          three.map(({ leases }) => acquireWithin(leases, 'race', scaledTimeout(1500))),
        );
        const holders = results.filter((lease) => lease !== undefined);
        expect(holders).toHaveLength(1);
        expect(three.flatMap(({ reported }) => reported)).toEqual([]);
        const winner = three[results.findIndex((lease) => lease !== undefined)];
        const last = await lastLeaseEvent(started, winner.leases.streamNameOf('race'));
        expect(last.type).toBe('LeaseTaken');
        expect(last.data).toMatchObject({
          holder: winner.leases.holder,
          token: holders[0]!.token.toString(),
        });
      });

      it("the holder's renewals keep the lease over several lease times; lease events are no events of the store", async () => {
        const holder = instances.add('holder', { ttlMs: 600, renewEveryMs: 150, clockSkewMarginMs: 100 });
        const waiter = instances.add('waiter', { ttlMs: 600, retryEveryMs: 50, clockSkewMarginMs: 100 });
        const lease = (await holder.leases.acquire('renewed', never))!;
        expect(await acquireWithin(waiter.leases, 'renewed', 2500)).toBeUndefined();
        expect(lease.isHeld()).toBe(true);
        await expect(lease.assertHeldIn(undefined)).resolves.toBeUndefined();
        const last = await lastLeaseEvent(started, holder.leases.streamNameOf('renewed'));
        expect(last.type).toBe('LeaseRenewed');
        expect(last.data).toMatchObject({ holder: 'holder', token: lease.token.toString() });
        // $maxCount 1: only the newest is kept.
        expect(await leaseEvents(started, holder.leases.streamNameOf('renewed'))).toHaveLength(1);
        await started.store.appendToStream('dossier-1', [{ type: 'Opened', data: {} }]);
        expect((await collect(started.store.readAll())).map((event) => event.streamId)).toEqual([
          'dossier-1',
        ]);
      });

      it('a holder that stops renewing loses the lease after the lease time (and the skew margin); another takes it with a greater token', async () => {
        const paused = instances.add('paused', { ttlMs: 600, renewEveryMs: 60_000, clockSkewMarginMs: 200 });
        const next = instances.add('next', { ttlMs: 600, retryEveryMs: 25, clockSkewMarginMs: 200 });
        // Timed from before the first acquire: the lease's time runs from when it was written, inside
        // that call, and a slow answer (a loaded machine) once took 100 ms of it (697 ms measured).
        const since = Date.now();
        const old = (await paused.leases.acquire('expiring', never))!;
        const taken = (await next.leases.acquire('expiring', never))!;
        expect(Date.now() - since).toBeGreaterThanOrEqual(600 + 200 - 50);
        expect(taken.token).toBeGreaterThan(old.token);
        // The paused holder knows by its own clock, without a round trip.
        expect(old.isHeld()).toBe(false);
        await old.lost;
      });

      it('a renewal after a takeover is refused: the old holder learns it lost the lease, and its fencing check fails', async () => {
        // The old holder's clock is 10 s behind, beyond the margin: what it writes looks expired
        // to the others while it still believes it holds the lease (what the margin guards against).
        const behind = () => Date.now() - 10_000;
        const old = instances.add('old', {
          ttlMs: 2000,
          renewEveryMs: 300,
          now: behind,
          clockSkewMarginMs: 100,
        });
        const next = instances.add('next', { ttlMs: 2000, retryEveryMs: 25, clockSkewMarginMs: 100 });
        const oldLease = (await old.leases.acquire('taken-over', never))!;
        const nextLease = (await next.leases.acquire('taken-over', never))!;
        expect(nextLease.token).toBeGreaterThan(oldLease.token);
        expect(oldLease.isHeld()).toBe(true);
        await expect(oldLease.assertHeldIn(undefined)).rejects.toThrow(LeaseLostError);
        expect(oldLease.isHeld()).toBe(false);

        // A second old holder, fenced by its renewal rather than by a check.
        const again = instances.add('again', {
          ttlMs: 2000,
          renewEveryMs: 300,
          now: behind,
          clockSkewMarginMs: 100,
        });
        await nextLease.release();
        const againLease = (await again.leases.acquire('taken-over', never))!;
        const third = (await next.leases.acquire('taken-over', never))!;
        expect(againLease.isHeld()).toBe(true);
        await againLease.lost; // its next renewal met the takeover
        expect(againLease.isHeld()).toBe(false);
        expect(third.isHeld()).toBe(true);
        const last = await lastLeaseEvent(started, next.leases.streamNameOf('taken-over'));
        expect(last.data).toMatchObject({ holder: 'next', token: third.token.toString() });
        expect([...old.reported, ...again.reported]).toEqual([]);
      });

      it('a release hands the lease over at once; close releases every lease held', async () => {
        const a = instances.add('a', { ttlMs: 60_000, retryEveryMs: 25 });
        const b = instances.add('b', { ttlMs: 60_000, retryEveryMs: 25 });
        const held = (await a.leases.acquire('handed', never))!;
        const taking = b.leases.acquire('handed', never);
        await pause(100);
        const since = Date.now();
        await held.release();
        const taken = (await taking)!;
        expect(Date.now() - since).toBeLessThan(scaledTimeout(5000));
        expect(taken.token).toBeGreaterThan(held.token);
        await held.lost;

        await b.leases.close();
        expect(taken.isHeld()).toBe(false);
        const last = await lastLeaseEvent(started, b.leases.streamNameOf('handed'));
        expect(last).toMatchObject({ type: 'LeaseReleased', data: { holder: 'b' } });
        expect((await a.leases.acquire('handed', never))!.token).toBeGreaterThan(taken.token);
      });

      onStandInOnly(target, 'a test cannot make a real server time out or lose its leadership', () => {
        const faults = [
          'deadline',
          'not-leader',
          'unavailable',
          'unavailable-after-write',
          'timeout-after-write',
        ] as const;

        it.each(faults)('a take that meets "%s" never makes two holders', async (fault) => {
          const a = instances.add('a', { ttlMs: 60_000, retryEveryMs: 25 });
          const b = instances.add('b', { ttlMs: 60_000, retryEveryMs: 25 });
          await started.standIn!.failNextAppends(fault);
          // b comes a little later: on BatchAppend the stand-in's UNAVAILABLE ends every batch
          // call in flight, and a client whose call ended so while writing hangs on its next append.
          const results = await Promise.all([
            acquireWithin(a.leases, 'faulty', scaledTimeout(2000)),
            pause(300).then(() => acquireWithin(b.leases, 'faulty', scaledTimeout(1700))),
          ]);
          const holders = results.filter((lease) => lease !== undefined);
          // When the answer of a written take was lost, its writer found it on reading back.
          expect(holders).toHaveLength(1);
          const last = await lastLeaseEvent(started, a.leases.streamNameOf('faulty'));
          expect(last.data).toMatchObject({ token: holders[0]!.token.toString() });
        });

        it.each(faults)(
          'renewals that meet "%s" keep the lease with its holder, nobody else takes it',
          async (fault) => {
            const holder = instances.add('holder', {
              ttlMs: 1200,
              renewEveryMs: 150,
              clockSkewMarginMs: 100,
            });
            const waiter = instances.add('waiter', { ttlMs: 1200, retryEveryMs: 25, clockSkewMarginMs: 100 });
            const lease = (await holder.leases.acquire('renew-faults', never))!;
            await started.standIn!.failNextAppends(fault, fault);
            expect(await acquireWithin(waiter.leases, 'renew-faults', 2000)).toBeUndefined();
            expect(lease.isHeld()).toBe(true);
            const last = await lastLeaseEvent(started, holder.leases.streamNameOf('renew-faults'));
            expect(last).toMatchObject({ type: 'LeaseRenewed', data: { token: lease.token.toString() } });
          },
        );
      });
    },
  );
}
