/// <reference types="jest" />
import { left, right } from 'fp-ts/Either';
import { EventDecodeError } from '../../errors';
import type { RecordedEvent } from '../../events';
import type { JsonObject } from '../../json';
import { NO_CHANGE_EVENT_TYPE } from '../../no-change-marker';
import { storedFormOf } from '../../read-pipeline';
import type { EventDecoder } from '../../store-options';
import { createUpcasterRegistry } from '../../upcasting';
import { verifyStream } from '../../verify';
import { anEvent, collect } from '../fixtures';
import type { ContractContext } from '../store-harness';

// v1 { name } → v2 { fullName } → v3 { fullName, title }; v2 also renamed AddressSet → AddressChanged.
const upcasters = createUpcasterRegistry([
  {
    eventType: 'PersonNamed',
    fromSchemaVersion: 1,
    upcast: (data) => ({ data: { fullName: (data as JsonObject).name } }),
  },
  {
    eventType: 'PersonNamed',
    fromSchemaVersion: 2,
    upcast: (data) => ({ data: { ...(data as JsonObject), title: null } }),
  },
  {
    eventType: 'AddressSet',
    fromSchemaVersion: 1,
    renamesTo: 'AddressChanged',
    upcast: (data) => ({ type: 'AddressChanged', data }),
  },
]);

async function storeWithOldEvents(ctx: ContractContext, options = {}) {
  const store = await ctx.create({ upcasters, ...options });
  await store.appendToStream('p-1', [
    anEvent('PersonNamed', { name: 'Ada' }, { metadata: { schemaVersion: 1 } }),
    anEvent('PersonNamed', { fullName: 'Ada L.' }, { metadata: { schemaVersion: 2 } }),
    anEvent(
      'PersonNamed',
      { fullName: 'Ada Lovelace', title: 'Countess' },
      { metadata: { schemaVersion: 3 } },
    ),
    anEvent('AddressSet', { city: 'London' }),
  ]);
  return store;
}

const expected = [
  { type: 'PersonNamed', data: { fullName: 'Ada', title: null }, metadata: { schemaVersion: 3 } },
  { type: 'PersonNamed', data: { fullName: 'Ada L.', title: null }, metadata: { schemaVersion: 3 } },
  {
    type: 'PersonNamed',
    data: { fullName: 'Ada Lovelace', title: 'Countess' },
    metadata: { schemaVersion: 3 },
  },
  { type: 'AddressChanged', data: { city: 'London' }, metadata: { schemaVersion: 2 } },
];

/** Upcasting and decoding apply on every read path; stored events stay as written. */
export function upcastingContract(ctx: ContractContext): void {
  describe('upcasting and decoding on read', () => {
    it('upcasts (chained, with renames) on readStream, readAll and subscribe', async () => {
      const store = await storeWithOldEvents(ctx);
      expect(await collect(store.readStream('p-1'))).toMatchObject(expected);
      expect(await collect(store.readStream('p-1', { direction: 'backwards' }))).toMatchObject(
        [...expected].reverse(),
      );
      expect(await collect(store.readAll())).toMatchObject(expected);
      const subscription = store.subscribe();
      const received: RecordedEvent[] = [];
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 4) break;
      }
      await subscription.close();
      expect(received).toMatchObject(expected);
    });

    it('filters by the upcast type name', async () => {
      const store = await storeWithOldEvents(ctx);
      const renamed = await collect(store.readAll({ filter: { eventTypes: ['AddressChanged'] } }));
      expect(renamed).toMatchObject([expected[3]]);
    });

    it('never rewrites the stored events: each read starts again from what was written', async () => {
      const store = await storeWithOldEvents(ctx);
      await collect(store.readStream('p-1'));
      await collect(store.readAll());
      const again = await collect(store.readStream('p-1'));
      expect(again).toMatchObject(expected);
      expect(again.map(storedFormOf)).toMatchObject([
        { type: 'PersonNamed', data: { name: 'Ada' }, metadata: { schemaVersion: 1 } },
        { type: 'PersonNamed', data: { fullName: 'Ada L.' }, metadata: { schemaVersion: 2 } },
        {
          type: 'PersonNamed',
          data: { fullName: 'Ada Lovelace', title: 'Countess' },
          metadata: { schemaVersion: 3 },
        },
        { type: 'AddressSet', data: { city: 'London' }, metadata: { schemaVersion: 1 } },
      ]);
      expect(await verifyStream(store, 'p-1')).toMatchObject({ ok: true, length: 4 });
    });

    it('throws an EventDecodeError naming stream, version, type and path on every read path', async () => {
      const decoder: EventDecoder = (event) =>
        event.type === 'PersonNamed' && typeof (event.data as JsonObject).title !== 'string'
          ? left([{ path: 'data.title', expected: 'string' }])
          : right(event);
      const store = await storeWithOldEvents(ctx, { decoder });
      const check = (error: unknown) => {
        expect(error).toBeInstanceOf(EventDecodeError);
        expect(error).toMatchObject({ streamId: 'p-1', version: 0, eventType: 'PersonNamed' });
        expect((error as Error).message).toContain('data.title');
      };
      check(await collect(store.readStream('p-1')).catch((e: unknown) => e));
      check(await collect(store.readAll()).catch((e: unknown) => e));
      const subscription = store.subscribe();
      check(await collect(subscription).catch((e: unknown) => e));
      await subscription.close();
      // A filter that leaves the bad event out does not trip on it.
      expect(await collect(store.readAll({ filter: { eventTypes: ['AddressChanged'] } }))).toHaveLength(1);
    });

    it("R-36 gives the kernel's no-change marker as stored, past upcasters and decoder, on every read path", async () => {
      const strict: EventDecoder = (event) =>
        event.type === 'Counted' ? right(event) : left([{ path: 'type', expected: 'Counted' }]);
      const store = await ctx.create({ upcasters, decoder: strict });
      await store.appendToStream('c-1', [anEvent('Counted', { n: 1 })]);
      await store.appendToStream('c-1', [
        anEvent(NO_CHANGE_EVENT_TYPE, {}, { metadata: { commandId: 'same-again', schemaVersion: 1 } }),
      ]);
      const marker = {
        type: NO_CHANGE_EVENT_TYPE,
        data: {},
        version: 1,
        metadata: { commandId: 'same-again' },
      };
      expect(await collect(store.readStream('c-1'))).toMatchObject([{ type: 'Counted' }, marker]);
      expect(await collect(store.readAll({ filter: { streamPrefix: 'c-' } }))).toMatchObject([
        { type: 'Counted' },
        marker,
      ]);
      const subscription = store.subscribe({ filter: { streamPrefix: 'c-' } });
      const received: RecordedEvent[] = [];
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 2) break;
      }
      await subscription.close();
      expect(received).toMatchObject([{ type: 'Counted' }, marker]);
      expect(await verifyStream(store, 'c-1')).toMatchObject({ ok: true, length: 2 });
    });
  });
}
