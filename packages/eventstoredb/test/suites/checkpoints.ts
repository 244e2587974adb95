import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventToAppend, RecordedEvent } from '@cartes-badges/eventsourcing';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { checkpointedTarget, EventStoreDBCheckpoints } from '../../src';
import { closeStandInHost, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import type { ClientKind } from '../test-clients';

const opened = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'Opened', data: { n } }) as EventToAppend);

/** Projection checkpoints in EventStoreDB, on one client, on both append paths. */
export function describeCheckpoints(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  afterAll(closeStandInHost);

  describe.each(targets.map((target) => [target.label, target] as const))(
    `projection checkpoints in EventStoreDB (${client}, %s)`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });
      let started: StoreUnderTest;
      beforeEach(async () => {
        started = await startOnTarget();
      });
      afterEach(async () => {
        await started.dispose();
      });

      it('keeps the latest checkpoint in a $maxCount 1 stream that the store never reads as events', async () => {
        const { store, calls, namespace } = started;
        const checkpoints = new EventStoreDBCheckpoints(calls, namespace);
        const seen: string[] = [];
        const target = checkpointedTarget(checkpoints, 'counter', {
          apply: async (events: readonly RecordedEvent[]) => {
            seen.push(...events.map((e) => `${e.streamId}@${e.version}`));
          },
          reset: async () => {
            seen.length = 0;
          },
        });
        const runnable = { name: 'counter', version: 1, filter: { streamPrefix: 'dossier-' }, target };

        await store.appendToStream('dossier-1', opened(3));
        await store.appendToStream('liste-1', opened(1));
        await runProjectionOnce(store, runnable, { batchSize: 2 });
        expect(seen).toEqual(['dossier-1@0', 'dossier-1@1', 'dossier-1@2']);
        const all = await collect(store.readAll());
        expect(all.map((e) => e.streamId)).toEqual(['dossier-1', 'dossier-1', 'dossier-1', 'liste-1']);
        expect(await checkpoints.read('counter')).toEqual({ position: all[2].globalPosition, version: 1 });

        // The database keeps only the newest checkpoint event of the stream.
        const kept = await calls.readStream(checkpoints.streamNameOf('counter'), {
          from: 'start',
          direction: 'forwards',
          maxCount: 100,
        });
        expect(kept.map((record) => record.data)).toEqual([
          { position: all[2].globalPosition.toString(), version: 1 },
        ]);

        // A second run starts after the checkpoint.
        await store.appendToStream('dossier-2', opened(1));
        await runProjectionOnce(store, runnable);
        expect(seen).toEqual(['dossier-1@0', 'dossier-1@1', 'dossier-1@2', 'dossier-2@0']);

        // A new projection version wipes the effect and rebuilds from the start.
        await runProjectionOnce(store, { ...runnable, version: 2 });
        expect(seen).toEqual(['dossier-1@0', 'dossier-1@1', 'dossier-1@2', 'dossier-2@0']);
        expect((await checkpoints.read('counter'))?.version).toBe(2);
      });

      it('reads no checkpoint for a projection that never ran', async () => {
        expect(
          await new EventStoreDBCheckpoints(started.calls, started.namespace).read('never'),
        ).toBeUndefined();
      });
    },
  );
}
