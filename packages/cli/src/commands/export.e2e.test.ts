import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// `cartes-badges export events` spawned as a process on a demo SQLite file: what a user types.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-export-'));
const store = `sqlite:${path.join(dir, 'events.db')}`;
const parts = `${path.join(dir, 'parts')}/`;

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '5', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
}, scaledTimeout(120_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges export events', () => {
  it(
    'writes a Parquet part into a folder, then nothing when no event was appended',
    async () => {
      const first = await cli(['export', 'events', '--out', parts, '--format', 'parquet', '--store', store]);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/événements .* écrits dans .*events-from-start\.parquet/);
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        `SELECT count(*) AS n, count(DISTINCT stream_id) AS streams, max(global_position) AS last FROM read_parquet('${parts}*.parquet')`,
      );
      const [row] = reader.getRowObjects() as { n: bigint; streams: bigint; last: bigint }[];
      connection.closeSync();
      instance.closeSync();
      const state = JSON.parse(fs.readFileSync(`${parts}export-state.json`, 'utf8')) as { position: string };
      expect(row.n).toBe(BigInt(state.position)); // the demo's positions run 1..n
      expect(row.streams).toBeGreaterThan(5n);

      const again = await cli(['export', 'events', '--out', parts, '--format', 'parquet', '--store', store]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('Aucun nouvel événement');
      expect(fs.readdirSync(parts).sort()).toEqual(['events-from-start.parquet', 'export-state.json']);
    },
    scaledTimeout(60_000),
  );

  it(
    'refuses bad arguments with exit 2 and a state of another filter with exit 5, writing nothing',
    async () => {
      const [noOut, badSince, otherFilter] = await Promise.all([
        cli(['export', 'events', '--format', 'parquet', '--store', store]),
        cli(['export', 'events', '--since', '-1', '--store', store]),
        cli(['export', 'events', '--out', `${dir}/other/`, '--type', 'Transmitted', '--store', store]).then(
          () => cli(['export', 'events', '--out', `${dir}/other/`, '--store', store]),
        ),
      ]);
      expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('--out')]);
      expect([badSince.code, badSince.stderr]).toEqual([2, expect.stringContaining('--since')]);
      expect([otherFilter.code, otherFilter.stderr]).toEqual([5, expect.stringContaining('filtre')]);
      expect(fs.readdirSync(`${dir}/other`).sort()).toEqual([
        'events-from-start.ndjson',
        'export-state.json',
      ]);
    },
    scaledTimeout(60_000),
  );
});

describe('cartes-badges export events --since past the store', () => {
  it('exports nothing after a position past what SQLite holds (2^63 and more), instead of a driver error (exit 10)', async () => {
    for (const since of ['9223372036854775807', '9223372036854775808', '9999999999999999999']) {
      const run = await cli(['export', 'events', '--since', since, '--store', store]);
      expect([run.code, run.stdout]).toEqual([0, '']);
      expect(run.stderr).toMatch(/^0 événements en/m);
    }
  });
});

describe('cartes-badges export lists', () => {
  interface ListJson {
    readonly total: number;
    readonly rows: readonly { readonly number: string; readonly state: string }[];
  }

  it(
    'writes every row of a list as the portal lists it (unscoped, by number): Parquet read back by DuckDB, CSV to standard output',
    async () => {
      const dossiers = JSON.parse((await cli(['dossiers', '--json', '--store', store])).stdout) as ListJson;
      const brouillons = JSON.parse(
        (await cli(['brouillons', '--json', '--store', store])).stdout,
      ) as ListJson;
      // The demo's lists fit on one page here, so the JSON holds every row.
      expect(dossiers.total).toBe(dossiers.rows.length);
      expect(brouillons.total).toBe(brouillons.rows.length);
      expect(dossiers.total).toBeGreaterThan(0);

      const file = path.join(dir, 'dossiers.parquet');
      const parquet = await cli([
        'export',
        'lists',
        'dossiers',
        '--format',
        'parquet',
        '--out',
        file,
        '--store',
        store,
      ]);
      expect([parquet.code, parquet.stdout]).toEqual([0, '']);
      expect(parquet.stderr).toContain(`${dossiers.total} lignes de la liste dossiers écrites dans ${file}`);
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        `SELECT number, state, typeof(created_at) AS created, typeof(total_cents) AS total, typeof(presaisie_accepted) AS accepted
         FROM read_parquet('${file}') ORDER BY number`,
      );
      const read = reader.getRowObjects();
      connection.closeSync();
      instance.closeSync();
      expect(read).toEqual(
        [...dossiers.rows]
          .sort((a, b) => (a.number < b.number ? -1 : 1))
          .map((r) => ({
            number: r.number,
            state: r.state,
            created: 'TIMESTAMP WITH TIME ZONE',
            total: 'BIGINT',
            accepted: 'BOOLEAN',
          })),
      );

      const csv = await cli(['export', 'lists', 'brouillons', '--format', 'csv', '--store', store]);
      expect(csv.code).toBe(0);
      const [header, ...lines] = csv.stdout.trim().split(/\r?\n/);
      expect(header.split(',').slice(0, 4)).toEqual([
        'dossier_id',
        'number',
        'draft_number',
        'dossier_number',
      ]);
      expect(lines).toHaveLength(brouillons.total);
      expect(lines.map((line) => line.split(',')[1]).sort()).toEqual(
        brouillons.rows.map((r) => r.number).sort(),
      );
    },
    scaledTimeout(120_000),
  );

  it('refuses a list that does not exist and Parquet without --out (exit 2)', async () => {
    const unknown = await cli(['export', 'lists', 'archives', '--store', store]);
    const noOut = await cli(['export', 'lists', 'dossiers', '--format', 'parquet', '--store', store]);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toMatch(/^cartes-badges: .*archives.*brouillons, dossiers/);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('--out')]);
  });
});
