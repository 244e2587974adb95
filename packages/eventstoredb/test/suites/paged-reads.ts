import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type {
  EventStore,
  EventToAppend,
  ReadStreamOptions,
  RecordedEvent,
} from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../../src';
import type { ClientCalls } from '../../src';
import { closeStandInHost, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import { onStandInOnly } from '../store-under-test';
import type { ClientKind } from '../test-clients';

// One server (or namespace) per target; the reads counted go through a wrapper of the real client calls.
let started: StoreUnderTest;
let store: EventStore;
const reads = { started: 0, finished: 0, maxInFlight: 0 };

function counted(calls: ClientCalls): ClientCalls {
  const track = async <T>(read: () => Promise<T>): Promise<T> => {
    reads.started += 1;
    reads.maxInFlight = Math.max(reads.maxInFlight, reads.started - reads.finished);
    try {
      return await read();
    } finally {
      reads.finished += 1;
    }
  };
  return {
    ...calls,
    readStream: (name, options) => track(() => calls.readStream(name, options)),
    readAll: (options) => track(() => calls.readAll(options)),
  };
}

const events = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'Counted', data: { n: from + i } }) as EventToAppend);
const keys = (list: readonly RecordedEvent[]): string[] => list.map((e) => `${e.streamId}@${e.version}`);
async function pagesOf(pages: AsyncIterable<readonly RecordedEvent[]>): Promise<RecordedEvent[][]> {
  const out: RecordedEvent[][] = [];
  for await (const page of pages) out.push([...page]);
  return out;
}

/** Paged reads and their prefetching, on one client, on each target (by default the stand-in on both paths). */
export function describePagedReads(kind: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  afterAll(closeStandInHost);
  describe.each(targets.map((target) => [target.label, target] as const))(`${kind}, %s`, (_label, target) => {
    beforeAll(async () => {
      // On the stand-in, only this file's events in `$all`: the read counts below are about
      // paging alone (the contract suite runs on a database full of system events).
      started = await storeStarter({ client: kind, target })(
        { readBatchSize: 4 },
        { server: { systemEvents: false, statsEvery: 0 } },
      );
      store = createStoreOnCalls(counted(started.calls), { readBatchSize: 4, namespace: started.namespace });
      // Interleaved writes, so that $all mixes the streams.
      for (let i = 0; i < 10; i++) {
        await store.appendToStream('dossier-a', events(2, 2 * i));
        await store.appendToStream('other-b', events(1, i));
      }
    });
    afterAll(async () => {
      await store.close();
      await started.dispose();
    });
    beforeEach(() => Object.assign(reads, { started: 0, finished: 0, maxInFlight: 0 }));

    describe('readStreamPages', () => {
      it.each([
        ['forwards', {}],
        ['backwards', { direction: 'backwards' as const }],
        ['from a version, at most 7', { fromVersion: 5, maxCount: 7 }],
        ['backwards from a version', { direction: 'backwards' as const, fromVersion: 9, batchSize: 3 }],
      ])(
        'gives the events of readStream, in pages of at most batchSize (%s)',
        async (_, options: ReadStreamOptions) => {
          const flat = await collect(store.readStream('dossier-a', options));
          const pages = await pagesOf(store.readStreamPages!('dossier-a', options));
          expect(keys(pages.flat())).toEqual(keys(flat));
          expect(flat.length).toBeGreaterThan(0);
          for (const page of pages) {
            expect(page.length).toBeGreaterThan(0);
            expect(page.length).toBeLessThanOrEqual(options.batchSize ?? 4);
          }
        },
      );

      it('gives no page for a stream that does not exist', async () => {
        expect(await pagesOf(store.readStreamPages!('dossier-none'))).toEqual([]);
      });
    });

    describe('readAllPages', () => {
      it('gives the events of readAll, filter, checkpoint and maxCount included', async () => {
        const everything = await collect(store.readAll());
        expect(everything).toHaveLength(30);
        const after = everything[3].globalPosition;
        const expected = everything
          .filter((event) => event.globalPosition > after && event.streamId === 'dossier-a')
          .slice(0, 11);
        const options = { filter: { streamPrefix: 'dossier-' }, after, maxCount: 11 };
        expect(keys(await collect(store.readAll(options)))).toEqual(keys(expected));
        const pages = await pagesOf(store.readAllPages!(options));
        expect(keys(pages.flat())).toEqual(keys(expected));
        expect(pages.every((page) => page.length > 0 && page.length <= 4)).toBe(true);
      });
    });

    describe('prefetching the next page', () => {
      it('reads a whole stream with at most one read in flight beyond the page being consumed', async () => {
        const seen: number[] = [];
        for await (const event of store.readStream('dossier-a')) {
          // While the reader holds a page, at most the next one has been asked for.
          seen.push(event.version);
          expect(reads.started).toBeLessThanOrEqual(Math.floor(seen.length / 4) + 2);
          // ...and it has been: the second page is on its way while the first is read.
          if (seen.length === 1) expect(reads.started).toBe(2);
          await new Promise((resolve) => setImmediate(resolve));
        }
        expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
        expect(reads.maxInFlight).toBe(1);
        // 20 events in pages of 4: five full pages, and one to find the end.
        expect(reads.started).toBe(6);
      });

      it('asks for nothing more of a stream than maxCount needs', async () => {
        expect(await collect(store.readStream('dossier-a', { maxCount: 8 }))).toHaveLength(8);
        expect(reads.started).toBe(2);
      });

      onStandInOnly(
        target,
        "a namespace's pages of $all hold other namespaces' events and the server's own",
        () => {
          it('asks for nothing more of $all than maxCount needs', async () => {
            expect(await collect(store.readAll({ maxCount: 3 }))).toHaveLength(3);
            expect(reads.started).toBe(1);
          });

          it('a reader that stops early leaves no failing read behind', async () => {
            // The read prefetched after the first page fails; nobody waits for it, nothing may throw.
            const calls = started.calls;
            let call = 0;
            const failing = createStoreOnCalls(
              {
                ...calls,
                readAll: (options) =>
                  ++call === 1 ? calls.readAll(options) : Promise.reject(new Error('gone')),
              },
              { readBatchSize: 4 },
            );
            const unhandled = jest.fn();
            process.on('unhandledRejection', unhandled);
            try {
              for await (const event of failing.readAll()) if (event) break;
              await new Promise((resolve) => setTimeout(resolve, 50));
              expect(call).toBe(2);
              expect(unhandled).not.toHaveBeenCalled();
            } finally {
              process.off('unhandledRejection', unhandled);
            }
          });
        },
      );
    });
  });
}
