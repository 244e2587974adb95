import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventToAppend } from '@cartes-badges/eventsourcing';
import { verifyStream } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../../src';
import { disposedAfterEachTest, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import type { ClientKind } from '../test-clients';

/** A caller's event, with every object it holds within reach for changing it afterwards. */
function callersEvent() {
  const line = { label: 'Carte de formation', cents: 12_000 };
  const data = { dossierId: 'd-1', lines: [line] };
  const actor = { role: 'adherent', userId: 'user-1' };
  const metadata = { actor, commandId: 'command-1' };
  const event = { type: 'LineAdded', data, metadata };
  const changeEverything = (): void => {
    line.cents = 1;
    data.lines.push({ label: 'ajoutée après coup', cents: 2 });
    data.dossierId = 'd-2';
    actor.userId = 'someone-else';
    metadata.commandId = 'command-2';
    event.type = 'LineRemoved';
  };
  return { event: event as EventToAppend, changeEverything };
}

const written = {
  type: 'LineAdded',
  data: { dossierId: 'd-1', lines: [{ label: 'Carte de formation', cents: 12_000 }] },
};

/**
 * The adapter's copy of the caller's events is taken before its first wait: what a caller does
 * to its objects once `appendToStream` has returned its promise changes nothing written, hashed
 * or returned, whether the adapter still has to read the stream's head or not (and the client
 * itself waits before it writes the events out).
 */
export function describeAppendCopy(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  describe.each(targets.map((target) => [target.label, target] as const))(
    `the caller's events copied before any wait (${client}, %s)`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });
      const start = async (): Promise<StoreUnderTest> => track(await startOnTarget());

      const expectWrittenAsGiven = async (started: StoreUnderTest, returned: unknown): Promise<void> => {
        const [read] = await collect(started.store.readStream('dossier-1', { fromVersion: 1 }));
        expect(read).toMatchObject(written);
        expect(read.metadata).toMatchObject({
          actor: { role: 'adherent', userId: 'user-1' },
          commandId: 'command-1',
        });
        expect(returned).toEqual([read]);
        expect(await verifyStream(started.store, 'dossier-1')).toMatchObject({ ok: true, length: 2 });
      };

      it('while the adapter reads the stream head first (a store that has not seen the stream)', async () => {
        const started = await start();
        await started.store.appendToStream('dossier-1', [{ type: 'Opened', data: {} } as EventToAppend]);
        const store = createStoreOnCalls(started.calls, { namespace: started.namespace });
        const { event, changeEverything } = callersEvent();
        const appending = store.appendToStream('dossier-1', [event]);
        changeEverything();
        const result = await appending;
        await expectWrittenAsGiven(started, result.events);
        await store.close();
      });

      it('while the client waits before writing (the head known: no read first)', async () => {
        const started = await start();
        const opened = await started.store.appendToStream('dossier-1', [
          { type: 'Opened', data: {} } as EventToAppend,
        ]);
        const { event, changeEverything } = callersEvent();
        const appending = started.store.appendToStream('dossier-1', [event], {
          expectedVersion: opened.nextExpectedVersion,
        });
        changeEverything();
        const result = await appending;
        await expectWrittenAsGiven(started, result.events);
      });
    },
  );
}
