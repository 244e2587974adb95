import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '../../service/store-options';
import { formatDossierNumber, yearMonthOf } from './dossier-number';
import { reserveDossierNumber, reserveDraftNumber } from './numbers';
import { reserveNumber } from './reserve-number';

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
});
