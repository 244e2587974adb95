import type { EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore, runProjectionOnce } from '@cartes-badges/eventsourcing';
import { appendInterleaved, dossierHistories } from '../../../../test/read-models/list-events';
import { expectSameList } from '../../../../test/read-models/list-comparison';
import {
  brouillonsProjection,
  dossierIdOfStream,
  dossiersProjection,
  LIST_PROJECTIONS,
  whileRebuilding,
} from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel } from '../engine/in-memory-list-read-model';
import type { DossierEvent, ListProjection, ListReadModel, ListRow } from '@cartes-badges/domain';
import type { InMemoryListReadModel } from '../engine/in-memory-list-read-model';
import { listProjectionTarget } from './list-projection-target';
import { listsProjectionTarget, listsRunnable } from './lists-projection-target';

// The shared fold must leave each list exactly as its own projection would: same rows (listed or
// not), same checkpoint, same answers.

async function historyStore(seed: number, dossiers: number): Promise<{ store: EventStore; ids: string[] }> {
  const random = seededRandom(seed);
  const histories = dossierHistories(random, 0, dossiers);
  const store = createInMemoryEventStore();
  await appendInterleaved(store, random, histories);
  return { store, ids: histories.map((h) => h.dossierId) };
}

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: brouillonsProjection.filter })) events.push(event);
  return events;
}

/**
 * Each list by the domain's pure fold (`projection.evolve`: `evolveListRow` and the list's
 * placement), event by event: what the batch fold must equal, whatever the batches.
 */
async function alone(projection: ListProjection, events: readonly RecordedEvent[]) {
  const rows = new Map<string, ListRow>();
  for (const event of events) {
    const dossierId = dossierIdOfStream(event.streamId);
    const row = projection.evolve(rows.get(dossierId), event as RecordedEvent<DossierEvent>);
    if (row === undefined) rows.delete(dossierId);
    else rows.set(dossierId, row);
  }
  const model = createInMemoryListReadModel();
  await model.reset(projection.version);
  const changes = [...rows.values()].map((row) => ({ op: 'upsert' as const, row }));
  model.commitSync(changes, {
    position: events[events.length - 1].globalPosition,
    version: projection.version,
  });
  return model;
}

/** An in-memory read model seen only through the port (no slots): the path a SQL model takes. */
function behindThePort(model: InMemoryListReadModel): ListReadModel {
  return {
    readCheckpoint: () => model.readCheckpoint(),
    getRows: (ids) => model.getRows(ids),
    commit: (changes, checkpoint) => model.commit(changes, checkpoint),
    reset: (version) => model.reset(version),
    query: (query) => model.query(query),
  };
}

function bothLists(wrap: (model: InMemoryListReadModel) => ListReadModel = (m) => m) {
  const brouillons = createInMemoryListReadModel();
  const dossiers = createInMemoryListReadModel();
  const bindings = [
    { projection: brouillonsProjection, readModel: wrap(brouillons) },
    { projection: dossiersProjection, readModel: wrap(dossiers) },
  ];
  return { brouillons, dossiers, bindings, runnable: listsRunnable(bindings) };
}

