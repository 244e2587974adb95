import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventToAppend, RecordedEvent, Subscription } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import type { EventStoreDBStoreOptions } from '../../src';
import { EventStoreUnavailableError } from '../../src';
import type { StandInOptions } from '../stand-in/stand-in-server';
import type { StandInStore } from '../stand-in-harness';
import {
  disposedAfterEachTest,
  STAND_IN_TARGETS,
  startStandInStore,
  storeStarter,
} from '../stand-in-harness';
import type { Target } from '../store-under-test';
import { featuresOf, onStandInOnly } from '../store-under-test';
import type { ClientKind } from '../test-clients';
import { describeAppendFaults } from './append-faults';

const events = (type: string, count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ type, data: { n: from + i } }) as EventToAppend);
const keyOf = (event: RecordedEvent): string => `${event.streamId}@${event.version}`;

/** Reads `count` events, calling `during(received)` after each; fails instead of hanging. */
async function take(
  subscription: Subscription,
  count: number,
  during: (received: number) => Promise<void> = async () => undefined,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timeout = setTimeout(() => void subscription.close(), 40_000);
  try {
    for await (const event of subscription) {
      received.push(event);
      await during(received.length);
      if (received.length >= count) break;
    }
  } finally {
    clearTimeout(timeout);
    await subscription.close();
  }
  return received;
}

/**
 * Faults of the network and the server, on one client, on each target (by default the stand-in
 * on both append paths). Those that need the stand-in's controls are reported skipped elsewhere.
 */
