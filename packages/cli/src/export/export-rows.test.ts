import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInMemoryEventStore, foldRows } from '@cartes-badges/eventsourcing';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  accountsProjection,
  allEvents,
  appendAccountEvents,
} from '../../../../test/row-projections/sample-row-projection';
import { exportRows } from './export-rows';

describe('exportRows', () => {
  it("writes a row projection's table to Parquet with its column types; DuckDB reads back every row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-rows-'));
    try {
      const store = createInMemoryEventStore();
      await appendAccountEvents(store, 400);
      const definition = accountsProjection();
      const rows = foldRows(definition, await allEvents(store));
      const file = path.join(dir, 'accounts.parquet');
      expect(await exportRows({ rows: async () => rows }, definition, { format: 'parquet', out: file })).toBe(
        rows.size,
      );
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        `SELECT account_id, owner, balance_cents, large, epoch_ms(last_deposit_at) AS last_ms, CAST(tags AS VARCHAR) AS tags
         FROM read_parquet('${file}') ORDER BY account_id`,
      );
      const read = reader.getRowObjects();
      connection.closeSync();
      instance.closeSync();
      const expected = [...rows].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(read).toEqual(
        expected.map(([key, row]) => ({
          account_id: key,
          owner: row.owner,
          balance_cents: BigInt(row.balance_cents),
          large: row.large,
          last_ms: row.last_deposit_at === null ? null : BigInt(Date.parse(row.last_deposit_at)),
          tags: row.tags === null ? null : JSON.stringify(row.tags),
        })),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
