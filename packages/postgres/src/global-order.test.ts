import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { quoteIdent } from './schema-name';
import { appendAsAnotherProcess, describeWithPostgres, pause, waitUntil } from './testing/helpers';
import { TestSchemas, rawClient } from './testing/test-schemas';

const schemas = new TestSchemas();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
afterAll(() => schemas.dropAll());

const label = (event: RecordedEvent): string => `${event.streamId}@${event.version}`;

describeWithPostgres('global order: readers never pass a transaction that may still commit', () => {
  it('holds back what committed after an open transaction, then delivers that transaction exactly once, in order', async () => {
    const store = await schemas.store({ pollIntervalMs: 50 });
    cleanups.push(() => store.close());
    const patient = store; // readAll waits (up to 30 s) for what is held back
    await store.appendToStream('before', counted(2));
    const received: RecordedEvent[] = [];
    const subscription = store.subscribe();
    const following = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    await waitUntil(() => received.length === 2, 'the first two events');

    // Another process opens a transaction and appends through the store's own statement.
    const other = await rawClient();
    // Whatever fails below, the open transaction must end, or dropping the schema would wait on it.
    cleanups.push(() => other.end());
    cleanups.push(() => subscription.close());
    await other.query('BEGIN');
    const held = await appendAsAnotherProcess(other, store.schema, 'held', counted(3));
    // Meanwhile two appends commit.
    await store.appendToStream('after-1', counted(2));
    await store.appendToStream('after-2', counted(1));

    // What a naive reader would see: committed rows placed after the open transaction's rows.
    const { rows } = await store.pool.query<{ position: string; stream_id: string }>(
      `SELECT global_position::text AS position, stream_id FROM ${quoteIdent(store.schema)}.events ORDER BY global_position`,
    );
    expect(rows.map((row) => row.stream_id)).toEqual(['before', 'before', 'after-1', 'after-1', 'after-2']);
    const firstAfter = BigInt(rows[2].position);
    expect(BigInt(held.row.last_position ?? '0') < firstAfter).toBe(true);

    // The guarded readers do not pass the open transaction.
    let readAllDone = false;
    const readingAll = collect(patient.readAll()).finally(() => (readAllDone = true));
    await pause(400);
    expect(received.map(label)).toEqual(['before@0', 'before@1']);
    expect(readAllDone).toBe(false);
    const impatient = await schemas.store({ schema: store.schema, heldBackTimeoutMs: 100 });
    cleanups.push(() => impatient.close());
    await expect(collect(impatient.readAll())).rejects.toThrow(
      /held back .* older transaction that is still open/,
    );
    await impatient.close();

    await other.query('COMMIT');
    const expected = [
      'before@0',
      'before@1',
      'held@0',
      'held@1',
      'held@2',
      'after-1@0',
      'after-1@1',
      'after-2@0',
    ];
    await waitUntil(() => received.length >= expected.length, 'every event after the commit', 5000);
    expect((await readingAll).map(label)).toEqual(expected);
    await pause(300); // nothing more comes: each event exactly once
    expect(received.map(label)).toEqual(expected);
    for (let i = 1; i < received.length; i++) {
      expect(received[i].globalPosition > received[i - 1].globalPosition).toBe(true);
    }
    await subscription.close();
    await following;
    await store.close();
  });

  it('refuses to append in a transaction that has already written (its id would not follow the positions)', async () => {
    const store = await schemas.store();
    const other = await rawClient();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      await expect(appendAsAnotherProcess(other, store.schema, 's-1', counted(1))).rejects.toThrow(
        /must be the first write of its transaction/,
      );
      await other.query('ROLLBACK');
    } finally {
      await other.end();
      await store.close();
    }
  });
});
