import type { EventToAppend } from '@cartes-badges/eventsourcing';
import { verifyStream } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import type { EventStoreDBStoreOptions } from '../../src';
import {
  EventStoreAccessDeniedError,
  EventStoreAppendTooLargeError,
  EventStoreStreamDeletedError,
} from '../../src';
import type { StandInOptions } from '../stand-in/stand-in-server';
import type { StandInStore } from '../stand-in-harness';

type Start = (options?: EventStoreDBStoreOptions, server?: StandInOptions) => Promise<StandInStore>;

const events = (type: string, count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ type, data: { n: from + i } }) as EventToAppend);

/** Reads are not retried by the store: after a crash, the test waits for the server to be back. */
async function readWhenBack<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Append faults a production cluster produces, on the path the caller's stand-in serves: the
 * ones worth another try (deadline, server timeout, leader change, a crash with appends in
 * flight) land exactly once thanks to the event ids; the others fail at once with a clear error.
 */
export function describeAppendFaults(start: Start): void {
  describe('deadlines, server timeouts and leader changes on append', () => {
    it.each([
      ['the deadline passes before the write', 'deadline'],
      ['the server times out after the write', 'timeout-after-write'],
      ['the node is no longer the leader (the client follows it to the new one)', 'not-leader'],
    ] as const)('are retried when %s: the write lands once', async (_name, fault) => {
      const started = await start();
      await started.store.appendToStream('dossier-1', events('Opened', 1));
      for (const expectedVersion of [0, 'any'] as const) {
        await started.server.failNextAppends(fault);
        const before = await collect(started.store.readStream('dossier-1'));
        const result = await started.store.appendToStream('dossier-1', events('Noted', 2), {
          expectedVersion,
        });
        expect(result.nextExpectedVersion).toBe(before.length + 1);
      }
      const stream = await collect(started.store.readStream('dossier-1'));
      expect(stream.map((e) => `${e.version}:${e.type}`)).toEqual([
        '0:Opened',
        '1:Noted',
        '2:Noted',
        '3:Noted',
        '4:Noted',
      ]);
      expect(await verifyStream(started.store, 'dossier-1')).toMatchObject({ ok: true, length: 5 });
    });
  });

  describe('the server dies with appends in flight', () => {
    it.each([
      ['after writing one of them', 'crash-after-write'],
      ['before writing one of them', 'crash-before-write'],
    ] as const)(
      '%s: every append is recorded exactly once or reported failed, never both',
      async (_name, fault) => {
        const started = await start({ appendRetries: 6, retryDelayMs: 40 });
        const writers = 12;
        // The first appends go through, then the server dies in the middle of the others.
        await started.server.failNextAppends('none', 'none', 'none', fault);
        const outcomes = await Promise.allSettled(
          Array.from({ length: writers }, (_, i) =>
            started.store.appendToStream(`dossier-${i}`, events('Opened', 2, 10 * i), {
              expectedVersion: 'no_stream',
            }),
          ),
        );
        const failures = outcomes.flatMap((outcome, i) =>
          outcome.status === 'rejected' ? [`dossier-${i}: ${String(outcome.reason)}`] : [],
        );
        // With the server back within the retries, none is reported failed.
        expect(failures).toEqual([]);
        for (let i = 0; i < writers; i++) {
          const stream = await readWhenBack(() => collect(started.store.readStream(`dossier-${i}`)));
          const outcome = outcomes[i];
          if (outcome.status === 'fulfilled') {
            expect(stream.map((e) => e.data)).toEqual([{ n: 10 * i }, { n: 10 * i + 1 }]);
            expect(outcome.value.nextExpectedVersion).toBe(1);
          } else {
            expect(stream).toEqual([]);
          }
        }
        expect(await started.server.eventCount()).toBe(2 * writers);
      },
    );
  });

  describe('errors that another try cannot cure fail at once, with a clear error', () => {
    it('a stream deleted for good (tombstoned) can be neither written nor read', async () => {
      const started = await start({ appendRetries: 3 });
      await started.store.appendToStream('dossier-1', events('Opened', 1));
      await started.server.tombstone('dossier-1');
      const before = await started.server.appendsBy();
      const write = await started.store
        .appendToStream('dossier-1', events('Noted', 1), { expectedVersion: 0 })
        .catch((error: unknown) => error);
      expect(write).toBeInstanceOf(EventStoreStreamDeletedError);
      expect((write as Error).message).toMatch(/dossier-1 was deleted for good/);
      const after = await started.server.appendsBy();
      expect(after.batch + after.classic - before.batch - before.classic).toBeLessThanOrEqual(1);
      await expect(collect(started.store.readStream('dossier-1'))).rejects.toBeInstanceOf(
        EventStoreStreamDeletedError,
      );
      // The rest of the database reads on. The tombstone is a system record of `$all`; the
      // deleted stream's events stay there until the server's next scavenge, as on a real server.
      await started.store.appendToStream('dossier-2', events('Opened', 1));
      expect((await collect(started.store.readAll())).map((e) => e.streamId)).toEqual([
        'dossier-1',
        'dossier-2',
      ]);
    });

    it('an append larger than the server takes writes nothing and names the limit', async () => {
      const started = await start({ appendRetries: 3 }, { maxAppendSize: 4_000 });
      const big = [{ type: 'Attached', data: { text: 'x'.repeat(5_000) } } as EventToAppend];
      const error = await started.store.appendToStream('dossier-1', big).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreAppendTooLargeError);
      expect(error).toMatchObject({ maxAppendSize: 4_000, code: 'EVENTSTORE_APPEND_TOO_LARGE' });
      expect((error as Error).message).toMatch(/maximum append size \(4000 bytes\); nothing was written/);
      expect(await started.server.eventCount()).toBe(0);
      const attempts = await started.server.appendsBy();
      expect(attempts.batch + attempts.classic).toBe(1);
    });

    it('a user without access to $all gets access denied on readAll and subscribe, not endless retries', async () => {
      const started = await start({ resubscribeAttempts: 50, retryDelayMs: 20 });
      await started.store.appendToStream('dossier-1', events('Opened', 1));
      await started.server.denyAllReads();
      await expect(collect(started.store.readAll())).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
      const t0 = Date.now();
      const subscribed = await collect(started.store.subscribe()).catch((error: unknown) => error);
      expect(subscribed).toBeInstanceOf(EventStoreAccessDeniedError);
      expect((subscribed as Error).message).toMatch(/subscribe to \$all/);
      expect(Date.now() - t0).toBeLessThan(1_000);
      // Stream reads and appends are still allowed.
      expect(await collect(started.store.readStream('dossier-1'))).toHaveLength(1);
    });
  });

  describe('a database full of system events', () => {
    it('readAll and subscriptions of the un-namespaced store give only the store’s events', async () => {
      const started = await start({}, { statsEvery: 2 });
      for (let i = 0; i < 6; i++) await started.store.appendToStream(`dossier-${i}`, events('Opened', 1, i));
      const all = await collect(started.store.readAll());
      expect(all.map((e) => e.streamId)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `dossier-${i}`));
      const subscription = started.store.subscribe();
      const seen: string[] = [];
      for await (const event of subscription) {
        seen.push(event.streamId);
        if (seen.length === 6) break;
      }
      await subscription.close();
      expect(seen).toEqual(all.map((e) => e.streamId));
    });
  });
}
