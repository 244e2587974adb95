// Both lists rebuilt into their durable SQLite read models (the tables `cartes-badges rebuild
// all` fills, indexes built once at the end), from a store of N dossiers: how long an analyst
// waits for a rebuild.
// Run from /work/main:  npx tsx bench/lists/sqlite-lists-rebuild.ts [dossiers]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProjectionOnce, type EventToAppend } from '@cartes-badges/eventsourcing';
import {
  brouillonsProjection,
  dossiersProjection,
  generateCompanies,
  generateProviders,
  listsRunnable,
  seededRandom,
  whileRebuilding,
} from '@cartes-badges/domain';
import { createSqliteEventStore, createSqliteListReadModel } from '@cartes-badges/sqlite';
import { dossierEvents } from './list-events';

const DOSSIERS = Number(process.argv[2] ?? 100_000);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-lists-rebuild-'));
  // The store's default durability (synchronous = FULL): each list commit waits for the disk.
  const store = createSqliteEventStore({ path: path.join(dir, 'events.db') });
  try {
    const workload = {
      companies: generateCompanies(Math.max(1, DOSSIERS / 100), 42),
      providers: generateProviders(50, 42),
      random: seededRandom(7),
    };
    let started = Date.now();
    let events = 0;
    for (let n = 0; n < DOSSIERS; n++) {
      const history = dossierEvents(workload, n);
      const toAppend = history.map(
        (e) =>
          ({ type: e.type, data: e.data, metadata: { occurredAt: e.metadata.occurredAt } }) as EventToAppend,
      );
      await store.appendToStream(history[0].streamId, toAppend, { expectedVersion: 'no_stream' });
      events += history.length;
    }
    console.log(`Appended ${events} events of ${DOSSIERS} dossiers in ${Date.now() - started} ms`);

    const brouillons = createSqliteListReadModel(store, { list: 'brouillons' });
    const dossiers = createSqliteListReadModel(store, { list: 'dossiers' });
    await brouillons.reset(brouillonsProjection.version);
    await dossiers.reset(dossiersProjection.version);
    started = Date.now();
    // As `cartes-badges rebuild all` does: the tables' query indexes are built once at the end.
    const run = await whileRebuilding([brouillons, dossiers], () =>
      runProjectionOnce(
        store,
        listsRunnable([
          { projection: brouillonsProjection, readModel: brouillons },
          { projection: dossiersProjection, readModel: dossiers },
        ]),
        { batchSize: 1000 },
      ),
    );
    const ms = Date.now() - started;
    console.log(
      `Rebuilt both SQLite lists: ${run.eventsProcessed} events in ${ms} ms, ` +
        `${Math.round(run.eventsProcessed / (ms / 1000)).toLocaleString('en')} events/s`,
    );
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
