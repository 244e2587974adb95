import type { EventToAppend, RecordedEvent } from '@cartes-badges/eventsourcing';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { checkpointedTarget, EventStoreDBCheckpoints } from '../src';
import type { StandInStore } from './stand-in-harness';
import { standInHost, startStandInStore } from './stand-in-harness';

jest.setTimeout(60_000);

let started: StandInStore;
beforeEach(async () => {
  started = await startStandInStore();
});
afterEach(async () => {
  await started.dispose();
});
afterAll(async () => {
  await (await standInHost()).close();
});

const opened = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'Opened', data: { n } }) as EventToAppend);

describe('projection checkpoints in EventStoreDB', () => {
  it('keeps the latest checkpoint in a $maxCount 1 stream that the store never reads as events', async () => {
    const { store, client } = started;
    const checkpoints = new EventStoreDBCheckpoints(client);
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
    const kept = [];
    for await (const resolved of client.readStream(checkpoints.streamNameOf('counter')))
      kept.push(resolved.event?.data);
    expect(kept).toEqual([{ position: all[2].globalPosition.toString(), version: 1 }]);

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
    expect(await new EventStoreDBCheckpoints(started.client).read('never')).toBeUndefined();
  });
});
