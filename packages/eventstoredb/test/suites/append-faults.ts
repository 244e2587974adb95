import { v4 as uuidV4 } from 'uuid';
import type { EventStore, EventToAppend } from '@cartes-badges/eventsourcing';
import { verifyStream } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import type { EventStoreDBStoreOptions } from '../../src';
import {
  createStoreOnCalls,
  decodePosition,
  EventStoreDBCheckpoints,
  RESERVED_STREAM_PREFIX,
  EventStoreAccessDeniedError,
  EventStoreAppendTooLargeError,
  EventStoreStreamDeletedError,
} from '../../src';
import type { StandInOptions } from '../stand-in/stand-in-server';
import type { StandInStore } from '../stand-in-harness';
import type { StartStore, StoreUnderTest, Target } from '../store-under-test';
import { onStandInOnly, unlessSkipped } from '../store-under-test';
import { connectClient } from '../test-clients';

type StartStandIn = (options?: EventStoreDBStoreOptions, server?: StandInOptions) => Promise<StandInStore>;

/** EventStoreDB's default `MaxAppendSize` (1 MiB), unless the real server is told another. */
const realMaxAppendSize = (): number => Number(process.env.EVENTSTORE_MAX_APPEND_SIZE ?? 1_048_576);

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
export function describeAppendFaults(target: Target, startStore: StartStore, start: StartStandIn): void {
  onStandInOnly(target, 'a test cannot call up deadlines, commit timeouts, elections or crashes', () => {
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
  });

  describe('errors that another try cannot cure fail at once, with a clear error', () => {
    it('a stream deleted for good (tombstoned) can be neither written nor read', async () => {
      const started = await startStore({ appendRetries: 3 });
      await started.store.appendToStream('dossier-1', events('Opened', 1));
      await started.tombstone('dossier-1');
      const before = await started.standIn?.appendsBy();
      const write = await started.store
        .appendToStream('dossier-1', events('Noted', 1), { expectedVersion: 0 })
        .catch((error: unknown) => error);
      expect(write).toBeInstanceOf(EventStoreStreamDeletedError);
      expect((write as Error).message).toMatch(/dossier-1 was deleted for good/);
      if (before) {
        // Not retried: at most the one attempt reached the server.
        const after = (await started.standIn?.appendsBy()) ?? before;
        expect(after.batch + after.classic - before.batch - before.classic).toBeLessThanOrEqual(1);
      }
      await expect(collect(started.store.readStream('dossier-1'))).rejects.toBeInstanceOf(
        EventStoreStreamDeletedError,
      );
      // The rest of the database reads on. The tombstone is a system record of `$all`; the
      // deleted stream's events stay there until the server's next scavenge.
      await started.store.appendToStream('dossier-2', events('Opened', 1));
      expect((await collect(started.store.readAll())).map((e) => e.streamId)).toEqual([
        'dossier-1',
        'dossier-2',
      ]);
    });

    it('an append larger than the server takes writes nothing and names the limit', async () => {
      // The stand-in is given a small limit; a real server has its own (1 MiB unless configured).
      const limit = target.kind === 'stand-in' ? 4_000 : realMaxAppendSize();
      const started = await startStore({ appendRetries: 3 }, { server: { maxAppendSize: limit } });
      const big = [{ type: 'Attached', data: { text: 'x'.repeat(limit + 1_000) } } as EventToAppend];
      const error = await started.store.appendToStream('dossier-1', big).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreAppendTooLargeError);
      expect(error).toMatchObject({ maxAppendSize: limit, code: 'EVENTSTORE_APPEND_TOO_LARGE' });
      expect((error as Error).message).toMatch(
        new RegExp(`maximum append size \\(${limit} bytes\\); nothing was written`),
      );
      expect(await started.eventCount()).toBe(0);
      expect(await collect(started.store.readStream('dossier-1'))).toEqual([]);
      const attempts = await started.standIn?.appendsBy();
      if (attempts) expect(attempts.batch + attempts.classic).toBe(1);
    });

    unlessSkipped(target.label, accessDeniedSkip(target), () => {
      it('a user without access to $all gets access denied on readAll and subscribe, not endless retries', async () => {
        const started = await startStore({ resubscribeAttempts: 50, retryDelayMs: 20 });
        const restricted = await withoutAllReads(started);
        try {
          await restricted.store.appendToStream('dossier-1', events('Opened', 1));
          await expect(collect(restricted.store.readAll())).rejects.toBeInstanceOf(
            EventStoreAccessDeniedError,
          );
          const t0 = Date.now();
          const subscribed = await collect(restricted.store.subscribe()).catch((error: unknown) => error);
          expect(subscribed).toBeInstanceOf(EventStoreAccessDeniedError);
          expect((subscribed as Error).message).toMatch(/subscribe to \$all/);
          expect(Date.now() - t0).toBeLessThan(1_000);
          // Stream reads and appends are still allowed.
          expect(await collect(restricted.store.readStream('dossier-1'))).toHaveLength(1);
        } finally {
          await restricted.dispose();
        }
      });
    });
  });

  describe('a database full of system events', () => {
    it('readAll and subscriptions of the default (un-namespaced) store give only the store’s events', async () => {
      const started = await startStore({ namespace: '' }, { server: { statsEvery: 2 } });
      const { store, calls } = started;
      // Where this test starts in a database that may hold much more (a real server's, over runs).
      const marker = await store.appendToStream(`marker-${uuidV4()}`, events('Marked', 1));
      const prefix = `dossier-${uuidV4()}-`;
      for (let i = 0; i < 6; i++) {
        await store.appendToStream(`${prefix}${i}`, events('Opened', 1, i));
        // A stream's metadata is a `$$` system event, and a checkpoint stream is the adapter's own.
        if (i === 2) await calls.setMaxCount(`${prefix}${i}`, 10);
        if (i === 3)
          await new EventStoreDBCheckpoints(calls).write(`projection-${uuidV4()}`, {
            position: 1n,
            version: 1,
          });
      }
      const raw = await calls.readAll({ from: decodePosition(marker.globalPosition), maxCount: 4096 });
      expect(raw.some((record) => record.streamName.startsWith('$'))).toBe(true);
      expect(raw.some((record) => record.streamName.startsWith(RESERVED_STREAM_PREFIX))).toBe(true);

      const isOwnOrForeign = (streamId: string): boolean =>
        !streamId.startsWith('$') && !streamId.startsWith(RESERVED_STREAM_PREFIX);
      const all = await collect(store.readAll({ after: marker.globalPosition }));
      expect(all.every((event) => isOwnOrForeign(event.streamId))).toBe(true);
      // Other writers of a real server may interleave their events; this test's come in order.
      const mine = all.filter((event) => event.streamId.startsWith(prefix));
      expect(mine.map((event) => event.streamId)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${prefix}${i}`));

      const subscription = store.subscribe({ after: marker.globalPosition });
      const seen: string[] = [];
      for await (const event of subscription) {
        expect(isOwnOrForeign(event.streamId)).toBe(true);
        if (event.streamId.startsWith(prefix)) seen.push(event.streamId);
        if (seen.length === 6) break;
      }
      await subscription.close();
      expect(seen).toEqual(mine.map((event) => event.streamId));
    });
  });
}

/** Why the access-denied test cannot run on a target, if it cannot. */
function accessDeniedSkip(target: Target): string | undefined {
  if (target.kind === 'stand-in' || process.env.EVENTSTORE_RESTRICTED_USER) return undefined;
  return (
    'on a real server, access denied needs a user without $all rights: set EVENTSTORE_RESTRICTED_USER=name:password ' +
    '(a server started with --insecure has no users at all)'
  );
}

/**
 * A store in the same namespace whose user may not read `$all`: on the stand-in the server is
 * told so; on a real server the client connects as EVENTSTORE_RESTRICTED_USER.
 */
async function withoutAllReads(
  started: StoreUnderTest,
): Promise<{ store: EventStore; dispose(): Promise<void> }> {
  if (started.standIn) {
    await started.standIn.denyAllReads();
    return { store: started.store, dispose: async () => undefined };
  }
  const credentials = process.env.EVENTSTORE_RESTRICTED_USER ?? '';
  const url = started.connectionString.replace(/^(\w+):\/\/([^@/]*@)?/, `$1://${credentials}@`);
  const client = connectClient(started.client.kind, url);
  const store = createStoreOnCalls(client.calls, {
    namespace: started.namespace,
    resubscribeAttempts: 50,
    retryDelayMs: 20,
  });
  return {
    store,
    async dispose() {
      await store.close();
      await client.dispose();
    },
  };
}
