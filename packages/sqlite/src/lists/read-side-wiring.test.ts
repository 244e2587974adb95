import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
import { createSqliteEventStore, type SqliteEventStore } from '../sqlite-store';
import { appendInterleaved, COMPANIES, dossierHistories } from '../../../../test/read-models/list-events';
import {
  expectHostileListRequestsRefused,
  expectListRequestsAtTheBoundsAnswered,
} from '../../../../test/read-models/hostile-list-requests';
import { createSqliteListReadModel } from './sqlite-list-read-model';

let dir: string;
let store: SqliteEventStore;
const open = (): SqliteEventStore =>
  createSqliteEventStore({ path: path.join(dir, 'events.db'), synchronous: 'normal', pollIntervalMs: 20 });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-read-side-'));
  store = open();
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const attachments = createInMemoryAttachments({
  'user-1': COMPANIES.slice(0, 4).map((company) => ({
    siren: company.siren as Siren,
    sirets: company.establishments.map((e) => e.siret),
    name: company.name,
  })),
});

function readSideOn(on: SqliteEventStore): ReadSide {
  return createReadSide({
    store: on,
    attachments,
    notifier: createRecordingNotifier(),
    readModels: {
      brouillons: createSqliteListReadModel(on, { list: 'brouillons' }),
      dossiers: createSqliteListReadModel(on, { list: 'dossiers' }),
    },
  });
}

async function page(queries: ListQueries, params: ListParams): Promise<ListPage> {
  const result = await queries.list(params);
  if (E.isLeft(result)) throw new Error(`list failed: ${JSON.stringify(result.left)}`);
  return result.right;
}

const employer = { role: 'adherent', userId: 'user-1' } as const;
const caseManager = { role: 'gestionnaire', userId: 'g-1' } as const;

describe('createReadSide over SQLite list read models', () => {
  it('serves the lists from the file, resumes from the stored checkpoint after a restart, and rebuilds', async () => {
    const random = seededRandom(31);
    await appendInterleaved(store, random, dossierHistories(random, 0, 80));
    let readSide = readSideOn(store);
    readSide.start();
    await readSide.whenIdle();
    const before = {
      mine: await page(readSide.brouillons, { actor: employer }),
      all: await page(readSide.dossiers, {
        actor: caseManager,
        sort: { by: 'transmitted', direction: 'asc' },
      }),
      second: await page(readSide.dossiers, { actor: caseManager, page: 2, search: 'carte' }),
    };
    expect(before.mine.total).toBeGreaterThan(0);
    expect(before.all.total).toBeGreaterThan(20);
    expect(before.all.pages).toBe(Math.ceil(before.all.total / 20));
    await readSide.stop();
    await store.close();

    // Restart on the same file: the lists come back as they were, then follow new appends.
    store = open();
    const checkpoint = await createSqliteListReadModel(store, { list: 'dossiers' }).readCheckpoint();
    expect(checkpoint?.position).toBeDefined();
    readSide = readSideOn(store);
    expect(await page(readSide.brouillons, { actor: employer })).toEqual(before.mine);
    readSide.start();
    await appendInterleaved(store, random, dossierHistories(random, 80, 30));
    await readSide.whenIdle();
    const grown = await page(readSide.dossiers, {
      actor: caseManager,
      sort: { by: 'transmitted', direction: 'asc' },
    });
    expect(grown.total).toBeGreaterThan(before.all.total);

    // A rebuild wipes the tables and replays the whole history: same answers.
    const live = {
      mine: await page(readSide.brouillons, { actor: employer, sort: { by: 'updated', direction: 'desc' } }),
      all: await page(readSide.dossiers, { actor: caseManager, page: 2 }),
    };
    await readSide.rebuild();
    await readSide.whenIdle();
    expect(
      await page(readSide.brouillons, { actor: employer, sort: { by: 'updated', direction: 'desc' } }),
    ).toEqual(live.mine);
    expect(await page(readSide.dossiers, { actor: caseManager, page: 2 })).toEqual(live.all);
    await readSide.stop();
  });

  it('bounds hostile list requests before SQLite sees them, and answers those at the bounds', async () => {
    const random = seededRandom(37);
    await appendInterleaved(store, random, dossierHistories(random, 0, 30));
    const readSide = readSideOn(store);
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
