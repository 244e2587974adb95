import { collect } from '@cartes-badges/eventsourcing/testing';
import type { PostgresEventStore } from './postgres-store';
import { quoteIdent } from './schema-name';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
const open: PostgresEventStore[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await schemas.dropAll();
});

async function reltuplesOf(store: PostgresEventStore): Promise<number> {
  const { rows } = await store.pool.query<{ reltuples: number }>(
    'SELECT reltuples FROM pg_class WHERE oid = $1::regclass',
    [`${quoteIdent(store.schema)}.events`],
  );
  return rows[0].reltuples;
}

// About 2 MB of events: past the size from which an unanalyzed table is analyzed.
async function fill(store: PostgresEventStore, streams: number): Promise<void> {
  const padding = 'x'.repeat(400);
  for (let s = 0; s < streams; s++) {
    const batch = Array.from({ length: 50 }, (_, i) => ({
      type: i % 5 === 0 ? 'Rare' : 'Common',
      data: { i, padding },
    }));
    await store.appendToStream(`stream-${s}`, batch);
  }
}

describeWithPostgres('planner statistics of the events table', () => {
  it('are taken once, before the first filtered read of a table filled in bulk', async () => {
    const store = await schemas.store();
    open.push(store);
    await fill(store, 80);
    expect(await reltuplesOf(store)).toBeLessThanOrEqual(0);
    // An unfiltered read pages by the primary key whatever the statistics: nothing to do.
    expect(await collect(store.readAll())).toHaveLength(4000);
    expect(await reltuplesOf(store)).toBeLessThanOrEqual(0);
    const rare = await collect(store.readAll({ filter: { streamPrefix: 'stream-', eventTypes: ['Rare'] } }));
    expect(rare).toHaveLength(800);
    expect(await reltuplesOf(store)).toBeGreaterThan(3000);
  });

  it('are left to autovacuum while the table is small', async () => {
    const store = await schemas.store();
    open.push(store);
    await fill(store, 2);
    expect(await collect(store.readAll({ filter: { eventTypes: ['Rare'] } }))).toHaveLength(20);
    expect(await reltuplesOf(store)).toBeLessThanOrEqual(0);
  });
});
