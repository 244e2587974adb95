import { LeaseLostError, leasedRunnable } from '@cartes-badges/eventsourcing';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { LIST_PROJECTIONS } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { listRunnable } from '@cartes-badges/lists';
import type { PostgresEventStore } from '../postgres-store';
import { createPostgresListReadModel } from '../lists/postgres-list-read-model';
import { quoteIdent } from '../schema-name';
import { describeWithPostgres, pause } from '../testing/helpers';
import { TestSchemas } from '../testing/test-schemas';
import { appendInterleaved, dossierHistories } from '../../../../test/read-models/list-events';
import { createPostgresLeases } from './postgres-leases';
import { createPostgresReactorLedger } from './postgres-reactor-ledger';

const schemas = new TestSchemas();
let store: PostgresEventStore;
const never = new AbortController().signal;

beforeAll(async () => {
  store = await schemas.store({ pollIntervalMs: 50 });
});
afterAll(async () => {
  await store?.close();
  await schemas.dropAll();
});

async function allEvents(): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describeWithPostgres('PostgreSQL worker leases', () => {
  it('refuses timings that would hammer the database (a NaN renewal or retry period), before touching it', async () => {
    for (const [options, name] of [
      [{ renewEveryMs: Number.NaN }, 'renewEveryMs'],
      [{ retryEveryMs: Number.NaN }, 'retryEveryMs'],
      [{ ttlMs: Infinity }, 'ttlMs'],
    ] as const)
      await expect(createPostgresLeases(store, options)).rejects.toThrow(
        new RegExp(`^createPostgresLeases: ${name} must be a number of milliseconds from \\d+ to 2147483647`),
      );
  });

  it('refuses null options with a clear error, not a TypeError on a property read', async () => {
    await expect(createPostgresLeases(store, null as never)).rejects.toThrow(
      new TypeError('createPostgresLeases: options must be an object such as { ttlMs: 15000 }, got null'),
    );
  });

  it('refuses a host that is neither a store nor a pool with a clear error', async () => {
    for (const [host, got] of [
      [null, 'null'],
      [{}, 'object'],
      ['postgres://localhost', 'string'],
    ] as const)
      await expect(createPostgresLeases(host as never)).rejects.toThrow(
        new TypeError(`createPostgresLeases: expected a PostgreSQL event store or a pg Pool, got ${got}`),
      );
  });

  it('one holder at a time: the next waits, takes over once the lease expires unrenewed, with a greater token', async () => {
    // Renewals far apart: the holder behaves as a paused process.
    const first = await createPostgresLeases(store, { ttlMs: 400, renewEveryMs: 60_000, holder: 'first' });
    const second = await createPostgresLeases(store, { ttlMs: 400, retryEveryMs: 50, holder: 'second' });
    const held = await first.acquire('expiring', never);
    const taking = second.acquire('expiring', never);
    expect(await Promise.race([taking.then(() => 'taken'), pause(200).then(() => 'waiting')])).toBe(
      'waiting',
    );
    const taken = await taking;
    expect(taken!.token).toBe(held!.token + 1n);
    // The paused holder learns it by its own clock, without a round trip.
    expect(held!.isHeld()).toBe(false);
    await held!.lost;
    await second.close();
  });

  it('a release hands the lease over at once; an aborted wait gives up', async () => {
    const a = await createPostgresLeases(store, { ttlMs: 60_000, holder: 'a' });
    const b = await createPostgresLeases(store, { ttlMs: 60_000, retryEveryMs: 50, holder: 'b' });
    const held = await a.acquire('handed', never);
    const abort = new AbortController();
    const giving = b.acquire('handed', abort.signal);
    abort.abort();
    expect(await giving).toBeUndefined();
    const started = Date.now();
    const taking = b.acquire('handed', never);
    await held!.release();
    expect((await taking)!.token).toBe(held!.token + 1n);
    expect(Date.now() - started).toBeLessThan(10_000);
    await b.close();
  });

  it('fencing: a holder whose lease was taken over while it was paused writes nothing, rows and checkpoint untouched', async () => {
    await appendInterleaved(store, seededRandom(7), dossierHistories(seededRandom(7), 0, 10));
    const events = await allEvents();
    const model = await createPostgresListReadModel(store, { list: 'dossiers' });
    const ledger = await createPostgresReactorLedger(store, { reactor: 'fenced-reactor' });
    const old = await createPostgresLeases(store, { ttlMs: 60_000, holder: 'old' });
    const next = await createPostgresLeases(store, { ttlMs: 60_000, holder: 'next' });
    const oldLease = (await old.acquire('fenced', never))!;
    const runnable = listRunnable(LIST_PROJECTIONS.dossiers, model);
    const asOld = leasedRunnable({ ...runnable, name: 'fenced' }, oldLease);
    await asOld.target.applyBatch(events.slice(0, 5), events[4].globalPosition);
    expect((await model.readCheckpoint())?.position).toBe(events[4].globalPosition);

    // While "old" is paused its lease expires (its local clock does not know yet) and "next" takes it.
    await store.pool.query(
      `UPDATE ${quoteIdent(store.schema)}.worker_leases SET expires_at = clock_timestamp() WHERE name = 'fenced'`,
    );
    const nextLease = (await next.acquire('fenced', never))!;
    expect(oldLease.isHeld()).toBe(true);
    await expect(
      asOld.target.applyBatch(events.slice(5), events[events.length - 1].globalPosition),
    ).rejects.toThrow(LeaseLostError);
    expect((await model.readCheckpoint())?.position).toBe(events[4].globalPosition);
    const unwritten = events.slice(5).map((e) => e.streamId.replace('dossier-', ''));
    const before = await model.getRows(unwritten);
    expect(oldLease.isHeld()).toBe(false);

    // The reactor ledger is fenced the same way.
    const asOldReactor = leasedRunnable(
      {
        name: 'fenced',
        target: {
          readCheckpoint: () => ledger.readCheckpoint(),
          applyBatch: () => ledger.saveCheckpoint(1n),
        },
      },
      oldLease,
    );
    await expect(asOldReactor.target.applyBatch([], 1n)).rejects.toThrow(LeaseLostError);
    expect(await ledger.readCheckpoint()).toBeUndefined();

    // The new holder writes.
    const asNext = leasedRunnable({ ...runnable, name: 'fenced' }, nextLease);
    await asNext.target.applyBatch(events.slice(5), events[events.length - 1].globalPosition);
    expect((await model.readCheckpoint())?.position).toBe(events[events.length - 1].globalPosition);
    expect((await model.getRows(unwritten)).size).toBeGreaterThan(before.size);
    await next.close();
    await old.close();
  });
});
