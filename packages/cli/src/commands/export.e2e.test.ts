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
