// Both lists rebuilt into their durable read models (the tables `cartes-badges rebuild all`
// fills, query indexes built once at the end) from a store of N dossiers, on SQLite or
// PostgreSQL: how long an analyst waits for a rebuild.
// Run from /work/main:  npx tsx bench/lists/durable-lists-rebuild.ts sqlite|postgres [dossiers]
// (PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch schema.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventStore, type EventToAppend } from '@cartes-badges/eventsourcing';
import type { ListName, ListReadModel } from '@cartes-badges/domain';
import { brouillonsProjection, dossiersProjection } from '@cartes-badges/domain';
import { generateCompanies, generateProviders, seededRandom } from '@cartes-badges/domain/fixtures';
import { createPostgresEventStore } from '@cartes-badges/postgres';
import { createPostgresListReadModel } from '@cartes-badges/postgres/lists';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { createSqliteListReadModel } from '@cartes-badges/sqlite/lists';
import { dossierEvents } from './list-events';
import { rebuildBothLists } from './rebuild-both-lists';

const KIND = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const DOSSIERS = Number(process.argv[3] ?? 100_000);

interface Durable {
  readonly store: EventStore;
  model(list: ListName): Promise<ListReadModel>;
  dispose(): Promise<void>;
}

// Each store with its defaults (SQLite: synchronous = FULL, each list commit waits for the disk).
async function openDurable(): Promise<Durable> {
  if (KIND === 'postgres') {
    const schema = `lists_rebuild_${Date.now()}`;
    const store = await createPostgresEventStore({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema,
    });
    return {
      store,
      model: (list) => createPostgresListReadModel(store, { list }),
      async dispose() {
        await store.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await store.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-lists-rebuild-'));
  const store = createSqliteEventStore({ path: path.join(dir, 'events.db') });
  return {
    store,
    model: async (list) => createSqliteListReadModel(store, { list }),
    async dispose() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const durable = await openDurable();
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
      await durable.store.appendToStream(history[0].streamId, toAppend, { expectedVersion: 'no_stream' });
      events += history.length;
    }
    console.log(`${KIND}: appended ${events} events of ${DOSSIERS} dossiers in ${Date.now() - started} ms`);

    const brouillons = await durable.model('brouillons');
    const dossiers = await durable.model('dossiers');
    await brouillons.reset(brouillonsProjection.version);
    await dossiers.reset(dossiersProjection.version);
    started = Date.now();
    const run = await rebuildBothLists(durable.store, brouillons, dossiers);
    const ms = Date.now() - started;
    console.log(
      `${KIND}: rebuilt both lists: ${run.eventsProcessed} events in ${ms} ms, ` +
        `${Math.round(run.eventsProcessed / (ms / 1000)).toLocaleString('en')} events/s`,
    );
  } finally {
    await durable.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