export function describeFaults(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  describe.each(targets.map((target) => [target.label, target] as const))(
    `${client}, %s`,
    (_label, target) => {
      const features = featuresOf(target);
      const startOnTarget = storeStarter({ client, target });
      async function start(
        options: EventStoreDBStoreOptions = {},
        server: StandInOptions = {},
      ): Promise<StandInStore> {
        return track(await startStandInStore(options, { client, server: { features, ...server } }));
      }

      describeAppendFaults(
        target,
        async (options, setup) => track(await startOnTarget(options, setup)),
        start,
      );

      onStandInOnly(target, 'a test cannot restart the server nor end its subscriptions', () => {
        describe('a dropped subscription resumes by itself, every event exactly once', () => {
          // Many events that the filter leaves out make the server's checkpoints run ahead of what it
          // delivered: resuming from a checkpoint would skip events, resuming from the last one delivered does not.
          async function seed(started: StandInStore, rounds: number, from = 0): Promise<void> {
            for (let round = from; round < from + rounds; round++) {
              await started.store.appendToStream(`noise-${round}`, events('Noise', 40));
              await started.store.appendToStream(`dossier-${round}`, events('Opened', 3));
            }
          }

          it.each([
            ['the server is killed and restarted (connections cut, messages in flight lost)', 'restart'],
            ['the server ends the subscription with UNAVAILABLE', 'drop'],
          ])('when %s', async (_name, fault) => {
            const started = await start();
            await seed(started, 10);
            const subscription = started.store.subscribe({ filter: { streamPrefix: 'dossier-' } });
            const received = await take(subscription, 60, async (count) => {
              if (count === 10 || count === 40) {
                if (fault === 'restart') await started.server.restart(50);
                else await started.server.dropSubscriptions();
              }
              if (count === 25) await seed(started, 10, 10);
            });
            const expected = (
              await collect(started.store.readAll({ filter: { streamPrefix: 'dossier-' } }))
            ).map(keyOf);
            expect(expected).toHaveLength(60);
            expect(received.map(keyOf)).toEqual(expected);
          });

          it('fails with a clear error once the server stays away longer than its resubscribe attempts', async () => {
            const started = await start({ resubscribeAttempts: 2, retryDelayMs: 5 });
            await started.store.appendToStream('dossier-1', events('Opened', 1));
            const subscription = started.store.subscribe();
            const reading = collect(subscription).then(
              () => 'ended',
              (error: unknown) => error,
            );
            await new Promise((resolve) => setTimeout(resolve, 200));
            await started.server.stop();
            const error = await reading;
            expect(error).toMatchObject({ name: 'SubscriptionDroppedError', attempts: 2 });
            expect((error as Error).message).toMatch(/resubscribe attempts failed/);
          });
        });
      });

      onStandInOnly(target, 'UNAVAILABLE and the server features cannot be called up by a test', () => {
        describe('UNAVAILABLE on append', () => {
          it('gives a clear error after the retries, and nothing of the batch is visible', async () => {
            const started = await start({ appendRetries: 1 });
            await started.store.appendToStream('dossier-1', events('Opened', 1));
            await started.server.failNextAppends('unavailable', 'unavailable-mid-batch');
            const error = await started.store
              .appendToStream('dossier-1', events('Noted', 3), { expectedVersion: 0 })
              .catch((e: unknown) => e);
            expect(error).toBeInstanceOf(EventStoreUnavailableError);
            expect(error).toMatchObject({ streamId: 'dossier-1', attempts: 2 });
            expect((error as Error).message).toMatch(
              /EventStoreDB unavailable while appending to stream dossier-1/,
            );
            expect((await collect(started.store.readStream('dossier-1'))).map((e) => e.type)).toEqual([
              'Opened',
            ]);
            expect(await collect(started.store.readAll())).toHaveLength(1);
            expect(await started.server.eventCount()).toBe(1);
          });

          it.each([
            ['an expected version', 0 as const],
            ["'any'", 'any' as const],
          ])(
            'is retried by the adapter with %s, and a write whose answer was lost is not written twice',
            async (_name, expectedVersion) => {
              const started = await start();
              await started.store.appendToStream('dossier-1', events('Opened', 1));
              await started.server.failNextAppends('unavailable-after-write', 'unavailable');
              const result = await started.store.appendToStream('dossier-1', events('Noted', 2), {
                expectedVersion,
              });
              expect(result.nextExpectedVersion).toBe(2);
              const stream = await collect(started.store.readStream('dossier-1'));
              expect(stream.map((e) => `${e.version}:${e.type}`)).toEqual(['0:Opened', '1:Noted', '2:Noted']);
              expect(result.globalPosition).toBe(stream[2].globalPosition);
            },
          );
        });

        describe('the client and the stand-in on the wire', () => {
          // The 6.x client's BatchAppend crashes a process whose other connection fails
          // (src/classic-append.ts): the adapter sends its appends through the classic Append.
          const batchPath = client === 'eventstoredb' ? 'classic' : 'batch';
          it.each([
            ['lists BatchAppend (servers from 21.10 on)', 'batch', batchPath],
            ['lists only Read and Append', 'classic', 'classic'],
            ['are unknown (a server without the probe)', 'unimplemented', 'classic'],
          ] as const)(
            `${client} appends on the path the server features name, except 6.x's BatchAppend (never): when they %s`,
            async (_name, features, path) => {
              const started = await start({}, { features });
              const result = await started.store.appendToStream('dossier-1', events('Opened', 2), {
                expectedVersion: 'no_stream',
              });
              expect(result.nextExpectedVersion).toBe(1);
              expect(await started.server.eventCount()).toBe(2);
              const appends = await started.server.appendsBy();
              expect(appends[path]).toBe(1);
              expect(appends.classic + appends.batch).toBe(1);
            },
          );
        });
      });

      onStandInOnly(target, 'what the server has sent to a subscription is not observable', () => {
        describe('a slow subscriber', () => {
          it('holds the server back instead of buffering: what is sent but not read stays bounded', async () => {
            const started = await start();
            const total = 4000;
            for (let batch = 0; batch < total / 200; batch++) {
              await started.store.appendToStream(`dossier-${batch}`, events('Opened', 200));
            }
            const subscription = started.store.subscribe();
            let aheadWhileStalled = -1;
            const received = await take(subscription, total, async (count) => {
              if (count === 100) {
                // The reader stalls: the server must stop once the transport's windows and buffers are full.
                await new Promise((resolve) => setTimeout(resolve, 500));
                const [sent] = await started.server.subscriptionsSent();
                aheadWhileStalled = sent - count;
              }
            });
            expect(received).toHaveLength(total);
            expect(aheadWhileStalled).toBeGreaterThanOrEqual(0);
            // About 500 bytes an event: HTTP/2's 64 KiB stream window, the client's and server's stream
            // buffers; far from the 3,900 events a reader that buffers everything would hold.
            expect(aheadWhileStalled).toBeLessThan(800);
          });
        });
      });
    },
  );
}
