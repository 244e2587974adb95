import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { GlobalPosition, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { PostgresEventStore } from './postgres-store';
import { quoteIdent } from './schema-name';
import { describeWithPostgres, waitUntil } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const WRITERS = 8;
const APPENDS_EACH = 2000;
const STREAMS = 100;
const TOTAL = WRITERS * APPENDS_EACH;

const schemas = new TestSchemas();
const open: PostgresEventStore[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await schemas.dropAll();
});

// A subscriber that stops every so often and starts again from the checkpoint it kept.
async function followWithRestarts(
  store: PostgresEventStore,
  seen: RecordedEvent[],
): Promise<{ restarts: number }> {
  let checkpoint: GlobalPosition | undefined;
  let restarts = 0;
  while (seen.length < TOTAL) {
    const subscription = store.subscribe({ after: checkpoint });
    const stopAfter = 1000 + Math.floor(Math.random() * 3000);
    let taken = 0;
    for await (const event of subscription) {
      seen.push(event);
      checkpoint = event.globalPosition;
      if (++taken >= stopAfter || seen.length >= TOTAL) break;
    }
    await subscription.close();
    restarts++;
  }
  return { restarts };
}

describeWithPostgres('PostgreSQL under concurrent writers', () => {
  it(
    `${WRITERS} writers (separate connections) x ${APPENDS_EACH} appends over ${STREAMS} streams: subscribers see all ${TOTAL} events exactly once, each stream in order`,
    async () => {
      const schema = schemas.next();
      const reader = await schemas.store({ schema, max: 4 });
      open.push(reader);
      const writers = await Promise.all(
        Array.from({ length: WRITERS }, () => schemas.store({ schema, max: 2, migrate: false })),
      );
      open.push(...writers);

      const live: RecordedEvent[] = [];
      const subscription = reader.subscribe();
      const following = (async () => {
        for await (const event of subscription) {
          live.push(event);
          if (live.length >= TOTAL) break;
        }
      })();
      const restarted: RecordedEvent[] = [];
      const restarting = followWithRestarts(reader, restarted);

      const started = Date.now();
      await Promise.all(
        writers.map(async (store, writer) => {
          for (let n = 0; n < APPENDS_EACH; n++) {
            const stream = `stream-${Math.floor(Math.random() * STREAMS)}`;
            await store.appendToStream(stream, [{ type: 'Written', data: { writer, n } }]);
          }
        }),
      );
      const writeMs = Date.now() - started;
      await waitUntil(() => live.length >= TOTAL && restarted.length >= TOTAL, 'both subscribers', 60_000);
      await following;
      const { restarts } = await restarting;
      await subscription.close();
      console.log(
        `${TOTAL} appends by ${WRITERS} writers in ${writeMs} ms (${Math.round((TOTAL * 1000) / writeMs)}/s); ` +
          `live subscriber done ${Date.now() - started} ms after the start; restarting subscriber restarted ${restarts} times`,
      );

      for (const seen of [live, restarted]) {
        expect(seen).toHaveLength(TOTAL);
        const written = new Set(seen.map((e) => JSON.stringify(e.data)));
        expect(written.size).toBe(TOTAL);
        const nextVersion = new Map<string, number>();
        for (let i = 0; i < seen.length; i++) {
          if (i > 0) expect(seen[i].globalPosition > seen[i - 1].globalPosition).toBe(true);
          const expected = nextVersion.get(seen[i].streamId) ?? 0;
          if (seen[i].version !== expected) {
            throw new Error(
              `${seen[i].streamId}: version ${seen[i].version} delivered where ${expected} was due`,
            );
          }
          nextVersion.set(seen[i].streamId, expected + 1);
        }
      }
      expect(restarted.map((e) => e.globalPosition)).toEqual(live.map((e) => e.globalPosition));

      // The invariant the readers rely on: global positions follow transaction ids.
      const { rows } = await reader.pool.query<{ inversions: string }>(
        `SELECT count(*)::text AS inversions FROM (
         SELECT transaction_id, lag(transaction_id) OVER (ORDER BY global_position) AS previous
         FROM ${quoteIdent(schema)}.events) ordered
       WHERE transaction_id < previous`,
      );
      expect(rows[0].inversions).toBe('0');
    },
    scaledTimeout(120_000),
  );

  it(
    'concurrent batches: the events each append returns are, position for position, those stored',
    async () => {
      const schema = schemas.next();
      const reader = await schemas.store({ schema, max: 2 });
      open.push(reader);
      const writers = await Promise.all(
        Array.from({ length: 6 }, () => schemas.store({ schema, max: 2, migrate: false })),
      );
      open.push(...writers);
      const returned: RecordedEvent[] = [];
      await Promise.all(
        writers.map(async (store, writer) => {
          for (let n = 0; n < 150; n++) {
            const size = 1 + ((writer + n) % 4);
            const batch = Array.from({ length: size }, (_, i) => ({
              type: 'Written',
              data: { writer, n, i },
            }));
            const result = await store.appendToStream(`stream-${(writer * 7 + n) % 20}`, batch);
            expect(result.events).toHaveLength(size);
            expect(result.events?.[size - 1].globalPosition).toBe(result.globalPosition);
            returned.push(...(result.events ?? []));
          }
        }),
      );
      const stored = new Map<bigint, RecordedEvent>();
      for await (const event of reader.readAll()) stored.set(event.globalPosition, event);
      expect(stored.size).toBe(returned.length);
      for (const event of returned) expect(event).toEqual(stored.get(event.globalPosition));
    },
    scaledTimeout(60_000),
  );
});
