/// <reference types="jest" />
import type { ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../../store';
import { MAX_GLOBAL_POSITION } from '../../read-options';
import { anEvent, collect } from '../fixtures';
import type { ContractContext } from '../store-harness';

// Options a clumsy or hostile caller gives, with the option each error must name. Every store
// read them its own way before (one event or two for `maxCount: 1.5`, forwards for a direction it
// did not know, a raw driver error for a position past 2^63): now each refuses them alike.
const BAD_STREAM_READS: readonly [string, unknown][] = [
  ['fromVersion', { fromVersion: -1 }],
  ['fromVersion', { fromVersion: 1.5 }],
  ['fromVersion', { fromVersion: 1n }],
  ['fromVersion', { fromVersion: '1' }],
  ['maxCount', { maxCount: -1 }],
  ['maxCount', { maxCount: 1.5 }],
  ['maxCount', { maxCount: Number.NaN }],
  ['maxCount', { maxCount: Infinity }],
  ['batchSize', { batchSize: 0 }],
  ['batchSize', { batchSize: 2.5 }],
  ['direction', { direction: 'sideways' }],
  ['options', 'backwards'],
];

const BAD_ALL_READS: readonly [string, unknown][] = [
  ['after', { after: -1n }],
  ['after', { after: MAX_GLOBAL_POSITION + 1n }],
  ['after', { after: 1 }],
  ['after', { after: '1' }],
  ['maxCount', { maxCount: -1 }],
  ['maxCount', { maxCount: 1.5 }],
  ['batchSize', { batchSize: 0 }],
  ['batchSize', { batchSize: Number.NaN }],
  ['filter', { filter: 'dossier-' }],
  ['filter.streamPrefix', { filter: { streamPrefix: 5 } }],
  ['filter.streamPrefix', { filter: { streamPrefix: ['dossier-', null] } }],
  ['filter.eventTypes', { filter: { eventTypes: 'Opened' } }],
  ['filter.eventTypes', { filter: { eventTypes: [1] } }],
  ['options', 42],
];

const BAD_SUBSCRIPTIONS: readonly [string, unknown][] = [
  ['after', { after: -1n }],
  ['after', { after: 3 }],
  ['filter.eventTypes', { filter: { eventTypes: 'Opened' } }],
  ['onCaughtUp', { onCaughtUp: 'done' }],
];

// A bad value as the test's title shows it (bigints and nested objects included).
const shownValue = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
const titled = (rows: readonly [string, unknown][]): [string, string, unknown][] =>
  rows.map(([option, value]) => [option, shownValue(value), value]);

/** What a read given `options` throws (synchronously or at its first event), or undefined. */
async function failureOf(read: () => AsyncIterable<unknown> | undefined): Promise<unknown> {
  try {
    const events = read();
    if (events !== undefined) await collect(events);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectRefused(error: unknown, option: string): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toMatch(/^(RangeError|TypeError)$/);
  expect((error as Error).message).toMatch(new RegExp(`\\b${option.replace('.', '\\.')} must be`));
}

/** The read options of the port: refused alike by every store, naming the option. */
export function readOptionsContract(ctx: ContractContext): void {
  describe('read options', () => {
    async function storeWithEvents() {
      const store = await ctx.create();
      await store.appendToStream('dossier-1', [anEvent('Opened'), anEvent('Named'), anEvent('Named')]);
      await store.appendToStream('dossier-2', [anEvent('Opened')]);
      return store;
    }

    it.each(titled(BAD_STREAM_READS))(
      'readStream refuses a bad %s: %s, naming the option',
      async (option, _shown, bad) => {
        const store = await storeWithEvents();
        const options = bad as ReadStreamOptions;
        expectRefused(await failureOf(() => store.readStream('dossier-1', options)), option);
        if (store.readStreamPages)
          expectRefused(await failureOf(() => store.readStreamPages?.('dossier-1', options)), option);
        expect(await collect(store.readStream('dossier-1'))).toHaveLength(3);
      },
    );

    it.each(titled(BAD_ALL_READS))(
      'readAll refuses a bad %s: %s, naming the option',
      async (option, _shown, bad) => {
        const store = await storeWithEvents();
        const options = bad as ReadAllOptions;
        expectRefused(await failureOf(() => store.readAll(options)), option);
        if (store.readAllPages) expectRefused(await failureOf(() => store.readAllPages?.(options)), option);
        expect(await collect(store.readAll())).toHaveLength(4);
      },
    );

    it.each(titled(BAD_SUBSCRIPTIONS))(
      'subscribe refuses a bad %s: %s, naming the option',
      async (option, _shown, bad) => {
        const store = await storeWithEvents();
        let opened: { close(): Promise<void> } | undefined;
        const error = await failureOf(() => {
          const subscription = store.subscribe(bad as SubscribeOptions);
          opened = subscription;
          return undefined;
        });
        await opened?.close();
        expectRefused(error, option);
      },
    );

    it('reads after any checkpoint up to the largest position, past what a SQL column holds', async () => {
      const store = await storeWithEvents();
      const all = await collect(store.readAll());
      // Past 2^63 a SQLite or PostgreSQL position cannot be (their driver refused to bind it);
      // the EventStoreDB adapter's positions are 128-bit pairs, so there they may hold events.
      for (const after of [2n ** 63n - 1n, 2n ** 63n, 2n ** 64n, MAX_GLOBAL_POSITION]) {
        const expected = all.filter((event) => event.globalPosition > after).map((event) => event.eventId);
        expect((await collect(store.readAll({ after }))).map((event) => event.eventId)).toEqual(expected);
      }
      expect(await collect(store.readAll({ after: MAX_GLOBAL_POSITION }))).toEqual([]);
      // The limits themselves are fine: 0 events, a version past the stream's end, one per page.
      expect(await collect(store.readAll({ maxCount: 0 }))).toEqual([]);
      expect(await collect(store.readStream('dossier-1', { fromVersion: 2 ** 31 }))).toEqual([]);
      expect(await collect(store.readAll({ batchSize: 1, after: 0n }))).toHaveLength(4);
    });
  });
}
