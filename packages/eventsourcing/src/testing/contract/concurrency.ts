/// <reference types="jest" />
import { scaledTimeout } from '../scaled-timeout';
import { backoffDelay } from '../../backoff';
import { ConcurrencyError } from '../../errors';
import type { EventStore } from '../../store';
import { verifyStream } from '../../verify';
import { anEvent, collect, versionsOf } from '../fixtures';
import type { ContractContext } from '../store-harness';

const WRITERS = 20;
const APPENDS_EACH = 50;
// As many writers on one stream as the benchmark's hot-stream case.
const HOT_WRITERS = 32;

// Reads the stream's version, appends one event expecting it, and retries on a conflict.
async function appendWithRetry(
  store: EventStore,
  streamId: string,
  writer: number,
  n: number,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const [head] = await collect(store.readStream(streamId, { direction: 'backwards', maxCount: 1 }));
    const expectedVersion = head ? head.version : 'no_stream';
    try {
      await store.appendToStream(streamId, [anEvent('Written', { writer, n })], { expectedVersion });
      return attempt;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // Random, growing backoff: without it twenty writers collide in lockstep and a database
      // spends its time on attempts that are bound to lose.
      const wait = backoffDelay(attempt, { initialDelayMs: 1, maxDelayMs: 64, jitter: 'full' });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Optimistic concurrency under contention: no lost and no duplicated update. */
export function concurrencyContract(ctx: ContractContext): void {
  describe('concurrent writers', () => {
    it(
      `${WRITERS} writers x ${APPENDS_EACH} appends on one stream, retrying on conflicts, give exactly ${WRITERS * APPENDS_EACH} events with contiguous versions`,
      async () => {
        const store = await ctx.create();
        const writers = Array.from({ length: WRITERS }, async (_, writer) => {
          let conflicts = 0;
          for (let n = 0; n < APPENDS_EACH; n++)
            conflicts += await appendWithRetry(store, 'contended', writer, n);
          return conflicts;
        });
        const conflicts = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
        const events = await collect(store.readStream('contended'));
        expect(events).toHaveLength(WRITERS * APPENDS_EACH);
        expect(versionsOf(events)).toEqual(Array.from({ length: WRITERS * APPENDS_EACH }, (_, i) => i));
        const written = new Set(events.map((e) => JSON.stringify(e.data)));
        expect(written.size).toBe(WRITERS * APPENDS_EACH);
        // Each writer's own appends stay in its order.
        for (let writer = 0; writer < WRITERS; writer++) {
          const mine = events
            .map((e) => e.data as { writer: number; n: number })
            .filter((d) => d.writer === writer);
          expect(mine.map((d) => d.n)).toEqual(Array.from({ length: APPENDS_EACH }, (_, i) => i));
        }
        // Twenty writers on one stream must have collided at least once, or the check never ran.
        expect(conflicts).toBeGreaterThan(0);
      },
      scaledTimeout(120_000),
    );

    it(
      `${HOT_WRITERS} concurrent appends without an expected version ('any', then 'stream_exists') on one stream all succeed: versions without gaps, the chain verifies`,
      async () => {
        const store = await ctx.create();
        const appendAll = (expectedVersion: 'any' | 'stream_exists', round: number) =>
          Promise.allSettled(
            Array.from({ length: HOT_WRITERS }, (_, writer) =>
              store.appendToStream('hot', [anEvent('Written', { round, writer })], { expectedVersion }),
            ),
          );
        const outcomes = [...(await appendAll('any', 0)), ...(await appendAll('stream_exists', 1))];
        expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))).toEqual([]);
        const events = await collect(store.readStream('hot'));
        const total = 2 * HOT_WRITERS;
        expect(versionsOf(events)).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(new Set(events.map((e) => JSON.stringify(e.data))).size).toBe(total);
        await expect(verifyStream(store, 'hot')).resolves.toMatchObject({ ok: true, length: total });
      },
      scaledTimeout(60_000),
    );

    it('lets exactly one of two racing appends with the same expected version win', async () => {
      const store = await ctx.create();
      await store.appendToStream('race', [anEvent('Opened')]);
      const outcomes = await Promise.allSettled([
        store.appendToStream('race', [anEvent('A1'), anEvent('A2')], { expectedVersion: 0 }),
        store.appendToStream('race', [anEvent('B1'), anEvent('B2')], { expectedVersion: 0 }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
      expect(rejected.reason).toMatchObject({ expectedVersion: 0, actualVersion: 2 });
      const types = (await collect(store.readStream('race'))).map((e) => e.type);
      expect([
        ['Opened', 'A1', 'A2'],
        ['Opened', 'B1', 'B2'],
      ]).toContainEqual(types);
    });
  });
}
