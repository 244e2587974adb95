import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Read commands never change a database that is not theirs (issue 13, item 7): another
// application's SQLite file or PostgreSQL schema is refused, and left exactly as it was.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PostgresEventStore } from '@cartes-badges/postgres';
import { createPostgresEventStore } from '@cartes-badges/postgres';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { filesOf } from '../test-support/database-files';
import { cli } from '../test-support/spawn-cli';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-foreign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a SQLite file of another application', () => {
  it(
    'every read command refuses it (exit 3, one clear line), creates no table and leaves the file unchanged',
    async () => {
      const file = path.join(dir, 'crm.db');
      // Another application's file, made through a private in-memory connection that attaches it.
      const maker = createSqliteEventStore({ path: ':memory:' });
      maker.database.exec(
        `ATTACH DATABASE '${file}' AS crm; CREATE TABLE crm.clients (id INTEGER PRIMARY KEY, nom TEXT);
       INSERT INTO crm.clients (nom) VALUES ('Dupont'); DETACH DATABASE crm`,
      );
      await maker.close();
      const before = filesOf(file);
      const store = `sqlite:${file}`;
      const runs = await Promise.all([
        cli(['verify', '--store', store]),
        cli(['digest', '--store', store]),
        cli(['history', '10001', '--store', store]),
        cli(['show', '10001', '--store', store]),
        cli(['dossiers', '--store', store]),
        cli(['rebuild', 'all', '--store', store]),
        cli(['export', 'events', '--out', path.join(dir, 'out.ndjson'), '--store', store]),
      ]);
      for (const run of runs) {
        expect([run.code, run.stdout]).toEqual([3, '']);
        expect(run.stderr).toBe(
          `cartes-badges: ${file} n'est pas une base d'événements cartes-badges (no events and schema_migrations tables) : rien n'y a été écrit ; vérifiez --store\n`,
        );
      }
      expect(filesOf(file)).toEqual(before);
    },
    scaledTimeout(240_000),
  );
});

describe('PostgreSQL schema names and foreign schemas (a missing server fails this test)', () => {
  const foreign = `cli_foreign_${process.pid}_${randomBytes(3).toString('hex')}`;
  const empty = `${foreign}_empty`;
  let client: PostgresEventStore['pool'];
  let admin: PostgresEventStore;

  beforeAll(async () => {
    // A connection pool only: this store's own schema is never created (migrate: false).
    admin = await createPostgresEventStore({ connectionString: PG_URL, schema: empty, migrate: false });
    client = admin.pool;
    await client.query(`CREATE SCHEMA ${foreign}; CREATE TABLE ${foreign}.events (id integer, title text)`);
    await client.query(`CREATE SCHEMA ${empty}`);
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${foreign} CASCADE; DROP SCHEMA IF EXISTS ${empty} CASCADE`);
    await admin.close();
  });

  const tablesOf = async (schema: string): Promise<string[]> =>
    (
      await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      )
    ).rows.map((row: { name: string }) => row.name);

  it(
    'a reserved or malformed ?schema= is a usage error (exit 2), for read and write commands alike',
    async () => {
      const url = (schema: string) => `${PG_URL}?schema=${encodeURIComponent(schema)}`;
      const [infoSchema, catalog, publicDemo, badName] = await Promise.all([
        cli(['verify', '--store', url('information_schema')]),
        cli(['dossiers', '--store', url('pg_catalog')]),
        cli(['demo', '--dossiers', '1', '--store', url('public')]),
        cli(['verify', '--store', url('Bad-Name')]),
      ]);
      for (const [run, schema] of [
        [infoSchema, 'information_schema'],
        [catalog, 'pg_catalog'],
        [publicDemo, 'public'],
      ] as const) {
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`schéma « ${schema} » refusé (schema "${schema}" is reserved`);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect(badName.code).toBe(2);
      expect(badName.stderr).toMatch(/schéma « Bad-Name » refusé \(schema must be 1 to 48 characters/);
    },
    scaledTimeout(240_000),
  );

  it(
    'a schema holding another application’s events table, or nothing, is refused (exit 3) and left as it was',
    async () => {
      const [other, none] = await Promise.all([
        cli(['verify', '--store', `${PG_URL}?schema=${foreign}`]),
        cli(['history', '10001', '--store', `${PG_URL}?schema=${empty}`]),
      ]);
      expect(other.code).toBe(3);
      expect(other.stderr).toMatch(
        new RegExp(
          `^cartes-badges: Le schéma ${foreign} .* n'est pas une base d'événements cartes-badges \\(colonnes absentes : events\\.global_position, events\\.stream_id`,
        ),
      );
      expect(none.code).toBe(3);
      expect(none.stderr).toMatch(/^cartes-badges: Aucune base d'événements dans /);
      expect(await tablesOf(foreign)).toEqual(['events']);
      expect(await tablesOf(empty)).toEqual([]);
    },
    scaledTimeout(240_000),
  );
});
