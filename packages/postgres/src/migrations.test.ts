import { GENESIS_HASH, verifyStream } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { Pool } from 'pg';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { quoteIdent } from './schema-name';
import { TEST_DATABASE_URL } from './testing/pg-available';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
let pool: Pool;
beforeAll(() => {
  pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 8 });
});
afterAll(async () => {
  await pool?.end();
  await schemas.dropAll();
});

async function recorded(schema: string): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(schema)}.schema_migrations ORDER BY version`,
  );
  return rows.map((row) => row.version);
}

describeWithPostgres('schema migrations', () => {
  it('create a fresh schema, then find an up-to-date one with nothing to do', async () => {
    const schema = schemas.next();
    expect(await migrate(pool, schema)).toEqual({ applied: [1, 2], version: LATEST_SCHEMA_VERSION });
    expect(await migrate(pool, schema)).toEqual({ applied: [], version: LATEST_SCHEMA_VERSION });
    expect(await recorded(schema)).toEqual([1, 2]);
  });

  it('let concurrent starters wait for each other: each migration is applied once', async () => {
    const schema = schemas.next();
    const results = await Promise.all(Array.from({ length: 6 }, () => migrate(pool, schema)));
    expect(results.flatMap((result) => result.applied).sort()).toEqual([1, 2]);
    expect(results.every((result) => result.version === LATEST_SCHEMA_VERSION)).toBe(true);
    expect(await recorded(schema)).toEqual([1, 2]);
  });

  it('upgrade a table created by the first release in place, keeping its events and their chain', async () => {
    const schema = schemas.next();
    expect(await migrate(pool, schema, { upTo: 1 })).toEqual({ applied: [1], version: 1 });
    // Events written as the first release wrote them (no transaction id column yet).
    const prepared = prepareEventsForAppend({
      streamId: 'dossier-1',
      firstVersion: 0,
      prevHash: GENESIS_HASH,
      events: counted(3),
      now: new Date('2024-05-01T08:30:00.000Z'),
    });
    for (const event of prepared) {
      await pool.query(
        `INSERT INTO ${quoteIdent(schema)}.events (stream_id, version, event_id, type, data, metadata, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          'dossier-1',
          event.version,
          event.eventId,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.recordedAt,
        ],
      );
    }

    const store = await schemas.store({ schema });
    try {
      expect(await recorded(schema)).toEqual([1, 2]);
      const old = await collect(store.readAll());
      expect(old.map((event) => [event.version, event.eventId, event.data])).toEqual(
        prepared.map((event) => [event.version, event.eventId, event.data]),
      );
      expect(old[0].recordedAt).toBe('2024-05-01T08:30:00.000Z');
      // Appends continue the same stream and the same chain.
      await store.appendToStream('dossier-1', counted(2, 3), { expectedVersion: 2 });
      expect(await verifyStream(store, 'dossier-1')).toMatchObject({ ok: true, length: 5 });
      const { rows } = await pool.query<{ missing: string }>(
        `SELECT count(*) FILTER (WHERE transaction_id IS NULL)::text AS missing FROM ${quoteIdent(schema)}.events`,
      );
      expect(rows[0].missing).toBe('0');
    } finally {
      await store.close();
    }
  });

  it('refuse a schema that a newer release has migrated further', async () => {
    const schema = schemas.next();
    await migrate(pool, schema);
    await pool.query(
      `INSERT INTO ${quoteIdent(schema)}.schema_migrations (version, name) VALUES ($1, 'from the future')`,
      [LATEST_SCHEMA_VERSION + 1],
    );
    await expect(migrate(pool, schema)).rejects.toThrow(
      `Schema ${schema} is at version ${LATEST_SCHEMA_VERSION + 1}, newer than this library knows (${LATEST_SCHEMA_VERSION})`,
    );
  });
});
