import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runRowProjectionSuite } from '../../../../test/row-projections/row-projection-suite';
import { createSqliteEventStore, type SqliteEventStore } from '../sqlite-store';
import { createSqliteRowProjection, openSqliteRowProjection } from './sqlite-row-projection';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

runRowProjectionSuite('SQLite', {
  async store() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-row-projection-'));
    dirs.push(dir);
    return createSqliteEventStore({ path: path.join(dir, 'events.db'), synchronous: 'normal' });
  },
  table: async (store, definition) => createSqliteRowProjection(store as SqliteEventStore, definition),
  readOnlyTable: async (store, definition) =>
    openSqliteRowProjection((store as SqliteEventStore).database.name, definition, { readOnly: true }),
  tableNames: async (store) =>
    (
      (store as SqliteEventStore).database
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
        .all() as { name: string }[]
    ).map((t) => t.name),
  workerArgs: (store) => [(store as SqliteEventStore).database.name],
  worker: path.join(__dirname, '__tests__', 'row-projection-worker.ts'),
});
