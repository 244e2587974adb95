/// <reference types="jest" />
// Test-only: the read side (`createReadSide`) over a store's durable list read models, the same
// scenarios on SQLite and PostgreSQL: serving, resuming from the stored checkpoints after a
// restart, rebuilding, and bounding hostile requests before the database sees them. How a store
// opens its models and what a restart is (the file opened again, a new read side on the same
// pool) are the harness's.
import type { EventStore } from '@cartes-badges/eventsourcing';
import {
  createInMemoryAttachments,
  createRecordingNotifier,
  type ListPage,
  type ListParams,
  type ListQueries,
  type ListReadModel,
  type Siren,
} from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createReadSide, type ReadSide } from '@cartes-badges/lists';
import { appendInterleaved, COMPANIES, dossierHistories } from './list-events';
import {
  expectHostileListRequestsRefused,
  expectListRequestsAtTheBoundsAnswered,
} from './hostile-list-requests';

/** How a store runs the read side for the scenarios. */
export interface ReadSideWiringHarness {
  /** The store of the current test, fresh (no event, no list table written). */
  store(): EventStore;
  /** Both list read models over `store`. */
  readModels(
    store: EventStore,
  ): Promise<{ readonly brouillons: ListReadModel; readonly dossiers: ListReadModel }>;
  /** What the process finds after a restart: the store to run on (the same one or opened again). */
  restart(): Promise<EventStore>;
  /** Dossiers appended before the restart, and after it. */
  readonly dossiers: readonly [before: number, after: number];
}

const attachments = createInMemoryAttachments({
  'user-1': COMPANIES.slice(0, 4).map((company) => ({
    siren: company.siren as Siren,
    sirets: company.establishments.map((e) => e.siret),
    name: company.name,
  })),
});
const employer = { role: 'adherent', userId: 'user-1' } as const;
const caseManager = { role: 'gestionnaire', userId: 'g-1' } as const;

async function page(queries: ListQueries, params: ListParams): Promise<ListPage> {
  const result = await queries.list(params);
  if (result._tag === 'Left') throw new Error(`list failed: ${JSON.stringify(result.left)}`);
  return result.right;
}

/** Declares the scenarios' tests in the calling `describe`. */
export function readSideWiringContract(harness: ReadSideWiringHarness): void {
  const readSideOn = async (store: EventStore): Promise<ReadSide> =>
    createReadSide({
      store,
      attachments,
      notifier: createRecordingNotifier(),
      readModels: await harness.readModels(store),
    });

  it('serves the lists from the tables, resumes from the stored checkpoint after a restart, and rebuilds', async () => {
    const [first, later] = harness.dossiers;
    const random = seededRandom(31);
    let store = harness.store();
    await appendInterleaved(store, random, dossierHistories(random, 0, first));
    let readSide = await readSideOn(store);
    readSide.start();
    await readSide.whenIdle();
    const before = {
      mine: await page(readSide.brouillons, { actor: employer }),
      all: await page(readSide.dossiers, {
        actor: caseManager,
        sort: { by: 'transmitted', direction: 'asc' },
      }),
    };
    expect(before.mine.total).toBeGreaterThan(0);
    expect(before.all.total).toBeGreaterThan(20);
    expect(before.all.pages).toBe(Math.ceil(before.all.total / 20));
    await readSide.stop();

    // Restart: the lists come back as they were before the runner starts, then follow new appends.
    store = await harness.restart();
    expect((await (await harness.readModels(store)).dossiers.readCheckpoint())?.position).toBeDefined();
    readSide = await readSideOn(store);
    expect(await page(readSide.brouillons, { actor: employer })).toEqual(before.mine);
    readSide.start();
    await appendInterleaved(store, random, dossierHistories(random, first, later));
    await readSide.whenIdle();
    expect((await page(readSide.dossiers, { actor: caseManager })).total).toBeGreaterThan(before.all.total);

    // A rebuild wipes the tables and replays the whole history: same answers.
    const live = {
      mine: await page(readSide.brouillons, { actor: employer, sort: { by: 'updated', direction: 'desc' } }),
      all: await page(readSide.dossiers, { actor: caseManager, page: 2 }),
      searched: await page(readSide.dossiers, { actor: caseManager, search: 'carte', page: 2 }),
    };
    await readSide.rebuild();
    await readSide.whenIdle();
    expect(
      await page(readSide.brouillons, { actor: employer, sort: { by: 'updated', direction: 'desc' } }),
    ).toEqual(live.mine);
    expect(await page(readSide.dossiers, { actor: caseManager, page: 2 })).toEqual(live.all);
    expect(await page(readSide.dossiers, { actor: caseManager, search: 'carte', page: 2 })).toEqual(
      live.searched,
    );
    await readSide.stop();
  });

  it('bounds hostile list requests before the database sees them, and answers those at the bounds', async () => {
    const random = seededRandom(37);
    const store = harness.store();
    await appendInterleaved(store, random, dossierHistories(random, 1000, 30));
    const readSide = await readSideOn(store);
    readSide.start();
    await readSide.whenIdle();
    for (const queries of [readSide.brouillons, readSide.dossiers]) {
      await expectHostileListRequestsRefused(queries, caseManager);
      await expectListRequestsAtTheBoundsAnswered(queries, caseManager);
      await expectListRequestsAtTheBoundsAnswered(queries, employer);
    }
    await readSide.stop();
  });
}
