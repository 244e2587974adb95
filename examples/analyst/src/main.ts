// An analyst's session: three projections folded over every event of a SQLite store, each
// exported to CSV. The same modules run from the command line:
//   cartes-badges project examples/analyst/src/projections/<module>.ts --out <file>.csv
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventStore, ProjectionDefinition } from '@cartes-badges/eventsourcing';
import { createInMemoryProjectionTarget, runProjectionOnce } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { runDemo, toCsv } from '@cartes-badges/cli';
import * as amounts from './projections/amounts-by-card-type-and-month';
import * as refusals from './projections/presaisie-refusal-rate';
import * as delays from './projections/days-to-transmission';

/** One analysis: its projection and how its result becomes rows. */
interface Analysis<State> {
  readonly file: string;
  readonly projection: ProjectionDefinition<State, DossierEvent>;
  readonly toRows: (state: State) => readonly Record<string, unknown>[];
}

const ANALYSES = [
  { file: 'montants-par-dispositif-et-mois.csv', ...amounts },
  { file: 'refus-de-presaisie-par-prestataire.csv', ...refusals },
  { file: 'delai-creation-transmission.csv', ...delays },
] as const;

/** Folds a projection over every event of the store and gives its rows. */
export async function rowsOf<State>(
  store: EventStore,
  analysis: Analysis<State>,
): Promise<readonly Record<string, unknown>[]> {
  const target = createInMemoryProjectionTarget(analysis.projection);
  await runProjectionOnce(store, { ...analysis.projection, target }, { batchSize: 1000 });
  return analysis.toRows(target.state());
}

/** Seeds a store in `dir` (unless it exists), runs the three analyses, writes one CSV each. */
export async function runAnalyses(
  dir: string,
  log: (line: string) => void,
): Promise<Record<string, readonly Record<string, unknown>[]>> {
  const file = path.join(dir, 'events.db');
  const fresh = !fs.existsSync(file);
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  const results: Record<string, readonly Record<string, unknown>[]> = {};
  try {
    if (fresh) await runDemo(store, { count: 120, seed: 3, now: new Date('2025-12-15T17:00:00Z') });
    for (const analysis of ANALYSES) {
      const rows = await rowsOf(store, analysis as Analysis<unknown>);
      fs.writeFileSync(path.join(dir, analysis.file), toCsv(rows));
      results[analysis.projection.name] = rows;
      log(`\n${analysis.projection.name} → ${path.join(dir, analysis.file)}`);
      for (const row of rows.slice(0, 12)) log(`  ${Object.values(row).join(' · ')}`);
    }
  } finally {
    await store.close();
  }
  return results;
}

if (require.main === module) {
  const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-analyst-'));
  fs.mkdirSync(dir, { recursive: true });
  runAnalyses(dir, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
