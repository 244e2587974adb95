import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { counted } from '@cartes-badges/eventsourcing/testing';
import { Pool } from 'pg';
import type { PostgresEventStoreOptions } from './options';
import type { PostgresEventStore } from './postgres-store';
import { quoteIdent } from './schema-name';
import { TEST_DATABASE_URL } from './testing/pg-available';
import { describeWithPostgres, pause, waitUntil } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
afterAll(() => schemas.dropAll());

// No poll within a test's lifetime: only a notification can wake these subscribers.
const NEVER_POLL = 600_000;

async function store(options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
  const opened = await schemas.store(options);
  cleanups.push(() => opened.close());
  return opened;
}

function follow(subscriber: PostgresEventStore): { received: RecordedEvent[]; done: Promise<void> } {
  const received: RecordedEvent[] = [];
  const subscription = subscriber.subscribe();
  const done = (async () => {
    for await (const event of subscription) received.push(event);
  })();
  cleanups.push(() => subscription.close());
  return { received, done };
}

async function listenerPids(channel: string): Promise<number[]> {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    const { rows } = await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE query = $1 AND state = 'idle'`,
      [`LISTEN ${quoteIdent(channel)}`],
    );
    return rows.map((row) => row.pid);
  } finally {
    await pool.end();
  }
}

describeWithPostgres('LISTEN/NOTIFY, polling and shutdown', () => {
  it.each(['after-commit', 'in-transaction'] as const)(
    'wakes a subscriber of another store instance on NOTIFY (%s), without polling',
    async (notify) => {
      const subscriber = await store({ pollIntervalMs: NEVER_POLL });
      const writer = await store({ schema: subscriber.schema, notify });
      const { received } = follow(subscriber);
      await waitUntil(async () => (await listenerPids(subscriber.channel)).length === 1, 'the listener');
      for (let n = 0; n < 3; n++) {
        await writer.appendToStream(`s-${n}`, counted(1));
        await waitUntil(() => received.length === n + 1, `event ${n}`, 5000);
      }
    },
  );

  it('reconnects a listener whose connection drops, and misses nothing meanwhile', async () => {
    const subscriber = await store({ pollIntervalMs: NEVER_POLL });
    const writer = await store({ schema: subscriber.schema });
    const { received } = follow(subscriber);
    let pids: number[] = [];
    await waitUntil(async () => (pids = await listenerPids(subscriber.channel)).length === 1, 'the listener');
    await writer.pool.query('SELECT pg_terminate_backend($1)', [pids[0]]);
    await writer.appendToStream('while-down', counted(1));
    await waitUntil(() => received.length === 1, 'the event appended while the listener was down', 5000);
    let again: number[] = [];
    await waitUntil(
      async () => (again = await listenerPids(subscriber.channel)).length === 1,
      'a new listener',
    );
    expect(again[0]).not.toBe(pids[0]);
    await writer.appendToStream('after', counted(1));
    await waitUntil(() => received.length === 2, 'the event appended after the reconnection', 5000);
  });

  it('without LISTEN (a pooler that cannot), subscribers poll', async () => {
    const subscriber = await store({ listen: false, pollIntervalMs: 50 });
    const writer = await store({ schema: subscriber.schema });
    const { received } = follow(subscriber);
    await writer.appendToStream('s-1', counted(2));
    await waitUntil(() => received.length === 2, 'the polled events', 5000);
    expect(await listenerPids(subscriber.channel)).toEqual([]);
  });

  it('close() ends subscriptions and releases every connection of its own pool', async () => {
    const application_name = `cb-close-${process.pid}-${Date.now()}`;
    const closing = await schemas.store({ application_name, pollIntervalMs: NEVER_POLL });
    const { received, done } = follow(closing);
    await closing.appendToStream('s-1', counted(2));
    await waitUntil(() => received.length === 2, 'the events');
    await waitUntil(async () => (await listenerPids(closing.channel)).length === 1, 'the listener');
    await closing.close();
    await done;
    const probe = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    cleanups.push(() => probe.end());
    await waitUntil(async () => {
      const { rows } = await probe.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM pg_stat_activity WHERE application_name LIKE $1`,
        [`${application_name}%`],
      );
      return rows[0].n === '0';
    }, 'every connection to close');
    expect(() => closing.readAll()).toThrow(/is closed/);
    await expect(closing.appendToStream('s-1', counted(1))).rejects.toThrow(/is closed/);
  });

  it("leaves the caller's pool open on close, with the listener's connection given back destroyed", async () => {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 3 });
    cleanups.push(() => pool.end());
    const borrowed = await store({ pool, pollIntervalMs: NEVER_POLL });
    const { received, done } = follow(borrowed);
    await borrowed.appendToStream('s-1', counted(1));
    await waitUntil(() => received.length === 1, 'the event');
    await waitUntil(async () => (await listenerPids(borrowed.channel)).length === 1, 'the listener');
    await borrowed.close();
    await done;
    expect(await listenerPids(borrowed.channel)).toEqual([]);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('surfaces a failing read through the iterator instead of swallowing it', async () => {
    const subscriber = await store({ pollIntervalMs: NEVER_POLL });
    let caughtUp = false;
    const subscription = subscriber.subscribe({ onCaughtUp: () => (caughtUp = true) });
    cleanups.push(() => subscription.close());
    const failure = (async () => {
      for await (const event of subscription) void event;
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    await waitUntil(() => caughtUp, 'the subscriber to catch up');
    await subscriber.pool.query(`DROP TABLE ${quoteIdent(subscriber.schema)}.events CASCADE`);
    await subscriber.pool.query('SELECT pg_notify($1, $2)', [subscriber.channel, 'wake up']);
    expect(String(await failure)).toMatch(/does not exist/);
    await pause(10);
  });
});
