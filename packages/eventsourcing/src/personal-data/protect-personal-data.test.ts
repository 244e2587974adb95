import { left, right } from 'fp-ts/Either';
import { digest, verifyAgainstDigest } from '../digest';
import { EventDecodeError, InvalidEventError } from '../errors';
import type { EventToAppend, RecordedEvent } from '../events';
import { createInMemoryEventStore, inMemoryStorageOf } from '../in-memory-store';
import { readAllInPages } from '../paged-read';
import type { EventStore } from '../store';
import { verifyStream } from '../verify';
import { createInMemoryPersonalDataKeys } from './in-memory-personal-data-keys';
import { PersonalDataErasedError } from './personal-data-keys';
import type { PersonalDataProtection } from './protect-personal-data';
import { ERASED_TEXT, personalDataKeysOf, protectPersonalData } from './protect-personal-data';

const actor = { role: 'gestionnaire', userId: 'g-1' };
const fields = { ContactChanged: ['email'], Noted: ['note.text'] };
const subjectOf = (streamId: string): string | undefined =>
  streamId.startsWith('dossier-') ? streamId : undefined;

const contact = (email: string | null): EventToAppend => ({
  type: 'ContactChanged',
  data: { email },
  metadata: { actor },
});
const noted = (text: string): EventToAppend => ({
  type: 'Noted',
  data: { note: { text, by: 'jeanne' } },
  metadata: { actor },
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function setUp(extra: Partial<PersonalDataProtection> = {}) {
  const raw = createInMemoryEventStore();
  const keys = createInMemoryPersonalDataKeys();
  const store = protectPersonalData(raw, { keys, fields, subjectOf, ...extra });
  return { raw, keys, store };
}

const dataOf = (events: readonly RecordedEvent[]) => events.map((event) => event.data);

describe('protectPersonalData (crypto-shredding of personal values)', () => {
  it('stores only ciphertext of personal values, and every read path gives them back in clear', async () => {
    const { raw, store } = setUp();
    await store.appendToStream('dossier-1', [contact('jeanne@exemple.fr'), noted('Mme Jeanne Durand')]);
    const stored = JSON.stringify(inMemoryStorageOf(raw).all.map((event) => event.data));
    expect(stored).not.toContain('jeanne@exemple.fr');
    expect(stored).not.toContain('Jeanne Durand');
    expect(stored).toContain('"$personal":"pd1.');
    // What is not personal stays in clear.
    expect(stored).toContain('"by":"jeanne"');

    const clear = [{ email: 'jeanne@exemple.fr' }, { note: { text: 'Mme Jeanne Durand', by: 'jeanne' } }];
    expect(dataOf(await all(store.readStream('dossier-1')))).toEqual(clear);
    expect(dataOf(await all(store.readAll()))).toEqual(clear);
    expect(dataOf((await all(readAllInPages(store, { batchSize: 1 }))).flat())).toEqual(clear);
    const subscription = store.subscribe();
    const seen: RecordedEvent[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === 2) break;
    }
    await subscription.close();
    expect(dataOf(seen)).toEqual(clear);
  });

  it('gives the appended events back in clear, and leaves null values and other streams alone', async () => {
    const { raw, store } = setUp();
    const result = await store.appendToStream('dossier-2', [contact(null), contact('a@b.fr')]);
    expect(dataOf(result.events ?? [])).toEqual([{ email: null }, { email: 'a@b.fr' }]);
    await store.appendToStream('numbering-2025', [contact('not-a-subject@b.fr')]);
    const stored = inMemoryStorageOf(raw).all.map((event) => event.data);
    expect(stored[0]).toEqual({ email: null });
    expect(JSON.stringify(stored[2])).toContain('not-a-subject@b.fr');
  });

  it('after the key is destroyed every read gives the erased mark, and the chain and a digest taken before still verify', async () => {
    const { keys, raw, store } = setUp();
    await store.appendToStream('dossier-3', [contact('jeanne@exemple.fr'), noted('Jeanne')]);
    const before = await digest(raw);
    expect(await keys.destroy('dossier-3')).toBe(true);

    expect(dataOf(await all(store.readStream('dossier-3')))).toEqual([
      { email: ERASED_TEXT },
      { note: { text: ERASED_TEXT, by: 'jeanne' } },
    ]);
    expect(dataOf(await all(store.readAll()))[0]).toEqual({ email: ERASED_TEXT });
    // Through the protected store (stored form kept beside the read one) and on the raw store.
    expect(await verifyStream(store, 'dossier-3')).toMatchObject({ ok: true, length: 2 });
    expect(await verifyStream(raw, 'dossier-3')).toMatchObject({ ok: true, length: 2 });
    expect(await verifyAgainstDigest(store, before)).toMatchObject({ ok: true });
    // Nothing personal can be written again for an erased subject.
    await expect(store.appendToStream('dossier-3', [contact('new@exemple.fr')])).rejects.toBeInstanceOf(
      PersonalDataErasedError,
    );
    expect(inMemoryStorageOf(raw).all).toHaveLength(2);
  });

  it('a value sealed under another subject (moved by a forger) is reported with its stream and version, never read', async () => {
    const { raw, store } = setUp();
    await store.appendToStream('dossier-a', [contact('a@exemple.fr')]);
    const sealed = inMemoryStorageOf(raw).all[0].data;
    await raw.appendToStream('dossier-b', [{ type: 'ContactChanged', data: sealed, metadata: { actor } }]);
    await store.appendToStream('dossier-b', [contact('b@exemple.fr')]);
    const reading = all(store.readStream('dossier-b'));
    await expect(reading).rejects.toBeInstanceOf(EventDecodeError);
    await expect(all(store.readStream('dossier-b'))).rejects.toThrow(/dossier-b, version 0 .*data\.email/);
    const error = (await all(store.readStream('dossier-b')).catch(
      (caught: unknown) => caught,
    )) as EventDecodeError;
    expect(error.problems).toEqual([
      { path: 'data.email', expected: 'a personal value sealed with the key of dossier-b' },
    ]);
  });

  it("runs the domain's decoder on the clear value, not on the ciphertext", async () => {
    const decoded: unknown[] = [];
    const { store } = setUp({
      decoder: (event) => {
        decoded.push(event.data);
        return typeof (event.data as { email?: unknown }).email === 'string'
          ? right(event)
          : left([{ path: 'data.email', expected: 'text' }]);
      },
    });
    await store.appendToStream('dossier-4', [contact('c@exemple.fr')]);
    await all(store.readStream('dossier-4'));
    expect(decoded).toEqual([{ email: 'c@exemple.fr' }]);
  });

  it('reads a history written before protection (clear values) as it was', async () => {
    const raw = createInMemoryEventStore();
    await raw.appendToStream('dossier-5', [contact('old@exemple.fr')]);
    const store: EventStore = protectPersonalData(raw, {
      keys: createInMemoryPersonalDataKeys(),
      fields,
      subjectOf,
    });
    expect(dataOf(await all(store.readStream('dossier-5')))).toEqual([{ email: 'old@exemple.fr' }]);
    expect(await verifyStream(store, 'dossier-5')).toMatchObject({ ok: true });
  });

  it('leaves events with no personal value alone: no key made, none looked up, data as written', async () => {
    const { keys, store } = setUp();
    const lookups: string[][] = [];
    const keysFor = keys.keysFor.bind(keys);
    keys.keysFor = (subjects) => {
      lookups.push([...subjects]);
      return keysFor(subjects);
    };
    // A type with no personal fields, and a personal type whose field is absent or null.
    const events: EventToAppend[] = [
      { type: 'Opened', data: { email: 'not-declared@exemple.fr' }, metadata: { actor } },
      { type: 'ContactChanged', data: { phone: '0102' }, metadata: { actor } },
      contact(null),
    ];
    const appended = await store.appendToStream('dossier-8', events);
    expect(dataOf(appended.events ?? [])).toEqual(events.map((event) => event.data));
    expect((await keys.keysFor(['dossier-8'])).has('dossier-8')).toBe(false);
    lookups.length = 0;
    expect(dataOf(await all(store.readStream('dossier-8')))).toEqual(events.map((event) => event.data));
    expect(dataOf(await all(store.readAll()))).toEqual(events.map((event) => event.data));
    expect(lookups).toEqual([]);
  });

  it('seals the personal values of a batch that mixes events with and without them', async () => {
    const { raw, store } = setUp();
    await store.appendToStream('dossier-11', [
      { type: 'Opened', data: { by: 'claire' }, metadata: { actor } },
      contact('f@exemple.fr'),
    ]);
    const stored = inMemoryStorageOf(raw).all.map((event) => event.data);
    expect(stored[0]).toEqual({ by: 'claire' });
    expect(JSON.stringify(stored[1])).not.toContain('f@exemple.fr');
    expect(dataOf(await all(store.readStream('dossier-11')))).toEqual([
      { by: 'claire' },
      { email: 'f@exemple.fr' },
    ]);
  });

  it("seals under the stream's subject when it differs from the stream id, and gives the appended events back in clear", async () => {
    const raw = createInMemoryEventStore();
    const keys = createInMemoryPersonalDataKeys();
    // The documents of dossier-9 are kept in a stream of their own, erased with the dossier.
    const store = protectPersonalData(raw, { keys, fields, subjectOf: (streamId) => streamId.split('/')[0] });
    const appended = await store.appendToStream('dossier-9/documents', [contact('d@exemple.fr')]);
    expect(dataOf(appended.events ?? [])).toEqual([{ email: 'd@exemple.fr' }]);
    expect([...(await keys.keysFor(['dossier-9', 'dossier-9/documents'])).keys()]).toEqual(['dossier-9']);
    await keys.destroy('dossier-9');
    expect(dataOf(await all(store.readStream('dossier-9/documents')))).toEqual([{ email: ERASED_TEXT }]);
  });

  it("keeps the append when the decoder refuses what was written (as a store's own append): the reader meets the error", async () => {
    const { raw, store } = setUp({
      decoder: (event) =>
        event.type === 'ContactChanged' ? left([{ path: 'data.email', expected: 'never' }]) : right(event),
    });
    const appended = await store.appendToStream('dossier-10', [contact('e@exemple.fr')]);
    expect(appended.nextExpectedVersion).toBe(0);
    expect(appended.events).toBeUndefined();
    expect(inMemoryStorageOf(raw).all).toHaveLength(1);
    await expect(all(store.readStream('dossier-10'))).rejects.toBeInstanceOf(EventDecodeError);
  });

  it('lends its keys to an erasure (personalDataKeysOf), never to a copy or a log of the store', () => {
    const { raw, keys, store } = setUp();
    expect(personalDataKeysOf(store)).toBe(keys);
    expect(personalDataKeysOf(raw)).toBeUndefined();
    expect(personalDataKeysOf({ ...store } as EventStore)).toBeUndefined();
  });

  it('refuses wrong append options before it makes a key: a refused write leaves no key behind', async () => {
    const { keys, store } = setUp();
    await expect(
      store.appendToStream('dossier-6', [contact('a@exemple.fr')], { expectedVersion: '0' as never }),
    ).rejects.toThrow(/^appendToStream: expectedVersion must be/);
    expect((await keys.keysFor(['dossier-6'])).has('dossier-6')).toBe(false);
    expect(await all(store.readStream('dossier-6'))).toEqual([]);
  });

  it.each([
    ['no list', null, 'events must be an array of events'],
    ['a null event', [null], 'event must be an object { type, data }'],
    [
      'a bigint personal value',
      [{ type: 'ContactChanged', data: { email: 5n }, metadata: { actor } }],
      'data.email is a BigInt',
    ],
  ])(
    "refuses %s with the store's error naming it (was a raw TypeError from sealing), no key made",
    async (_name, events, reason) => {
      const { keys, store } = setUp();
      await expect(store.appendToStream('dossier-7', events as never)).rejects.toThrow(InvalidEventError);
      await expect(store.appendToStream('dossier-7', events as never)).rejects.toThrow(reason);
      expect((await keys.keysFor(['dossier-7'])).has('dossier-7')).toBe(false);
    },
  );
});
