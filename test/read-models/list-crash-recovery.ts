/// <reference types="jest" />
// Test-only: a list read model whose checkpoint writes fail at chosen batches (a crash between
// writing a batch's rows and committing them), on SQLite and PostgreSQL alike. How a crash is
// simulated is the store's (a trigger raising, a backend killed); what must hold after each one
// is the same everywhere, and is checked here.
import {
  runProjectionOnce,
  startProjection,
  type EventStore,
  type ProjectionProgress,
} from '@cartes-badges/eventsourcing';
import { LIST_PROJECTIONS, type ListName, type ListReadModel } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { listRunnable } from '@cartes-badges/lists';
import { expectSameList, listAt } from './list-comparison';
import { appendInterleaved, dossierHistories } from './list-events';

/** One list's crash scenario on a store. */
export interface CrashScenario {
  readonly store: EventStore;
  readonly list: ListName;
  readonly seed: number;
  /** Dossiers appended before the first run, and while the projection is down after its second crash. */
  readonly dossiers: readonly [first: number, later: number];
  /** Opens the list's model on `store` and arms the crashes on its checkpoint writes. */
  crashingModel(): Promise<ListReadModel>;
  /** An empty model of the same list somewhere else (another file or schema), for the rebuild. */
  emptyModelElsewhere(): Promise<ListReadModel>;
}

/**
 * Runs the list's projection again after each crash until it catches up, checking after each
 * crash that rows and checkpoint agree (the rows are exactly the fold of the events up to the
 * stored checkpoint); then checks that the list equals one rebuilt from scratch elsewhere, and
 * the in-memory fold of the whole history. Resolves with each crash's error message.
 */
export async function expectRecoveryAfterEachCrash(scenario: CrashScenario): Promise<string[]> {
  const { store, list } = scenario;
  const projection = LIST_PROJECTIONS[list];
  const random = seededRandom(scenario.seed);
  const first = dossierHistories(random, 0, scenario.dossiers[0]);
  const later = dossierHistories(random, scenario.dossiers[0], scenario.dossiers[1]);
  const ids = [...first, ...later].map((h) => h.dossierId);
  await appendInterleaved(store, random, first);

  const model = await scenario.crashingModel();
  const failures: string[] = [];
  for (let runs = 1; ; runs++) {
    const runner = startProjection(store, listRunnable(projection, model), { batchSize: 40 });
    try {
      await runner.whenIdle();
      break;
    } catch (error) {
      failures.push((error as Error).message);
    } finally {
      await runner.stop();
    }
    // Right after the crash: neither the failed batch's rows without its checkpoint, nor the reverse.
    const checkpoint = await model.readCheckpoint();
    await expectSameList(model, await listAt(store, projection, checkpoint?.position), ids, { queries: 5 });
    // The world goes on while the projection is down.
    if (runs === 2) await appendInterleaved(store, random, later);
  }

  // Rebuilt from scratch elsewhere, with progress.
  const rebuilt = await scenario.emptyModelElsewhere();
  const progress: ProjectionProgress[] = [];
  await rebuilt.reset(projection.version);
  const done = await runProjectionOnce(store, listRunnable(projection, rebuilt), {
    batchSize: 100,
    onProgress: (p) => progress.push(p),
  });
  expect(progress.length).toBeGreaterThan(2);
  expect(progress[progress.length - 1]).toEqual(done);
  await expectSameList(model, rebuilt, ids, { queries: 40 });
  // And both equal the in-memory fold of the whole history.
  await expectSameList(model, await listAt(store, projection, undefined), ids, { checkpoint: false });
  const page = await model.query({
    scope: { kind: 'system' },
    terms: [],
    filters: {},
    sort: { by: 'number', direction: 'desc' },
    offset: 0,
    limit: 20,
  });
  expect(page.total).toBeGreaterThan(20);
  return failures;
}
