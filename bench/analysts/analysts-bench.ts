// What an analyst waits for, measured in one run on one store:
// - exporting N events to Parquet (`exportEvents`, what `cartes-badges export events` runs: read
//   every event decoded for the domain, one row each, DuckDB writes the file), beside DuckDB's own
//   COPY of the same rows from NDJSON to Parquet (no event store, no JavaScript per row): the ceiling;
// - a durable row projection (examples/analyst dossier-rows) rebuilt into its SQLite and
//   PostgreSQL table, beside both lists rebuilt into theirs, from the same events.
// Run from the repository root (bounded: one pass of each, nothing repeated):
//   npx tsx bench/analysts/analysts-bench.ts [events for the export, default 1000000] [dossiers for the projections, default 10000]
// (PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; scratch schemas, dropped.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventStore, EventToAppend } from '@cartes-badges/eventsourcing';
import { rowProjectionRunnable, runProjectionOnce } from '@cartes-badges/eventsourcing';
import type { ListName, ListReadModel } from '@cartes-badges/domain';
import { brouillonsProjection, dossiersProjection, dossierStoreOptions } from '@cartes-badges/domain';
import { generateCompanies, generateProviders, seededRandom } from '@cartes-badges/domain/fixtures';
import { createPostgresEventStore, createPostgresRowProjection } from '@cartes-badges/postgres';
import { createPostgresListReadModel } from '@cartes-badges/postgres/lists';
import { createSqliteEventStore, createSqliteRowProjection } from '@cartes-badges/sqlite';
import { createSqliteListReadModel } from '@cartes-badges/sqlite/lists';
import { exportEvents } from '@cartes-badges/cli';
import { duckdb } from '../../packages/cli/src/export/duckdb-module';
import { DUCKDB_TYPE } from '../../packages/cli/src/export/table-columns';
import { EVENT_COLUMNS } from '../../packages/cli/src/export/event-table';
import { projection as dossierRows } from '../../examples/analyst/src/projections/dossier-rows';
import { dossierEvents } from '../lists/list-events';
import { rebuildBothLists } from '../lists/rebuild-both-lists';

const EXPORT_EVENTS = Number(process.argv[2] ?? 1_000_000);
const PROJECTION_DOSSIERS = Number(process.argv[3] ?? 10_000);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const rate = (events: number, ms: number): string =>
  `${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s`;
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
};

/**
 * Appends the lists benchmark's dossiers (realistic short lives, 3.4 events each on average), one
 * stream per append, until `dossiers` are written or `events` reached; gives the event count.
 */
async function fill(store: EventStore, dossiers: number, events = Infinity): Promise<number> {
  const workload = {
    companies: generateCompanies(Math.max(1, Math.ceil(Math.min(dossiers, events / 3) / 100)), 42),
    providers: generateProviders(50, 42),
    random: seededRandom(7),
  };
  let appended = 0;
  for (let n = 0; n < dossiers && appended < events; n++) {
    const history = dossierEvents(workload, n);
    const toAppend = history.map(
      (e) =>
        ({ type: e.type, data: e.data, metadata: { occurredAt: e.metadata.occurredAt } }) as EventToAppend,
    );
    await store.appendToStream(history[0].streamId, toAppend, { expectedVersion: 'no_stream' });
    appended += history.length;
  }
  return appended;
}

