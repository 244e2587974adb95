import { ConcurrencyError, verifyStream } from '@cartes-badges/eventsourcing';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import type { PostgresEventStore } from './postgres-store';
import { quoteIdent } from './schema-name';
import { appendAsAnotherProcess, describeWithPostgres, pause, waitUntil } from './testing/helpers';
import { TestSchemas, rawClient } from './testing/test-schemas';

const schemas = new TestSchemas();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
afterAll(() => schemas.dropAll());

async function openStore(): Promise<PostgresEventStore> {
  const store = await schemas.store({ pollIntervalMs: 50 });
  cleanups.push(() => store.close());
  const s = quoteIdent(store.schema);
  // Test-only triggers that stall a write: inside the insert (while the append-order lock is
  // held) or at commit (deferred), so that the test can kill the writer right there.
  await store.pool.query(`
    CREATE FUNCTION ${s}.test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$;
    CREATE TRIGGER stall_in_insert AFTER INSERT ON ${s}.events FOR EACH ROW
      WHEN (NEW.stream_id LIKE 'stall-in-insert%') EXECUTE FUNCTION ${s}.test_stall();
    CREATE CONSTRAINT TRIGGER stall_at_commit AFTER INSERT ON ${s}.events
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.stream_id LIKE 'stall-at-commit%') EXECUTE FUNCTION ${s}.test_stall();`);
  return store;
}

// The backend stalled in test_stall for this store's schema, once it is there.
async function stalledBackend(store: PostgresEventStore): Promise<number> {
  let pid: number | undefined;
  const deadline = Date.now() + 10_000;
  while (pid === undefined && Date.now() < deadline) {
    const { rows } = await store.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE $1`,
      [`%${quoteIdent(store.schema)}.append_events%`],
    );
    pid = rows[0]?.pid;
    if (pid === undefined) await pause(20);
  }
  if (pid === undefined) throw new Error('No stalled writer found');
  return pid;
}

async function kill(store: PostgresEventStore, pid: number): Promise<void> {
  const { rows } = await store.pool.query<{ killed: boolean }>('SELECT pg_terminate_backend($1) AS killed', [
    pid,
  ]);
  expect(rows[0].killed).toBe(true);
}

function follow(store: PostgresEventStore): RecordedEvent[] {
  const received: RecordedEvent[] = [];
  const subscription = store.subscribe();
  const done = (async () => {
    for await (const event of subscription) received.push(event);
  })();
  cleanups.push(async () => {
    await subscription.close();
    await done;
  });
  return received;
}

describeWithPostgres('a writer killed mid-transaction leaves nothing partial', () => {
  it('another process killed with its transaction open: none of its events is ever visible', async () => {
    const store = await openStore();
    const received = follow(store);
    await store.appendToStream('ok', counted(1));
    const other = await rawClient();
    cleanups.push(() => other.end());
    await other.query('BEGIN');
    await appendAsAnotherProcess(other, store.schema, 'victim', counted(3));
    const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await store.appendToStream('ok', counted(1, 1));
    await kill(store, rows[0].pid);
    await store.appendToStream('ok', counted(1, 2));

    await waitUntil(() => received.length === 3, 'the three committed events');
    await pause(200);
    expect(received.map((e) => `${e.streamId}@${e.version}`)).toEqual(['ok@0', 'ok@1', 'ok@2']);
    expect(await collect(store.readStream('victim'))).toEqual([]);
    // The stream is free and starts at version 0.
    await store.appendToStream('victim', counted(1), { expectedVersion: 'no_stream' });
    expect(await verifyStream(store, 'victim')).toMatchObject({ ok: true, length: 1 });
  });

  it("the store's own append killed between its insert and its commit rejects, and writes nothing", async () => {
    const store = await openStore();
    const received = follow(store);
    const appending = store.appendToStream('stall-at-commit-1', counted(5));
    appending.catch(() => undefined);
    await kill(store, await stalledBackend(store));
    await expect(appending).rejects.toThrow();
    expect(await collect(store.readStream('stall-at-commit-1'))).toEqual([]);
    await store.appendToStream('after', counted(2));
    await waitUntil(() => received.length === 2, 'the later events');
    expect(received.map((e) => e.streamId)).toEqual(['after', 'after']);
    expect(await collect(store.readAll())).toHaveLength(2);
  });

  it('a writer killed while it holds the append-order lock releases it: other writers go on', async () => {
    const store = await openStore();
    const appending = store.appendToStream('stall-in-insert-1', counted(3));
    appending.catch(() => undefined);
    const pid = await stalledBackend(store);
    let otherDone = false;
    const other = store.appendToStream('other', counted(1)).then(() => (otherDone = true));
    await pause(300);
    expect(otherDone).toBe(false); // positions are handed out one transaction at a time
    await kill(store, pid);
    await expect(appending).rejects.toThrow();
    await other;
    expect((await collect(store.readAll())).map((e) => e.streamId)).toEqual(['other']);
  });

  it('a statement timeout inside the append-order lock releases it (no lock outlives the statement)', async () => {
    const store = await openStore();
    const client = await rawClient();
    cleanups.push(() => client.end());
    await client.query('SET statement_timeout = 300');
    await expect(
      appendAsAnotherProcess(client, store.schema, 'stall-in-insert-2', counted(1)),
    ).rejects.toThrow(/statement timeout/);
    const { rows } = await client.query<{ held: string }>(
      `SELECT count(*)::text AS held FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
    );
    expect(rows[0].held).toBe('0');
    await store.appendToStream('other', counted(1));
    expect(await collect(store.readStream('stall-in-insert-2'))).toEqual([]);
  });

  it('a version taken by a writer that bypassed the stream lock is reported as a ConcurrencyError', async () => {
    const store = await openStore();
    const forger = await rawClient();
    cleanups.push(() => forger.end());
    await forger.query('BEGIN');
    await forger.query(
      `INSERT INTO ${quoteIdent(store.schema)}.events (stream_id, version, event_id, type, data, metadata, recorded_at)
       VALUES ('s-1', 0, gen_random_uuid(), 'Forged', '{}', '{}', now())`,
    );
    const appending = store.appendToStream('s-1', counted(1), { expectedVersion: 'no_stream' });
    appending.catch(() => undefined);
    await pause(200);
    await forger.query('COMMIT');
    const error = await appending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 0 });
  });
});
