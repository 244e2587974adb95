import type { AppendResult, EventStore, EventToAppend, RecordedEvent } from '@cartes-badges/eventsourcing';
import { verifyStream } from '@cartes-badges/eventsourcing';
import { collect, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../../src';
import type { AppendFault } from '../stand-in/append-execution';
import type { StandInStore } from '../stand-in-harness';
import { disposedAfterEachTest, STAND_IN_TARGETS, startStandInStore } from '../stand-in-harness';
import type { Target } from '../store-under-test';
import type { ClientKind } from '../test-clients';
import { connectClient } from '../test-clients';

/** One append a test made: where, what, and how it ended. */
interface Made {
  readonly label: string;
  readonly streamId: string;
  readonly data: readonly AppendedData[];
  readonly outcome: Promise<AppendResult>;
}

// A type, not an interface: JSON data of an event.
type AppendedData = { readonly append: string; readonly n: number };

const dataOf = (label: string, count: number): AppendedData[] =>
  Array.from({ length: count }, (_, n) => ({ append: label, n }));

/** Starts an append of `count` events labelled `label` (each event's data names its append). */
function append(
  store: EventStore,
  label: string,
  streamId: string,
  count: number,
  expectedVersion: 'any' | 'no_stream' | number,
): Made {
  const data = dataOf(label, count);
  const events = data.map((d) => ({ type: 'Noted', data: d }) as EventToAppend);
  return { label, streamId, data, outcome: store.appendToStream(streamId, events, { expectedVersion }) };
}

/**
 * What the process would die of, or a caller never hear of, while `run` runs and a moment
 * after (a late answer meets what the appends left behind): uncaught exceptions and unhandled
 * rejections, as text.
 */
async function processFailuresDuring(run: () => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  const onUncaught = (error: unknown): void => void failures.push(`uncaught: ${textOf(error)}`);
  const onUnhandled = (reason: unknown): void => void failures.push(`unhandled rejection: ${textOf(reason)}`);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUnhandled);
  }
  return failures;
}

function textOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Waits for every append to settle, or fails naming those still pending after `ms`: a hang is a failure, not a test timeout. */
async function settledWithin(
  made: readonly Made[],
  ms: number,
): Promise<PromiseSettledResult<AppendResult>[]> {
  const pending = new Set(made.map((m) => m.label));
  const all = Promise.allSettled(made.map((m) => m.outcome.finally(() => pending.delete(m.label))));
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`appends still unanswered after ${ms} ms: ${[...pending].join(', ')}`)),
      ms,
    );
  });
  try {
    return await Promise.race([all, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks each append against the database: one that succeeded has its events once, at the
 * versions its own result names (and returns them); one that failed has none. Every stream's
 * chain verifies, and the database holds nothing else.
 */
async function expectEachOnceOrFailed(
  store: EventStore,
  made: readonly Made[],
  outcomes: readonly PromiseSettledResult<AppendResult>[],
): Promise<{ fulfilled: number; rejected: string[] }> {
  const all = await collect(store.readAll());
  const byLabel = new Map<string, RecordedEvent[]>();
  for (const event of all) {
    const { append: label } = event.data as unknown as AppendedData;
    byLabel.set(label, [...(byLabel.get(label) ?? []), event]);
  }
  const rejected: string[] = [];
  made.forEach((m, i) => {
    const outcome = outcomes[i];
    const stored = byLabel.get(m.label) ?? [];
    byLabel.delete(m.label);
    if (outcome.status === 'rejected') {
      rejected.push(`${m.label}: ${textOf(outcome.reason)}`);
      // Reported failed: nothing of it was written.
      expect({ label: m.label, stored: stored.length }).toEqual({ label: m.label, stored: 0 });
      return;
    }
    // Written once, in one piece, in its own stream.
    expect({ label: m.label, data: stored.map((e) => e.data) }).toEqual({ label: m.label, data: m.data });
    expect(stored.every((e) => e.streamId === m.streamId)).toBe(true);
    const versions = stored.map((e) => e.version);
    expect(versions).toEqual(versions.map((_, k) => versions[0] + k));
    // Its own result: the version and position of its own last event, and its own events.
    const result = outcome.value;
    const last = stored[stored.length - 1];
    expect({ label: m.label, version: result.nextExpectedVersion, position: result.globalPosition }).toEqual({
      label: m.label,
      version: last.version,
      position: last.globalPosition,
    });
    if (result.events) expect(result.events.map((e) => e.eventId)).toEqual(stored.map((e) => e.eventId));
  });
  // Nothing written that no append of the test asked for.
  expect([...byLabel.keys()]).toEqual([]);
  for (const streamId of new Set(made.map((m) => m.streamId))) {
    const chain = await verifyStream(store, streamId);
    expect({ streamId, ok: chain.ok }).toEqual({ streamId, ok: true });
  }
  return { fulfilled: made.length - rejected.length, rejected };
}

/**
 * Concurrent appends on one client, as a backend under load makes them (the store sends them
 * as its callers do, never one at a time): on both append paths. On BatchAppend every append
 * of a connection shares one stream and is told apart by its correlation id.
 */
export function describeConcurrentAppends(
  client: ClientKind,
  targets: readonly Target[] = STAND_IN_TARGETS,
): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  describe.each(
    targets.flatMap((target) => (target.kind === 'stand-in' ? [[target.label, target] as const] : [])),
  )(`${client}, %s`, (_label, target) => {
    const start = async (): Promise<StandInStore> =>
      track(await startStandInStore({}, { client, server: { features: target.features } }));

    it('many appends at once through one store: each resolves once with its own result, every event written once, every chain whole', async () => {
      const started = await start();
      const { store } = started;
      const distinct = 24;
      const shared = 24;
      const made: Made[] = [];
      const failures = await processFailuresDuring(async () => {
        // Two waves: new streams and one shared stream ('any'), then the same streams at the
        // versions the first wave's own results gave, and the shared stream again.
        for (const wave of [0, 1]) {
          const waveMade: Made[] = [];
          for (let i = 0; i < distinct; i++) {
            const before = wave === 0 ? undefined : await made[i].outcome;
            waveMade.push(
              append(
                store,
                `w${wave}-d${i}`,
                `dossier-${i}`,
                1 + (i % 3),
                before ? before.nextExpectedVersion : 'no_stream',
              ),
            );
          }
          for (let j = 0; j < shared; j++)
            waveMade.push(append(store, `w${wave}-s${j}`, 'dossier-shared', 1 + (j % 2), 'any'));
          made.push(...waveMade);
          const outcomes = await settledWithin(waveMade, scaledTimeout(20_000));
          expect(
            outcomes.flatMap((o, k) =>
              o.status === 'rejected' ? [`${waveMade[k].label}: ${textOf(o.reason)}`] : [],
            ),
          ).toEqual([]);
        }
      });
      expect(failures).toEqual([]);
      const outcomes = await Promise.allSettled(made.map((m) => m.outcome));
      const { fulfilled } = await expectEachOnceOrFailed(store, made, outcomes);
      expect(fulfilled).toBe(2 * (distinct + shared));
      const sharedStream = await collect(store.readStream('dossier-shared'));
      expect(sharedStream.map((e) => e.version)).toEqual(sharedStream.map((_, v) => v));
      const total = made.reduce((sum, m) => sum + m.data.length, 0);
      expect(await started.eventCount()).toBe(total);
    });

    describe('another client’s connection drops while this one has appends in flight', () => {
      it.each([
        ['UNAVAILABLE before the write', ['unavailable', 'unavailable']],
        [
          'UNAVAILABLE after the write (the answer lost)',
          ['unavailable-after-write', 'unavailable-after-write'],
        ],
      ] as [string, AppendFault[]][])(
        '%s: each append of both clients recorded once or reported failed, never both, never twice, none hangs',
        async (_name, faults) => {
          const started = await start();
          const other = connectClient(client, started.connectionString);
          const dropped = createStoreOnCalls(other.calls, { retryDelayMs: 10 });
          const made: Made[] = [];
          try {
            const failures = await processFailuresDuring(async () => {
              // This client: writers that keep appends in flight until the other client is done.
              let otherDone = false;
              const writers = Array.from({ length: 8 }, async (_, w) => {
                let expected: number | 'no_stream' | 'any' = 'no_stream';
                for (let round = 0; round < 4 || !otherDone; round++) {
                  const m = append(
                    started.store,
                    `busy-${w}-${round}`,
                    `busy-${w}`,
                    1 + (round % 2),
                    expected,
                  );
                  made.push(m);
                  const result = await m.outcome.catch(() => undefined);
                  // After a failure the writer goes on with 'any': its stream's version is unknown.
                  expected = result ? result.nextExpectedVersion : 'any';
                  if (round > 200) break;
                }
              });
              // The other client: each of its appends ends its connection's calls with UNAVAILABLE
              // (on BatchAppend, the one stream every append of that connection shares).
              for (let k = 0; k < 3; k++) {
                await new Promise((resolve) => setTimeout(resolve, 20));
                await started.server.failNextAppendsTo(`dropped-${k}`, ...faults);
                const m = append(dropped, `dropped-${k}`, `dropped-${k}`, 2, 'no_stream');
                made.push(m);
                await m.outcome.catch(() => undefined);
              }
              otherDone = true;
              const all = Promise.all(writers);
              // Bounded: an append that never answers fails the test here, naming itself.
              await settledWithin(made, scaledTimeout(20_000));
              await all;
            });
            expect(failures).toEqual([]);
            const outcomes = await Promise.allSettled(made.map((m) => m.outcome));
            const { rejected } = await expectEachOnceOrFailed(started.store, made, outcomes);
            // The adapter's retries cover a dropped connection: none needs to be reported failed.
            expect(rejected).toEqual([]);
          } finally {
            await dropped.close();
            await other.dispose();
          }
        },
      );
    });
  });
}
