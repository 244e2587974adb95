import { InvalidEventError } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import type { PostgresEventStore } from './postgres-store';
import { quoteIdent } from './schema-name';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
let store: PostgresEventStore;
beforeAll(async () => {
  if (describeWithPostgres === describe) store = await schemas.store();
});
afterAll(async () => {
  await store?.close();
  await schemas.dropAll();
});

describeWithPostgres('PostgreSQL store specifics', () => {
  it('matches stream prefixes literally: % and _ are not wildcards', async () => {
    for (const id of ['a_1', 'ab1', 'a%2', 'az2']) await store.appendToStream(id, counted(1));
    const streams = async (streamPrefix: string) =>
      (await collect(store.readAll({ filter: { streamPrefix } }))).map((e) => e.streamId);
    expect(await streams('a_')).toEqual(['a_1']);
    expect(await streams('a%')).toEqual(['a%2']);
  });

  it('keeps every JSON string exactly, NUL characters and lone surrogates included', async () => {
    const data = { nul: 'a\u0000b', lone: '\ud800', emoji: '🃏', quote: '"\\', big: 1e300, small: -0.000001 };
    await store.appendToStream('json-1', [{ type: 'Odd', data }]);
    const [event] = await collect(store.readStream('json-1'));
    expect(event.data).toEqual(data);
  });

  it('refuses a stream id or a type holding NUL, which PostgreSQL text cannot store', async () => {
    await expect(store.appendToStream('bad\u0000id', counted(1))).rejects.toThrow(InvalidEventError);
    await expect(store.appendToStream('bad-type', [{ type: 'T\u0000', data: {} }])).rejects.toMatchObject({
      field: 'type',
      eventIndex: 0,
    });
  });

  it('reads a stream, or filters readAll, by a prefix or type holding NUL or a lone surrogate as nothing, not a driver error', async () => {
    await store.appendToStream('nul-1', counted(1));
    expect(await collect(store.readStream('nul\u0000'))).toEqual([]);
    expect(await collect(store.readStream('nul-\ud800'))).toEqual([]);
    expect(await collect(store.readAll({ filter: { streamPrefix: 'nul\u0000' } }))).toEqual([]);
    expect(await collect(store.readAll({ filter: { eventTypes: ['Counted\u0000'] } }))).toEqual([]);
    const mixed = await collect(store.readAll({ filter: { streamPrefix: ['nul\ud800', 'nul-'] } }));
    expect(mixed.map((e) => e.streamId)).toEqual(['nul-1']);
  });

  it('withTransaction commits what its function wrote, and rolls everything back when it throws', async () => {
    const table = `${quoteIdent(store.schema)}.test_read_model`;
    await store.pool.query(`CREATE TABLE ${table} (id text PRIMARY KEY, checkpoint bigint NOT NULL)`);
    await store.withTransaction(async (client) => {
      await client.query(`INSERT INTO ${table} VALUES ('kept', 1)`);
    });
    await expect(
      store.withTransaction(async (client) => {
        await client.query(`INSERT INTO ${table} VALUES ('dropped', 2)`);
        throw new Error('projection failed');
      }),
    ).rejects.toThrow('projection failed');
    const { rows } = await store.pool.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
    expect(rows.map((row) => row.id)).toEqual(['kept']);
  });

  it('withTransaction survives its connection dying mid-transaction: a rejection, not a crash', async () => {
    await expect(
      store.withTransaction(async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await store.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        // Let the client see its socket close before the next query.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await client.query('SELECT 1');
      }),
    ).rejects.toThrow();
    // The pool recovers: the broken client was discarded, not handed out again.
    const { rows } = await store.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0].one).toBe(1);
  });

  it('reads a long stream page by page, in both directions', async () => {
    await store.appendToStream('long', counted(1200));
    const forwards = await collect(store.readStream('long', { batchSize: 250 }));
    expect(forwards.map((e) => e.version)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    const backwards = await collect(
      store.readStream('long', { direction: 'backwards', fromVersion: 1000, maxCount: 600, batchSize: 128 }),
    );
    expect(backwards.map((e) => e.version)).toEqual(Array.from({ length: 600 }, (_, i) => 1000 - i));
  });
});
