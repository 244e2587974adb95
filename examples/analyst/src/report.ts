// An analyst's report in one command: export every event to Parquet (incremental), run the DuckDB
// queries of docs/analysts.md, print their tables and draw transmissions per month by card type.
//   npx --yes pnpm@10.34.9 --filter @cartes-badges/example-analyst report [folder]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { exportEvents, renderTable, runDemo } from '@cartes-badges/cli';
import { openAnalystSession, type ResultRow } from './duckdb-session';
import { QUERIES, type QueryName } from './queries';
import { stackedBarChart } from './svg-chart';

const TITLES: Readonly<Record<QueryName, string>> = {
  'transmissions-per-month': 'Transmissions par mois et dispositif',
  'asked-vs-granted': 'Montant demandé et accordé, par dispositif (dossiers accordés)',
  'days-to-transmission': 'Jours de la création à la transmission, par dispositif',
  'presaisies-refused-per-provider': 'Pré-saisies refusées, par prestataire',
  'waiting-for-complements': 'Dossiers en attente de compléments',
};

/** The chart's file name in the report's folder. */
export const CHART_FILE = 'transmissions-par-mois.svg';

const table = (rows: readonly ResultRow[]): string =>
  rows.length === 0
    ? '(aucune ligne)'
    : renderTable(
        Object.keys(rows[0]).map((heading) => ({
          heading,
          cell: (row: ResultRow) => (row[heading] === null ? '' : String(row[heading])),
          right: rows.every((r) => typeof r[heading] === 'number'),
        })),
        rows,
      );

/** Seeds `dir/events.db` (once), exports its events, runs every query; gives the results and prints them. */
export async function runReport(
  dir: string,
  log: (text: string) => void,
): Promise<Record<QueryName, ResultRow[]>> {
  const file = path.join(dir, 'events.db');
  const fresh = !fs.existsSync(file);
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  try {
    if (fresh) await runDemo(store, { count: 150, seed: 3, now: new Date('2025-12-15T17:00:00Z') });
    const exported = await exportEvents(store, { format: 'parquet', out: `${path.join(dir, 'events')}/` });
    log(
      exported.file === undefined
        ? 'Aucun nouvel événement depuis le dernier export'
        : `${exported.events} événements exportés dans ${exported.file}`,
    );
  } finally {
    await store.close();
  }
  const session = await openAnalystSession(`${path.join(dir, 'events')}/*.parquet`);
  const results = {} as Record<QueryName, ResultRow[]>;
  try {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      results[name] = await session.run(name);
      log(`\n${TITLES[name]}\n${table(results[name])}`);
    }
  } finally {
    session.close();
  }
  const chart = stackedBarChart(
    results['transmissions-per-month'].map((r) => ({
      x: String(r.month),
      series: String(r.card_type),
      value: Number(r.transmissions),
    })),
    TITLES['transmissions-per-month'],
  );
  fs.writeFileSync(path.join(dir, CHART_FILE), chart);
  log(`\nGraphique : ${path.join(dir, CHART_FILE)}`);
  return results;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'analyst-report');
  fs.mkdirSync(dir, { recursive: true });
  runReport(dir, (text) => console.log(text)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
