import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteEventStore, type SqliteEventStore } from '../sqlite-store';
import { schemaVersion } from '../migrations';
import { listReadModelContract } from '../../../../test/read-models/list-read-model-contract';
import { randomRow } from '../../../../test/read-models/random-list-rows';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createSqliteListReadModel } from './sqlite-list-read-model';
import { READ_MODELS_COMPONENT, listTableOf } from '@cartes-badges/domain/adapter';

let dir: string;
let store: SqliteEventStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-lists-'));
  store = createSqliteEventStore({ path: path.join(dir, 'events.db'), synchronous: 'normal' });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite list read model', () => {
  listReadModelContract({
    list: async (list) => createSqliteListReadModel(store, { list }),
    // One by the store, one by its database handle: both hosts open the same tables.
    bothLists: async () => ({
      brouillons: createSqliteListReadModel(store, { list: 'brouillons' }),
      dossiers: createSqliteListReadModel(store.database, { list: 'dossiers' }),
    }),
    namesItsList: true,
    parity: { seeds: [11, 12], commits: 60, queriesPerCommit: 40 },
    queryIndexes: {
      open: async (list) => {
        const indexes = (): Promise<string[]> =>
          Promise.resolve(
            store.database
              .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
              )
              .pluck()
              .all(listTableOf(list)) as string[],
          );
        return {
          model: createSqliteListReadModel(store, { list }),
          indexes,
          // The process died between dropping the indexes and building them again.
          killedWhileRebuilding: async () => {
            store.database.exec(
              `DROP INDEX ${listTableOf(list)}_siret; DROP INDEX ${listTableOf(list)}_number;`,
            );
          },
          reopen: async () => {
            createSqliteListReadModel(store, { list });
          },
        };
      },
      // The primary key of a WITHOUT ROWID table is the table itself.
      keptWhileRebuilding: () => [],
    },
  });

  it('keeps rows and checkpoint across a reopening of the file, and migrates once', async () => {
    const file = path.join(dir, 'events.db');
    const row = randomRow(seededRandom(2), 'd2');
    await createSqliteListReadModel(store, { list: 'dossiers' }).commit([{ op: 'upsert', row }], {
      position: 7n,
      version: 1,
    });
    await store.close();
    const reopened = new Database(file);
    try {
      const model = createSqliteListReadModel(reopened, { list: 'dossiers' });
      expect(await model.readCheckpoint()).toEqual({ position: 7n, version: 1 });
      expect((await model.getRows(['d2'])).get('d2')).toEqual(row);
      expect(schemaVersion(reopened, READ_MODELS_COMPONENT)).toBe(1);
      const steps = reopened
        .prepare('SELECT COUNT(*) FROM schema_migrations WHERE component = ?')
        .pluck()
        .get(READ_MODELS_COMPONENT);
      expect(steps).toBe(1);
    } finally {
      reopened.close();
      store = createSqliteEventStore({ path: file });
    }
  });

  it("reads a company's first page through its index, in order, without sorting", () => {
    createSqliteListReadModel(store, { list: 'dossiers' });
    const plan = (where: string): string =>
      store.database
        .prepare(
          `EXPLAIN QUERY PLAN SELECT row_json FROM list_rows_dossiers WHERE ${where} ORDER BY number_key DESC, dossier_id DESC LIMIT 20`,
        )
        .all()
        .map((step) => (step as { detail: string }).detail)
        .join(' | ');
    const employer = plan("listed = 1 AND status <> 'removed' AND siret IN ('40123456700011')");
    expect(employer).toMatch(/USING INDEX list_rows_dossiers_siret/);
    expect(employer).not.toMatch(/TEMP B-TREE/);
    expect(plan("listed = 1 AND provider_siren = '821234567'")).toMatch(
      /USING INDEX list_rows_dossiers_provider/,
    );
  });
});
