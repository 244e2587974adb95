import { performance } from 'node:perf_hooks';
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
    const full = createInMemoryEventStore();
    for (let s = 0; s < 20; s++) await full.appendToStream(`bulk-${s}`, counted(1000));
    await timeOfAppends(createInMemoryEventStore(), 300); // warm up
    // Best of three on each side, to keep other processes' noise out of the comparison.
    const onEmpty: number[] = [];
    const onFull: number[] = [];
    for (let round = 0; round < 3; round++) {
      onEmpty.push(await timeOfAppends(createInMemoryEventStore(), 300));
      onFull.push(await timeOfAppends(full, 300));
    }
    // Copying or scanning the 20,000 stored events on each append would be many times slower.
    expect(Math.min(...onFull)).toBeLessThan(Math.min(...onEmpty) * 3 + 10);
  });

  it('hands out frozen events that nobody can change', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', [{ type: 'T', data: { list: [1] } }]);
    const [event] = await collect(store.readStream('s'));
    expect(Object.isFrozen(event.data)).toBe(true);
    expect(() => (event.data as { list: number[] }).list.push(2)).toThrow();
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
