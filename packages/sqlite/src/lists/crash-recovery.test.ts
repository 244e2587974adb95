import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { startProjection, type Runnable } from '@cartes-badges/eventsourcing';
import { LIST_PROJECTIONS, type ListName } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { listsRunnable } from '@cartes-badges/lists';
import { createSqliteEventStore, type SqliteEventStore } from '../sqlite-store';
import { appendInterleaved, dossierHistories } from '../../../../test/read-models/list-events';
import { expectSameList, listAt } from '../../../../test/read-models/list-comparison';
import { createSqliteListReadModel } from './sqlite-list-read-model';
import { expectRecoveryAfterEachCrash } from '../../../../test/read-models/list-crash-recovery';
import { runKillableWorker } from '../../../../test/support/killable-worker';

const worker = path.join(__dirname, '__tests__', 'projection-worker.ts');

// Runs the projection in another process; resolves with whether it was killed.
const runWorker = (file: string, list: ListName, killAt: number): Promise<'killed' | 'finished'> =>
  runKillableWorker(worker, [file, list, String(killAt)]);

let dir: string;
let store: SqliteEventStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-crash-'));
  store = createSqliteEventStore({ path: path.join(dir, 'events.db'), synchronous: 'normal' });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Makes the Nth checkpoint writes (counted in this process, so a rollback does not undo the
 * count) fail inside the commit's transaction, after the batch's rows are written: the runner
 * stops there, as if the process had died between writing the rows and committing.
 */
function crashOnCheckpointWrites(
  db: Database.Database,
  crashAt: ReadonlySet<number>,
): { crashes: () => number } {
  let writes = 0;
  let crashes = 0;
  db.function('simulated_crash_due', () => {
    writes += 1;
    if (!crashAt.has(writes)) return 0;
    crashes += 1;
    return 1;
  });
  // Every checkpoint write is an INSERT ... ON CONFLICT DO UPDATE, whose BEFORE INSERT trigger
  // fires once per write, whether it then inserts or updates.
  db.exec(`
    CREATE TEMP TRIGGER crash_on_checkpoint BEFORE INSERT ON main.list_checkpoints
    WHEN NEW.position IS NOT NULL AND simulated_crash_due() = 1
    BEGIN SELECT RAISE(ABORT, 'simulated crash between two batches'); END`);
  return { crashes: () => crashes };
}

/** Runs a projection until it has caught up ('idle') or a simulated crash stopped it ('crashed'). */
async function runUntilIdleOrCrash(store: SqliteEventStore, runnable: Runnable): Promise<'idle' | 'crashed'> {
  const runner = startProjection(store, runnable, { batchSize: 40 });
  try {
    await runner.whenIdle();
    return 'idle';
  } catch (error) {
    expect((error as Error).message).toMatch(/simulated crash/);
    return 'crashed';
  } finally {
    await runner.stop();
  }
}

describe('SQLite list read model after a crash between two batches', () => {
  it.each<ListName>(['brouillons', 'dossiers'])(
    '%s: rows and checkpoint always agree, and the list restarted after each crash equals one rebuilt from scratch',
    async (list) => {
      let fault: { crashes: () => number } | undefined;
      let otherFile: Database.Database | undefined;
      try {
        const failures = await expectRecoveryAfterEachCrash({
          store,
          list,
          seed: list === 'brouillons' ? 101 : 202,
          dossiers: [120, 40],
          crashingModel: async () => {
            const model = createSqliteListReadModel(store, { list });
            fault = crashOnCheckpointWrites(store.database, new Set([3, 6, 7, 11]));
            return model;
          },
          emptyModelElsewhere: async () => {
            otherFile = new Database(path.join(dir, 'rebuilt.db'));
            return createSqliteListReadModel(otherFile, { list });
          },
        });
        expect(failures.filter((m) => /simulated crash/.test(m))).toHaveLength(4);
        expect(failures).toHaveLength(4);
        expect(fault?.crashes()).toBe(4);
      } finally {
        otherFile?.close();
      }
    },
  );

  it("both lists on one runner: a crash between the two lists' commits leaves one list ahead, and the restart brings both to the full fold", async () => {
    const random = seededRandom(303);
    const histories = dossierHistories(random, 0, 150);
    const ids = histories.map((h) => h.dossierId);
    await appendInterleaved(store, random, histories);
    const models = {
      brouillons: createSqliteListReadModel(store, { list: 'brouillons' }),
      dossiers: createSqliteListReadModel(store, { list: 'dossiers' }),
    };
    const lists = listsRunnable([
      { projection: LIST_PROJECTIONS.brouillons, readModel: models.brouillons },
      { projection: LIST_PROJECTIONS.dossiers, readModel: models.dossiers },
    ]);
    // Each batch writes Brouillons' checkpoint, then Dossiers' (a list that is behind writes
    // alone): a failing write of Dossiers' leaves Brouillons one batch ahead.
    const fault = crashOnCheckpointWrites(store.database, new Set([4, 7, 10]));
    let apart = 0;
    for (;;) {
      if ((await runUntilIdleOrCrash(store, lists)) === 'idle') break;
      // Each list is exactly the fold up to its own checkpoint, whichever of the two went first.
      const checkpoints = {
        brouillons: await models.brouillons.readCheckpoint(),
        dossiers: await models.dossiers.readCheckpoint(),
      };
      if (checkpoints.brouillons?.position !== checkpoints.dossiers?.position) apart += 1;
      for (const list of ['brouillons', 'dossiers'] as const)
        await expectSameList(
          models[list],
          await listAt(store, LIST_PROJECTIONS[list], checkpoints[list]?.position),
          ids,
          { queries: 5 },
        );
    }
    expect(fault.crashes()).toBe(3);
    expect(apart).toBeGreaterThan(0);
    for (const list of ['brouillons', 'dossiers'] as const)
      await expectSameList(models[list], await listAt(store, LIST_PROJECTIONS[list], undefined), ids, {
        checkpoint: false,
        queries: 20,
      });
    expect(await models.brouillons.readCheckpoint()).toEqual(await models.dossiers.readCheckpoint());
  });

  it(
    'a process killed (SIGKILL) inside the commit of a batch leaves the previous batch, and the restart catches up',
    async () => {
      const list: ListName = 'dossiers';
      const projection = LIST_PROJECTIONS[list];
      const random = seededRandom(505);
      const histories = dossierHistories(random, 0, 100);
      const ids = histories.map((h) => h.dossierId);
      await appendInterleaved(store, random, histories);
      const file = path.join(dir, 'events.db');

      expect(await runWorker(file, list, 4)).toBe('killed');
      const model = createSqliteListReadModel(store, { list });
      const checkpoint = await model.readCheckpoint();
      // Three batches of 40 committed; the fourth died with its rows written but not committed.
      const positions: bigint[] = [];
      for await (const event of store.readAll({ filter: projection.filter }))
        positions.push(event.globalPosition);
      expect(checkpoint).toEqual({ position: positions[119], version: projection.version });
      await expectSameList(model, await listAt(store, projection, checkpoint?.position), ids, {
        queries: 10,
      });

      expect(await runWorker(file, list, 0)).toBe('finished');
      expect(await model.readCheckpoint()).toEqual({
        position: positions[positions.length - 1],
        version: projection.version,
      });
      await expectSameList(model, await listAt(store, projection, undefined), ids, {
        checkpoint: false,
        queries: 20,
      });
    },
    scaledTimeout(60_000),
  );
});
