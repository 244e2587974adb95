import { performance } from 'node:perf_hooks';
import { prepareEventsForAppend } from './hash-chain';
import { createInMemoryEventStore } from './in-memory-store';
import { collect, counted } from './testing';

async function timeOfAppends(
  store: ReturnType<typeof createInMemoryEventStore>,
  count: number,
): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++)
    await store.appendToStream(`probe-${i % 50}`, [{ type: 'Probe', data: { i } }]);
  return performance.now() - start;
}

describe('in-memory store', () => {
  it('appends in a time that does not grow with the number of stored events', async () => {
    // 100,000 stored events: a copy or a scan of them on each append costs 300 appends a second
    // or more, far beyond the margin below, while the margin (4 times, plus 30 ms) absorbs what a
    // busy machine or coverage instrumentation does to a clock (3 times + 10 ms over 20,000
    // events failed once at load 5-7 under coverage, by half a millisecond).
    const full = createInMemoryEventStore();
    for (let s = 0; s < 100; s++) await full.appendToStream(`bulk-${s}`, counted(1000));
    await timeOfAppends(createInMemoryEventStore(), 300); // warm up
    // Best of three on each side, to keep other processes' noise out of the comparison.
    const onEmpty: number[] = [];
    const onFull: number[] = [];
    for (let round = 0; round < 3; round++) {
      onEmpty.push(await timeOfAppends(createInMemoryEventStore(), 300));
      onFull.push(await timeOfAppends(full, 300));
    }
    expect(Math.min(...onFull)).toBeLessThan(Math.min(...onEmpty) * 4 + 30);
  });

  it('hands out frozen events that nobody can change', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', [{ type: 'T', data: { list: [1] } }]);
    const [event] = await collect(store.readStream('s'));
    expect(Object.isFrozen(event.data)).toBe(true);
    expect(() => (event.data as { list: number[] }).list.push(2)).toThrow();
  });

  it('records what prepareEventsForAppend (the one append preparation of every store) prepares: same hashes, same metadata', async () => {
    const now = new Date('2030-01-02T03:04:05.000Z');
    const actor = { userId: 'u-1', role: 'adherent', siret: '12345678900011' };
    const batches = [
      [
        {
          type: 'A',
          data: { z: [1, { y: 'é', x: null }], a: true },
          eventId: '0b6c1f2e-0000-4c6d-8e7f-00000000000a',
          metadata: { actor, commandId: 'c-1' },
        },
        {
          type: 'B',
          data: 'text',
          eventId: '0B6C1F2E-0000-4C6D-8E7F-00000000000B',
          metadata: { actor, occurredAt: '2024-05-01T08:30:00+02:00' },
        },
      ],
      [
        {
          type: 'C',
          data: [0.5, 0, 1e21],
          eventId: '0b6c1f2e-0000-4c6d-8e7f-00000000000c',
          metadata: { schemaVersion: 3, causationId: null },
        },
      ],
    ];
    const store = createInMemoryEventStore({ clock: () => now });
    let prevHash = '0'.repeat(64);
    let firstVersion = 0;
    for (const batch of batches) {
      const result = await store.appendToStream('s', batch);
      const prepared = prepareEventsForAppend({ streamId: 's', firstVersion, prevHash, events: batch, now });
      expect(result.events?.map(({ globalPosition: _, streamId: __, ...rest }) => rest)).toEqual(
        prepared.map(({ dataText: _, metadataText: __, ...event }) => event),
      );
      prevHash = prepared[prepared.length - 1].metadata.hash;
      firstVersion += batch.length;
    }
  });

  it("keeps its own copy of data and actor: later changes to the caller's objects do not reach it", async () => {
    const store = createInMemoryEventStore();
    const actor = { role: 'adherent', userId: 'u-1' };
    const data = { list: [1] };
    await store.appendToStream('s', [{ type: 'T', data, metadata: { actor } }]);
    data.list.push(2);
    actor.userId = 'u-2';
    const [event] = await collect(store.readStream('s'));
    expect(event.data).toEqual({ list: [1] });
    expect(event.metadata.actor).toEqual({ role: 'adherent', userId: 'u-1' });
    expect(Object.isFrozen(event.metadata.actor)).toBe(true);
  });

  it('uses the clock it is given', async () => {
    const store = createInMemoryEventStore({ clock: () => new Date('2030-01-02T03:04:05.000Z') });
    await store.appendToStream('s', [{ type: 'T', data: null }]);
    const [event] = await collect(store.readAll());
    expect(event.recordedAt).toBe('2030-01-02T03:04:05.000Z');
    expect(event.globalPosition).toBe(1n);
  });

  it('refuses to work once closed', async () => {
    const store = createInMemoryEventStore();
    await store.close();
    await expect(store.appendToStream('s', counted(1))).rejects.toThrow(/closed/);
  });
});
