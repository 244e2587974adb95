import { ConcurrencyError, verifyStream } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { Pool } from 'pg';
import { TEST_DATABASE_URL } from './testing/pg-available';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
afterAll(() => schemas.dropAll());

/** The append statements sent through `pool.query`, by the function they call, in order. */
function recordAppendStatements(pool: Pool): string[] {
  const sent: string[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    const text = typeof config === 'string' ? config : (config as { text: string }).text;
    if (text.includes('.append_events(')) sent.push('append_events');
    else if (text.includes('.stream_head(')) sent.push('stream_head');
    return query(config, ...rest);
  }) as Pool['query'];
  return sent;
}

async function preparedNames(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ statement: string }>(
    `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'cartes\\_badges\\_%'`,
  );
  return rows
    .map((row) => (row.statement.includes('.append_events(') ? 'append_events' : 'stream_head'))
    .sort();
}

describeWithPostgres('the statements an append sends', () => {
  it('a batch that expects no stream goes straight to append_events: a new stream costs one statement', async () => {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    cleanups.push(() => pool.end());
    const store = await schemas.store({ pool });
    cleanups.push(() => store.close());
    const sent = recordAppendStatements(pool);

    await store.appendToStream('dossier-1', counted(2), { expectedVersion: 'no_stream' });
    expect(sent.splice(0)).toEqual(['append_events']);

    // A store that has never seen the stream (no cached head) expects no stream where there is
    // one: still one statement, refused with the actual version, nothing written.
    const other = await schemas.store({ pool, schema: store.schema });
    cleanups.push(() => other.close());
    const refused = await other
      .appendToStream('dossier-1', counted(1), { expectedVersion: 'no_stream' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ConcurrencyError);
    expect(refused).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 1 });
    expect(sent.splice(0)).toEqual(['append_events']);
    expect(await collect(other.readStream('dossier-1'))).toHaveLength(2);

    // An empty batch is answered from the stream itself, never from the guess.
    await expect(other.appendToStream('dossier-1', [], { expectedVersion: 'no_stream' })).rejects.toThrow(
      ConcurrencyError,
    );
    expect(sent.splice(0)).toEqual(['stream_head']);
    expect(await verifyStream(store, 'dossier-1')).toMatchObject({ ok: true, length: 2 });
  });

  it('names the append and head statements (each connection prepares them once), or not with preparedStatements: false', async () => {
    // One connection, so that pg_prepared_statements is the one the appends used.
    const prepared = await schemas.store({ max: 1 });
    cleanups.push(() => prepared.close());
    await prepared.appendToStream('s-1', counted(1), { expectedVersion: 'no_stream' });
    await prepared.appendToStream('s-1', counted(1, 1), { expectedVersion: 0 });
    await prepared.appendToStream('s-2', counted(1), { expectedVersion: 'any' }); // reads the head
    expect(await preparedNames(prepared.pool)).toEqual(['append_events', 'stream_head']);
    expect(await collect(prepared.readStream('s-1'))).toHaveLength(2);

    const unnamed = await schemas.store({ max: 1, preparedStatements: false });
    cleanups.push(() => unnamed.close());
    await unnamed.appendToStream('s-1', counted(1), { expectedVersion: 'any' });
    await unnamed.appendToStream('s-1', counted(1, 1), { expectedVersion: 0 });
    expect(await preparedNames(unnamed.pool)).toEqual([]);
    expect(await verifyStream(unnamed, 's-1')).toMatchObject({ ok: true, length: 2 });
  });
});