describe('both lists folded once per batch', () => {
  it.each([
    ['in memory, batches of 1', 1, (m: InMemoryListReadModel) => m],
    ['in memory, batches of 37', 37, (m: InMemoryListReadModel) => m],
    ['in memory, batches of 1000', 1000, (m: InMemoryListReadModel) => m],
    ['behind the port, batches of 37', 37, behindThePort],
    ['behind the port, batches of 1000', 1000, behindThePort],
  ])('equal each list run on its own (%s)', async (_label, batchSize, wrap) => {
    const { store, ids } = await historyStore(11, 400);
    const events = await allEvents(store);
    const lists = bothLists(wrap);
    const progress = await runProjectionOnce(store, lists.runnable, { batchSize });
    expect(progress.eventsProcessed).toBe(events.length);
    await expectSameList(lists.brouillons, await alone(brouillonsProjection, events), ids);
    await expectSameList(lists.dossiers, await alone(dossiersProjection, events), ids);
    // The histories reach every kind of row: listed drafts, kept-unlisted drafts, dropped rows.
    expect(lists.brouillons.rows().size).toBeGreaterThan(50);
    expect(lists.dossiers.rows().size).toBeGreaterThan(lists.brouillons.rows().size);
  });

  it('catches a list that is behind up with the other, then goes on folding once', async () => {
    const { store, ids } = await historyStore(12, 300);
    const events = await allEvents(store);
    const lists = bothLists();
    // Brouillons committed a third of the history that Dossiers did not (a crash between the two).
    const third = events.slice(0, Math.floor(events.length / 3));
    await lists.brouillons.reset(brouillonsProjection.version);
    await listProjectionTarget(brouillonsProjection, lists.brouillons).applyBatch(
      third,
      third[third.length - 1].globalPosition,
    );
    expect(await lists.runnable.target.readCheckpoint()).toEqual({});
    await runProjectionOnce(store, lists.runnable, { batchSize: 50 });
    await expectSameList(lists.brouillons, await alone(brouillonsProjection, events), ids);
    await expectSameList(lists.dossiers, await alone(dossiersProjection, events), ids);
  });

  it.each(['brouillons', 'dossiers'] as const)(
    'resets only the list whose projection version changed (%s), and replays what it lacks',
    async (stale) => {
      const { store, ids } = await historyStore(13, 200);
      const events = await allEvents(store);
      const lists = bothLists();
      await runProjectionOnce(store, lists.runnable, { batchSize: 100 });
      const last = events[events.length - 1].globalPosition;
      const fresh = stale === 'brouillons' ? 'dossiers' : 'brouillons';
      // One list was written by an older version of its projection.
      await lists[stale].commit([], { position: last, version: LIST_PROJECTIONS[stale].version - 1 });
      expect(await lists.runnable.target.readCheckpoint()).toEqual({});
      expect(lists[stale].rows().size).toBe(0);
      expect(await lists[fresh].readCheckpoint()).toEqual({ position: last, version: 1 });
      await runProjectionOnce(store, lists.runnable, { batchSize: 100 });
      await expectSameList(lists.brouillons, await alone(brouillonsProjection, events), ids);
      await expectSameList(lists.dossiers, await alone(dossiersProjection, events), ids);
    },
  );

  it('applies a redelivered batch once', async () => {
    const { store, ids } = await historyStore(14, 150);
    const events = await allEvents(store);
    const lists = bothLists();
    const target = listsProjectionTarget(lists.bindings);
    await target.readCheckpoint();
    const half = Math.floor(events.length / 2);
    await target.applyBatch(events.slice(0, half), events[half - 1].globalPosition);
    await target.applyBatch(events.slice(0, half), events[half - 1].globalPosition);
    // Overlapping the checkpoint: only the new part applies.
    await target.applyBatch(events.slice(half - 10), events[events.length - 1].globalPosition);
    await expectSameList(lists.brouillons, await alone(brouillonsProjection, events), ids);
    await expectSameList(lists.dossiers, await alone(dossiersProjection, events), ids);
  });

  it('refuses lists that cannot share a fold', () => {
    const { bindings } = bothLists();
    const withoutPlacement = { ...LIST_PROJECTIONS.dossiers, placement: undefined };
    expect(() =>
      listsProjectionTarget([bindings[0], { ...bindings[1], projection: withoutPlacement }]),
    ).toThrow(/placement/);
    const otherFilter = { ...LIST_PROJECTIONS.dossiers, filter: { streamPrefix: 'dossier-' } };
    expect(() => listsProjectionTarget([bindings[0], { ...bindings[1], projection: otherFilter }])).toThrow(
      /filter/,
    );
  });

  it('throws rather than keep two rows when a stream starts again for a dossier a list holds', async () => {
    const { store } = await historyStore(15, 20);
    const events = await allEvents(store);
    const lists = bothLists();
    const target = listsProjectionTarget(lists.bindings);
    await target.readCheckpoint();
    await target.applyBatch(events, events[events.length - 1].globalPosition);
    const first = events.find(
      (e) => e.version === 0 && lists.dossiers.slotOf(e.streamId.slice('dossier-'.length)) >= 0,
    ) as RecordedEvent;
    const again = { ...first, globalPosition: events[events.length - 1].globalPosition + 1n };
    await expect(target.applyBatch([again], again.globalPosition)).rejects.toThrow(/already has a slot/);
  });
});

describe('whileRebuilding', () => {
  it('runs the work once inside every model that has a rebuilding step, outermost first', async () => {
    const steps: string[] = [];
    const wrapping = (name: string): ListReadModel => ({
      ...behindThePort(createInMemoryListReadModel()),
      async rebuilding(work) {
        steps.push(`${name} before`);
        try {
          return await work();
        } finally {
          steps.push(`${name} after`);
        }
      },
    });
    const plain = behindThePort(createInMemoryListReadModel());
    const result = await whileRebuilding([wrapping('a'), plain, wrapping('b')], async () => {
      steps.push('work');
      return 42;
    });
    expect(result).toBe(42);
    expect(steps).toEqual(['a before', 'b before', 'work', 'b after', 'a after']);
    await expect(whileRebuilding([wrapping('c')], () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(steps.slice(-2)).toEqual(['c before', 'c after']);
  });
});
