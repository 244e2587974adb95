/// <reference types="jest" />
import type { EventStore, GlobalPosition, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { ListProjection, ListReadModel } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel, listProjectionTarget } from '@cartes-badges/lists';
import { randomQuery } from './random-list-rows';

/** Test-only: the in-memory list as it stands after the events up to `position` (all when undefined). */
export async function listAt(
  store: EventStore,
  projection: ListProjection,
  position: GlobalPosition | undefined,
): Promise<ListReadModel> {
  const model = createInMemoryListReadModel();
  await model.reset(projection.version);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: projection.filter })) {
    if (position !== undefined && event.globalPosition > position) break;
    events.push(event);
  }
  if (events.length > 0)
    await listProjectionTarget(projection, model).applyBatch(
      events,
      events[events.length - 1].globalPosition,
    );
  return model;
}

/**
 * Test-only: two list models hold the same thing: same checkpoint, same rows (listed or not)
 * for every dossier id given, same answers to random queries.
 */
export async function expectSameList(
  actual: ListReadModel,
  expected: ListReadModel,
  dossierIds: readonly string[],
  options: { checkpoint?: boolean; queries?: number; seed?: number } = {},
): Promise<void> {
  if (options.checkpoint !== false)
    expect(await actual.readCheckpoint()).toEqual(await expected.readCheckpoint());
  const [a, b] = await Promise.all([actual.getRows(dossierIds), expected.getRows(dossierIds)]);
  expect(new Map([...a].sort())).toEqual(new Map([...b].sort()));
  const random = seededRandom(options.seed ?? 5);
  for (let i = 0; i < (options.queries ?? 30); i++) {
    const query = { ...randomQuery(random), scope: { kind: 'system' as const } };
    expect(await actual.query(query)).toEqual(await expected.query(query));
  }
}
