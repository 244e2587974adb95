import * as E from 'fp-ts/Either';
import {
  createInMemoryAttachments,
  createRecordingNotifier,
  type ListPage,
  type ListParams,
  type ListQueries,
  type Siren,
} from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createReadSide, type ReadSide } from '@cartes-badges/lists';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { appendInterleaved, COMPANIES, dossierHistories } from '../../../../test/read-models/list-events';
import {
  expectHostileListRequestsRefused,
  expectListRequestsAtTheBoundsAnswered,
} from '../../../../test/read-models/hostile-list-requests';
import { createPostgresListReadModel } from './postgres-list-read-model';

// Skipped (with the reason printed) when PostgreSQL is unreachable; under CI=true that throws.
const describeWithPostgres = postgresUnavailableReason() ? describe.skip : describe;

const attachments = createInMemoryAttachments({
  'user-1': COMPANIES.slice(0, 4).map((company) => ({
    siren: company.siren as Siren,
    sirets: company.establishments.map((e) => e.siret),
    name: company.name,
  })),
});
const employer = { role: 'adherent', userId: 'user-1' } as const;
const caseManager = { role: 'gestionnaire', userId: 'g-1' } as const;

async function readSideOn(store: PostgresEventStore): Promise<ReadSide> {
  return createReadSide({
    store,
    attachments,
    notifier: createRecordingNotifier(),
    readModels: {
      brouillons: await createPostgresListReadModel(store, { list: 'brouillons' }),
      dossiers: await createPostgresListReadModel(store, { list: 'dossiers' }),
    },
  });
}

async function page(queries: ListQueries, params: ListParams): Promise<ListPage> {
  const result = await queries.list(params);
  if (E.isLeft(result)) throw new Error(`list failed: ${JSON.stringify(result.left)}`);
  return result.right;
}

describeWithPostgres('createReadSide over PostgreSQL list read models', () => {
  const schemas = new TestSchemas();
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await schemas.store({ pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await store?.close();
    await schemas.dropAll();
  });

  it('serves the lists from the tables, resumes from the stored checkpoint, and rebuilds', async () => {
    const random = seededRandom(41);
    await appendInterleaved(store, random, dossierHistories(random, 0, 60));
    let readSide = await readSideOn(store);
    readSide.start();
    await readSide.whenIdle();
    const mine = await page(readSide.brouillons, { actor: employer });
    const all = await page(readSide.dossiers, {
      actor: caseManager,
      sort: { by: 'transmitted', direction: 'asc' },
    });
    expect(mine.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(20);
    expect(all.pages).toBe(Math.ceil(all.total / 20));
    await readSide.stop();

    // A new read side (as after a restart) serves the same pages before running, then follows.
    readSide = await readSideOn(store);
    expect(await page(readSide.brouillons, { actor: employer })).toEqual(mine);
    readSide.start();
    await appendInterleaved(store, random, dossierHistories(random, 60, 20));
    await readSide.whenIdle();
    const grown = await page(readSide.dossiers, { actor: caseManager, search: 'carte', page: 2 });
    expect((await page(readSide.dossiers, { actor: caseManager })).total).toBeGreaterThan(all.total);

    await readSide.rebuild();
    await readSide.whenIdle();
    expect(await page(readSide.dossiers, { actor: caseManager, search: 'carte', page: 2 })).toEqual(grown);
    await readSide.stop();
  });

  it('bounds hostile list requests before PostgreSQL sees them, and answers those at the bounds', async () => {
    const random = seededRandom(43);
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
});
