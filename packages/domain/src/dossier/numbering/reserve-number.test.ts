import type { EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import { ConcurrencyError, createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '../../service/store-options';
import { formatDossierNumber, yearMonthOf } from './dossier-number';
import { reserveDossierNumber, reserveDraftNumber } from './numbers';
import { claimStreamId, reserveNumber, sequenceStreamId } from './reserve-number';

describe('numbering through the event store', () => {
  it('R-01 many concurrent reservations get unique, contiguous numbers', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const owners = Array.from({ length: 60 }, (_, i) => `dossier-${i}`);
    const numbers = await Promise.all(
      owners.map((ownerId) => reserveNumber(store, { sequence: 'test', ownerId, first: 1 })),
    );
    expect(new Set(numbers).size).toBe(60);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('R-01 two independent writers (two service instances sharing a store) never share a number', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const at = new Date('2025-12-15T10:00:00Z');
    const [a, b] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, i) => reserveDossierNumber(store, `a-${i}`, at))),
      Promise.all(Array.from({ length: 20 }, (_, i) => reserveDossierNumber(store, `b-${i}`, at))),
    ]);
    const all = [...a, ...b];
    expect(new Set(all).size).toBe(40);
    expect(all.every((n) => /^2512AF0000[0-4]\d$/.test(n))).toBe(true);
  });

  it('R-01 dossier numbers are YYMM + AF + 6 digits, restarting each month (Paris time)', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    expect(await reserveDossierNumber(store, 'x', new Date('2025-12-31T10:00:00Z'))).toBe('2512AF000001');
    expect(await reserveDossierNumber(store, 'y', new Date('2025-12-31T10:00:00Z'))).toBe('2512AF000002');
    // 23:30 UTC on 31 December is already January in Paris.
    expect(await reserveDossierNumber(store, 'z', new Date('2025-12-31T23:30:00Z'))).toBe('2601AF000001');
    expect(yearMonthOf(new Date('2026-03-01T12:00:00Z'))).toBe('2603');
    expect(formatDossierNumber('2512', 408)).toBe('2512AF000408');
    expect(() => formatDossierNumber('2512', 1_000_000)).toThrow(RangeError);
  });

  it('R-36 asking again for the same owner gives the same number, also when the attempts race', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const first = await reserveDraftNumber(store, 'dossier-a');
    expect(await reserveDraftNumber(store, 'dossier-a')).toBe(first);
    const racing = await Promise.all([1, 2, 3, 4].map(() => reserveDraftNumber(store, 'dossier-b')));
    expect(new Set(racing).size).toBe(1);
    expect(racing[0]).toBe(first + 1);
    expect(await reserveDraftNumber(store, 'dossier-c')).toBe(first + 2);
  });

  it('R-01 a sequence at its maximum gives no more numbers, and says which sequence is exhausted', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const take = (ownerId: string) => reserveNumber(store, { sequence: 'small', ownerId, first: 1, max: 2 });
    expect([await take('a'), await take('b')]).toEqual([1, 2]);
    const refused = take('c');
    await expect(refused).rejects.toThrow(RangeError);
    await expect(refused).rejects.toThrow('La séquence small est épuisée (maximum 2)');
    // The owners served before keep their number.
    expect(await take('b')).toBe(2);
  });

  it('R-01 refuses to count on from a sequence whose last event holds no number, naming its stream', async () => {
    // A store without the dossier decoder: only a foreign writer could leave such an event.
    const store = createInMemoryEventStore();
    await store.appendToStream(
      'numbering-broken',
      [{ type: 'NumberReserved', data: { sequence: 'broken' } }],
      {
        expectedVersion: 'no_stream',
      },
    );
    await expect(reserveNumber(store, { sequence: 'broken', ownerId: 'a', first: 1 })).rejects.toThrow(
      'Numbering event without a number in numbering-broken',
    );
  });

  const eventsOf = async (store: EventStore, streamId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  };

  /** The store, with `before` run once just before the first append to `streamId`. */
  const withRaceBefore = (
    store: EventStore,
    streamId: string,
    before: () => Promise<unknown>,
  ): EventStore => {
    let raced = false;
    return new Proxy(store, {
      get(target, key, receiver) {
        if (key !== 'appendToStream') return Reflect.get(target, key, receiver) as unknown;
        const append: EventStore['appendToStream'] = async (stream, events, options) => {
          if (!raced && stream === streamId) {
            raced = true;
            await before();
          }
          return target.appendToStream(stream, events, options);
        };
        return append;
      },
    });
  };

  it('R-01 R-36 records each reservation and claim as the numbering system, with the number and its owner', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const number = await reserveDraftNumber(store, 'dossier-a');
    const actor = { role: 'system', userId: 'numbering' };
    const [reserved] = await eventsOf(store, sequenceStreamId('draft'));
    expect(reserved).toMatchObject({
      streamId: 'numbering-draft',
      type: 'NumberReserved',
      data: { sequence: 'draft', number, ownerId: 'dossier-a' },
      metadata: { actor, commandId: 'draft:dossier-a' },
    });
    expect(await eventsOf(store, claimStreamId('draft', 'dossier-a'))).toEqual([
      expect.objectContaining({
        type: 'NumberClaimed',
        data: { sequence: 'draft', number },
        metadata: expect.objectContaining({ actor, commandId: 'draft:dossier-a' }),
      }),
    ]);
  });

  it('R-36 attempts racing for one owner leave one claim, which later asks read back', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const racing = await Promise.all([1, 2, 3].map(() => reserveDraftNumber(store, 'dossier-b')));
    expect(new Set(racing).size).toBe(1);
    const claims = await eventsOf(store, claimStreamId('draft', 'dossier-b'));
    expect(claims.map((event) => event.data)).toEqual([{ sequence: 'draft', number: racing[0] }]);
  });

  it('R-01 a retry after a crash between reservation and claim leaves a gap, even when it loses a race', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const sequence = 'crash';
    // The owner's first try reserved 1 and stopped before its claim.
    await store.appendToStream(
      sequenceStreamId(sequence),
      [{ type: 'NumberReserved', data: { sequence, number: 1, ownerId: 'a' } }],
      { expectedVersion: 'no_stream' },
    );
    // Its retry loses the next number to another owner, reads again past what it had read, and
    // takes the one after: the number of the crashed try stays unused, never given twice.
    let other: number | undefined;
    const racing = withRaceBefore(store, sequenceStreamId(sequence), async () => {
      other = await reserveNumber(store, { sequence, ownerId: 'b', first: 1 });
    });
    expect(await reserveNumber(racing, { sequence, ownerId: 'a', first: 1 })).toBe(3);
    expect(other).toBe(2);
  });

  it('R-01 a writer that keeps losing the race gives up after maxAttempts with the conflict', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    let appends = 0;
    const alwaysBeaten = new Proxy(store, {
      get(target, key, receiver) {
        if (key !== 'appendToStream') return Reflect.get(target, key, receiver) as unknown;
        const append: EventStore['appendToStream'] = (stream) => {
          appends += 1;
          // A writer that did not give up would loop forever: stop it with another error.
          if (appends > 3) return Promise.reject(new Error('a fourth attempt'));
          return Promise.reject(new ConcurrencyError(stream, 'no_stream', 0));
        };
        return append;
      },
    });
    await expect(
      reserveNumber(alwaysBeaten, { sequence: 'busy', ownerId: 'a', first: 1, maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(appends).toBe(3);
  });
});
