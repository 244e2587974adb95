import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { verifyStream } from '@cartes-badges/eventsourcing';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { PostgresEventStore } from './postgres-store';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

// The benchmark's hot-stream case: as many writers as a busy service has connections, each with
// its own pool, all appending to one stream without an expected version.
const WRITERS = 32;
const APPENDS_EACH = 15;

const schemas = new TestSchemas();
const open: PostgresEventStore[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await schemas.dropAll();
});

describeWithPostgres("PostgreSQL: 'any' appends on one hot stream", () => {
  it(
    `never fail for contention: ${WRITERS} writers on separate connections x ${APPENDS_EACH} appends, versions without gaps, chain verified`,
    async () => {
      const schema = schemas.next();
      const reader = await schemas.store({ schema, max: 2 });
      open.push(reader);
      const writers = await Promise.all(
        Array.from({ length: WRITERS }, () =>
          schemas.store({ schema, max: 1, migrate: false, listen: false }),
        ),
      );
      open.push(...writers);

      const outcomes = await Promise.allSettled(
        writers.map(async (store, writer) => {
          for (let n = 0; n < APPENDS_EACH; n++)
            await store.appendToStream('hot', [{ type: 'Written', data: { writer, n } }], {
              expectedVersion: 'any',
            });
        }),
      );
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      expect(failures).toEqual([]);

      const events: RecordedEvent[] = [];
      for await (const event of reader.readStream('hot')) events.push(event);
      const total = WRITERS * APPENDS_EACH;
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(new Set(events.map((e) => JSON.stringify(e.data))).size).toBe(total);
      // Each writer's appends keep its order.
      for (let writer = 0; writer < WRITERS; writer++) {
        const mine = events
          .map((e) => e.data as { writer: number; n: number })
          .filter((d) => d.writer === writer);
        expect(mine.map((d) => d.n)).toEqual(Array.from({ length: APPENDS_EACH }, (_, i) => i));
      }
      await expect(verifyStream(reader, 'hot')).resolves.toMatchObject({ ok: true, length: total });
    },
    scaledTimeout(120_000),
  );
});