async function exportBench(dir: string): Promise<void> {
  const file = path.join(dir, 'events.db');
  const writer = createSqliteEventStore({ path: file, synchronous: 'normal' });
  const [events, appendMs] = await timed(() => fill(writer, Infinity, EXPORT_EVENTS));
  await writer.close();
  console.log(`export: appended ${events.toLocaleString('en')} events in ${Math.round(appendMs)} ms`);
  // Read as the CLI reads: decoded and upcast for the domain.
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  try {
    const [parquet, parquetMs] = await timed(() =>
      exportEvents(store, { format: 'parquet', out: path.join(dir, 'events.parquet') }),
    );
    console.log(
      `export: Parquet (exportEvents) ${parquet.events.toLocaleString('en')} events in ${Math.round(parquetMs)} ms, ${rate(parquet.events, parquetMs)}, ${(fs.statSync(path.join(dir, 'events.parquet')).size / 1e6).toFixed(1)} MB`,
    );
    const [ndjson, ndjsonMs] = await timed(() =>
      exportEvents(store, { format: 'ndjson', out: path.join(dir, 'events.ndjson') }),
    );
    console.log(
      `export: NDJSON (exportEvents) ${ndjson.events.toLocaleString('en')} events in ${Math.round(ndjsonMs)} ms, ${rate(ndjson.events, ndjsonMs)}, ${(fs.statSync(path.join(dir, 'events.ndjson')).size / 1e6).toFixed(1)} MB`,
    );
    const [csv, csvMs] = await timed(() =>
      exportEvents(store, { format: 'csv', out: path.join(dir, 'events.csv') }),
    );
    console.log(
      `export: CSV (exportEvents) ${csv.events.toLocaleString('en')} events in ${Math.round(csvMs)} ms, ${rate(csv.events, csvMs)}`,
    );
  } finally {
    await store.close();
  }
  // The ceiling: DuckDB alone turning the same rows (the NDJSON file) into the same Parquet.
  const instance = await duckdb().DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = EVENT_COLUMNS.map((c) => `'${c.name}': '${DUCKDB_TYPE[c.type]}'`).join(', ');
    const [, copyMs] = await timed(() =>
      connection.run(
        `COPY (SELECT * FROM read_json('${path.join(dir, 'events.ndjson')}', format = 'newline_delimited', columns = {${columns}}))
         TO '${path.join(dir, 'ceiling.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
      ),
    );
    const count = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet('${path.join(dir, 'ceiling.parquet')}')`,
    );
    const n = Number((count.getRowObjects()[0] as { n: bigint }).n);
    console.log(
      `export: DuckDB COPY NDJSON -> Parquet (ceiling) ${n.toLocaleString('en')} events in ${Math.round(copyMs)} ms, ${rate(n, copyMs)}`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

interface Engine {
  readonly name: string;
  readonly store: EventStore;
  rowTable():
    | ReturnType<typeof createSqliteRowProjection>
    | Promise<ReturnType<typeof createSqliteRowProjection>>;
  listModel(list: ListName): Promise<ListReadModel>;
}

async function projectionBench(engine: Engine): Promise<void> {
  const [events, appendMs] = await timed(() => fill(engine.store, PROJECTION_DOSSIERS));
  console.log(
    `${engine.name}: appended ${events.toLocaleString('en')} events (${PROJECTION_DOSSIERS} dossiers) in ${Math.round(appendMs)} ms`,
  );
  const table = await engine.rowTable();
  await table.reset(dossierRows.version);
  const [rows, rowsMs] = await timed(() =>
    runProjectionOnce(engine.store, rowProjectionRunnable(dossierRows, table), { batchSize: 1000 }),
  );
  console.log(
    `${engine.name}: row projection dossier-rows rebuilt: ${rows.eventsProcessed.toLocaleString('en')} events in ${Math.round(rowsMs)} ms, ${rate(rows.eventsProcessed, rowsMs)} (${(await table.rows()).size} rows)`,
  );
  const brouillons = await engine.listModel('brouillons');
  const dossiers = await engine.listModel('dossiers');
  await brouillons.reset(brouillonsProjection.version);
  await dossiers.reset(dossiersProjection.version);
  const [lists, listsMs] = await timed(() => rebuildBothLists(engine.store, brouillons, dossiers));
  console.log(
    `${engine.name}: both lists rebuilt: ${lists.eventsProcessed.toLocaleString('en')} events in ${Math.round(listsMs)} ms, ${rate(lists.eventsProcessed, listsMs)}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-analysts-bench-'));
  try {
    if (EXPORT_EVENTS > 0) await exportBench(dir);
    if (PROJECTION_DOSSIERS > 0) {
      const sqlite = createSqliteEventStore({
        path: path.join(dir, 'projections.db'),
        ...dossierStoreOptions,
      });
      await projectionBench({
        name: 'sqlite',
        store: sqlite,
        rowTable: () => createSqliteRowProjection(sqlite, dossierRows),
        listModel: async (list) => createSqliteListReadModel(sqlite, { list }),
      }).finally(() => sqlite.close());
      const schema = `analysts_bench_${Date.now()}`;
      const pg = await createPostgresEventStore({
        connectionString: DATABASE_URL,
        schema,
        ...dossierStoreOptions,
      });
      try {
        await projectionBench({
          name: 'postgres',
          store: pg,
          rowTable: () => createPostgresRowProjection(pg, dossierRows),
          listModel: (list) => createPostgresListReadModel(pg, { list }),
        });
      } finally {
        await pg.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await pg.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
