import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventToAppend } from '@cartes-badges/eventsourcing';
import { ConcurrencyError, verifyStream } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../../src';
import { disposedAfterEachTest, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import type { ClientKind } from '../test-clients';
import { connectClient } from '../test-clients';

const noted = (text: string): EventToAppend[] => [{ type: 'Noted', data: { text } } as EventToAppend];

/** A write the server refused is a conflict, on every client setting, path and client. */
export function describeLostAppend(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  // With `throwOnAppendFailure=false` the client answers `{ success: false }` for a refused write
  // instead of throwing: nothing of the caller's was written.
  describe.each(targets.map((target) => [target.label, target] as const))(
    `${client}, %s`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });
      describe.each([
        ['throwOnAppendFailure=false', 'throwOnAppendFailure=false'],
        ['the default client (throws on a refused write)', ''],
      ])('a write the server refused, on a client with %s', (_name, clientSettings) => {
        const start = async (): Promise<StoreUnderTest> => track(await startOnTarget({}, { clientSettings }));

        it('is the conflict it is: never success, never another writer’s event returned as the caller’s', async () => {
          const mine = await start();
          const other = connectClient(client, mine.connectionString);
          const theirs = createStoreOnCalls(other.calls, { namespace: mine.namespace });
          try {
            await mine.store.appendToStream('dossier-1', noted('created'), { expectedVersion: 'no_stream' });
            // Another writer gets in first at version 1.
            await theirs.appendToStream('dossier-1', noted('theirs'), { expectedVersion: 0 });

            const lost = await mine.store
              .appendToStream('dossier-1', noted('mine'), { expectedVersion: 0 })
              .catch((error: unknown) => error);
            expect(lost).toBeInstanceOf(ConcurrencyError);
            expect(lost).toMatchObject({ streamId: 'dossier-1', expectedVersion: 0, actualVersion: 1 });
            const stream = await collect(mine.store.readStream('dossier-1'));
            expect(stream.map((event) => event.data)).toEqual([{ text: 'created' }, { text: 'theirs' }]);

            // What the store knows of the head is the other writer's event, not the lost one: the
            // next write chains onto it and the chain stays whole.
            const next = await mine.store.appendToStream('dossier-1', noted('after'), {
              expectedVersion: 'any',
            });
            expect(next.nextExpectedVersion).toBe(2);
            expect(await verifyStream(mine.store, 'dossier-1')).toMatchObject({ ok: true, length: 3 });
          } finally {
            await theirs.close();
            await other.dispose();
          }
        });

        it("with 'no_stream' on an existing stream, reports the stream's actual version", async () => {
          const mine = await start();
          await mine.store.appendToStream('dossier-2', [...noted('a'), ...noted('b')]);
          const lost = await mine.store
            .appendToStream('dossier-2', noted('again'), { expectedVersion: 'no_stream' })
            .catch((error: unknown) => error);
          expect(lost).toMatchObject({
            name: 'ConcurrencyError',
            expectedVersion: 'no_stream',
            actualVersion: 1,
          });
          expect(await mine.eventCount()).toBe(2);
        });
      });
    },
  );
}
