// `cartes-badges export rows <module> --from …` spawned as a process (the module loads through
// tsx's ESM loader, which jest's VM cannot host): it reads a table that `project --into` built,
// and refuses, writing nothing, a database where the projection never ran.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { foldRows } from '@cartes-badges/eventsourcing';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { projection } from '../../../../examples/analyst/src/projections/dossier-rows';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { filesOf } from '../test-support/database-files';
import { openDossierSqlite } from '../test-support/protected-store';
import { dropPostgresSchema, postgresSchemaExists, TEST_POSTGRES } from '../test-support/postgres-schema';
import { cli } from '../test-support/run-cli';
import { cli as spawnCli, REPO_ROOT, SPAWN_TIMEOUT } from '../test-support/spawn-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-export-rows-'));
const eventsFile = path.join(dir, 'events.db');
const store = `sqlite:${eventsFile}`;
const moduleFile = path.join(REPO_ROOT, 'examples/analyst/src/projections/dossier-rows.ts');
const schema = `cb_export_rows_${process.pid}_${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '6', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
}, SPAWN_TIMEOUT);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropPostgresSchema(schema);
});

describe('cartes-badges export rows', () => {
  it(
    'refuses a database where the projection never ran (exit 3, one French line) and writes nothing: SQLite file, missing file, PostgreSQL schema (a missing server fails this test)',
    async () => {
      const before = filesOf(eventsFile);
      const missing = path.join(dir, 'absent.db');
      const exportFrom = (from: string) =>
        spawnCli(['export', 'rows', moduleFile, '--from', from, '--format', 'csv', '--store', store]);
      const [inStore, absent, inPostgres] = await Promise.all([
        exportFrom(store),
        exportFrom(`sqlite:${missing}`),
        exportFrom(`${TEST_POSTGRES}?schema=${schema}`),
      ]);
      expect([inStore.code, inStore.stdout]).toEqual([3, '']);
      expect(inStore.stderr).toBe(
        `cartes-badges: Pas de table rows_dossiers_analyse à la version 1 dans sqlite:${eventsFile} (la projection n'y a jamais été lancée) : rien n'a été écrit ; lancez d'abord cartes-badges project ${moduleFile} --into sqlite:${eventsFile}\n`,
      );
      // A reader of a WAL database recreates its -wal and -shm files (empty); the database is unchanged.
      expect(filesOf(eventsFile)['events.db']).toEqual(before['events.db']);
      const check = createSqliteEventStore({ path: eventsFile, ...dossierStoreOptions, readOnly: true });
      const tables = check.database
        .prepare(
          `SELECT name FROM sqlite_master WHERE name = 'row_projection_checkpoints' OR name LIKE 'rows_%'`,
        )
        .all();
      await check.close();
      expect(tables).toEqual([]);
      expect([absent.code, absent.stdout]).toEqual([3, '']);
      expect(absent.stderr).toBe(`cartes-badges: Pas de base SQLite ${missing} : rien n'a été écrit\n`);
      expect(fs.existsSync(missing)).toBe(false);
      expect([inPostgres.code, inPostgres.stdout]).toEqual([3, '']);
      expect(inPostgres.stderr).toMatch(
        /^cartes-badges: Pas de table rows_dossiers_analyse à la version 1 dans postgres:.* \(la projection n'y a jamais été lancée\) : rien n'a été écrit ; lancez d'abord cartes-badges project .* --into postgres:.*\n$/,
      );
      expect(await postgresSchemaExists(schema)).toBe(false);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exports the table that project --into built: the key then its columns, one line per row of the fold',
    async () => {
      const into = `sqlite:${path.join(dir, 'analyses.db')}`;
      const projected = await spawnCli(['project', moduleFile, '--into', into, '--store', store]);
      expect(projected.code).toBe(0);
      const exported = await spawnCli(['export', 'rows', moduleFile, '--from', into, '--format', 'ndjson']);
      expect(exported.code).toBe(0);
      const events = openDossierSqlite(eventsFile);
      const all: RecordedEvent[] = [];
      for await (const event of events.readAll({ filter: projection.filter })) all.push(event);
      await events.close();
      const expected = foldRows(projection, all as never);
      const lines = exported.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((l) => l.dossier_id)).toEqual([...expected.keys()].sort());
      expect(lines.map(({ dossier_id, ...row }) => [dossier_id, row])).toEqual(
        [...expected].sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      expect(exported.stderr).toContain(`${expected.size} lignes de rows_dossiers_analyse`);
    },
    SPAWN_TIMEOUT,
  );
});
