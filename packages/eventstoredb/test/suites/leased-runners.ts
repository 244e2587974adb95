import type {
  EventStore,
  EventToAppend,
  RecordedEvent,
  SupervisedRunner,
} from '@cartes-badges/eventsourcing';
import { superviseRunner } from '@cartes-badges/eventsourcing';
import { collect, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import {
  checkpointedTarget,
  createEventStoreDBLeases,
  createStoreOnCalls,
  EventStoreDBCheckpoints,
} from '../../src';
import { crashableCalls } from '../crashable-calls';
import { pause } from '../lease-contenders';
import { disposedAfterEachTest, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import type { ClientKind, TestClient } from '../test-clients';
import { connectClient } from '../test-clients';

/** One service instance: its own client, store, leases and supervised runner of the shared projection. */
interface Instance {
  readonly id: number;
  readonly client: TestClient;
  /** Cuts every call of the instance, as a crash would. */
  readonly crash: () => void;
  readonly store: EventStore;
  readonly runner: SupervisedRunner;
}

/** What the projection did, kept where every instance writes (as a shared read model would be). */
interface SharedEffect {
  /** Each batch applied, by which instance. */
  readonly batches: { readonly instance: number; readonly ids: readonly string[] }[];
  /** The fold: each dossier's last version. Idempotent, so a batch applied again changes nothing. */
  readonly heads: Map<string, number>;
}

const opened = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'Opened', data: { n: from + n } }) as EventToAppend);

function foldHeads(events: readonly RecordedEvent[]): Map<string, number> {
  const heads = new Map<string, number>();
  for (const event of events) heads.set(event.streamId, event.version);
  return heads;
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await pause(20);
  }
}

/** The kernel's supervised runners sharing one projection through EventStoreDB leases, per target. */
export function describeLeasedRunners(
  client: ClientKind,
  targets: readonly Target[] = STAND_IN_TARGETS,
): void {
  jest.setTimeout(scaledTimeout(120_000));
  const track = disposedAfterEachTest();

  describe.each(targets.map((target) => [target.label, target] as const))(
    `supervised runners under EventStoreDB leases (${client}, %s)`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });

      function startInstance(started: StoreUnderTest, id: number, effect: SharedEffect): Instance {
        const { namespace } = started;
        const instanceClient = connectClient(client, started.connectionString);
        const { calls, crash } = crashableCalls(instanceClient.calls);
        const store = createStoreOnCalls(calls, { namespace, retryDelayMs: 10 });
        const leases = createEventStoreDBLeases(calls, {
          namespace,
          holder: `instance-${id}`,
          ttlMs: 3000,
          clockSkewMarginMs: 500,
          retryEveryMs: 50,
          // The crashed instance's failures are expected; the others' show in the assertions.
          onError: () => undefined,
        });
        const target = checkpointedTarget(new EventStoreDBCheckpoints(calls, namespace), 'heads', {
          apply: async (events) => {
            effect.batches.push({ instance: id, ids: events.map((event) => event.eventId) });
            for (const event of events)
              effect.heads.set(
                event.streamId,
                Math.max(effect.heads.get(event.streamId) ?? -1, event.version),
              );
          },
        });
        const runner = superviseRunner(
          store,
          { name: 'heads', filter: { streamPrefix: 'dossier-' }, target },
          { leases, batchSize: 4, restartDelayMs: 50, maxRestartDelayMs: 200, onError: () => undefined },
        );
        return { id, client: instanceClient, crash, store, runner };
      }

      it('the subscription says it caught up after each live event (else a runner holds a partial live batch)', async () => {
        const started = track(await startOnTarget());
        let caughtUp = 0;
        const subscription = started.store.subscribe({ onCaughtUp: () => (caughtUp += 1) });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          const first = iterator.next();
          await until(() => caughtUp === 1, scaledTimeout(10_000), 'the switch to live');
          await started.store.appendToStream('dossier-live', opened(1));
          expect((await first).value).toMatchObject({ streamId: 'dossier-live' });
          expect(caughtUp).toBe(1);
          // Told once the event is taken, before the next one is waited for.
          const next = iterator.next();
          await until(() => caughtUp === 2, scaledTimeout(10_000), 'caught up after the live event');
          await subscription.close();
          await next;
        } finally {
          await subscription.close();
        }
      });

      it('three runners on one database: one applies; when its instance crashes another takes over, and the result equals a full fold', async () => {
        const started = track(await startOnTarget());
        const effect: SharedEffect = { batches: [], heads: new Map() };
        const instances = [0, 1, 2].map((id) => startInstance(started, id, effect));
        try {
          for (let n = 0; n < 4; n++) {
            await started.store.appendToStream(`dossier-${n}`, opened(5));
            await started.store.appendToStream(`noise-${n}`, opened(2));
          }
          await until(
            () => instances.some((instance) => instance.runner.isActive()),
            scaledTimeout(10_000),
            'a runner to take the lease',
          );
          const first = instances.find((instance) => instance.runner.isActive())!;
          await first.runner.whenIdle();
          expect(instances.filter((instance) => instance.runner.isActive())).toEqual([first]);
          // The passive ones see the stored checkpoint at the head.
          await Promise.all(instances.map((instance) => instance.runner.whenIdle()));

          // The active instance crashes: none of its calls gets through, it renews nothing.
          first.crash();
          const survivors = instances.filter((instance) => instance !== first);
          for (let n = 2; n < 6; n++) await started.store.appendToStream(`dossier-${n}`, opened(3, 100));
          const crashedAt = Date.now();
          await until(
            () => survivors.some((instance) => instance.runner.isActive()),
            scaledTimeout(15_000),
            'another runner to take over',
          );
          const takeover = Date.now() - crashedAt;
          const next = survivors.find((instance) => instance.runner.isActive())!;
          await next.runner.whenIdle();
          expect(survivors.filter((instance) => instance.runner.isActive())).toEqual([next]);

          const all = (await collect(
            started.store.readAll({ filter: { streamPrefix: 'dossier-' } }),
          )) as RecordedEvent[];
          expect(all).toHaveLength(4 * 5 + 4 * 3);
          expect(effect.heads).toEqual(foldHeads(all));
          // Every event applied, first in the store's order (a batch is applied again at most after the crash).
          const firstSeen = [...new Set(effect.batches.flatMap((batch) => batch.ids))];
          expect(firstSeen).toEqual(all.map((event) => event.eventId));
          // One applier at a time: the crashed instance's batches, then the new holder's, never interleaved.
          const appliers = effect.batches.map((batch) => batch.instance);
          expect([...new Set(appliers)]).toEqual([first.id, next.id]);
          expect(appliers.lastIndexOf(first.id)).toBeLessThan(appliers.indexOf(next.id));
          // Within the lease time, the skew margin and a retry (plus the busy machine's slack).
          expect(takeover).toBeLessThan(scaledTimeout(10_000));
        } finally {
          await Promise.all(
            instances.map(async (instance) => {
              await instance.runner.stop();
              await instance.store.close();
              await instance.client.dispose();
            }),
          );
        }
      });
    },
  );
}
