import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSqliteEventStore, type SqliteEventStore } from '../sqlite-store';
import { readSideWiringContract } from '../../../../test/read-models/read-side-wiring-contract';
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

describe('createReadSide over SQLite list read models', () => {
  readSideWiringContract({
    store: () => store,
    readModels: async (on) => ({
      brouillons: createSqliteListReadModel(on as SqliteEventStore, { list: 'brouillons' }),
      dossiers: createSqliteListReadModel(on as SqliteEventStore, { list: 'dossiers' }),
    }),
    // The process ends: the file is closed, then opened again.
    restart: async () => {
      await store.close();
      return (store = open());
    },
    dossiers: [80, 30],
  });
});
