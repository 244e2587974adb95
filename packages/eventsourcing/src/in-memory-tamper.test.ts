// The forger's handle on an in-memory store: the store contract's tamper tests trust it to edit
// exactly what it names, in both of the store's indexes (per stream and global order), so a
// handle that edited one index only, or nothing, would let a tamper test pass for a wrong reason.
import type { RecordedEvent } from './events';
import type { PreparedEvent } from './hash-chain';
import { createInMemoryEventStore } from './in-memory-store';
import { changedMetadata, tamperWithInMemoryStore } from './in-memory-tamper';
import { collect, counted } from './testing';

async function storeWithStream(count: number) {
  const store = createInMemoryEventStore();
  await store.appendToStream('s', counted(count));
  return { store, tamper: tamperWithInMemoryStore(store) };
}

const dataOf = (events: readonly RecordedEvent[]) => events.map((event) => event.data);

describe('tamperWithInMemoryStore', () => {
  it('refuses to edit an event that is not stored, naming it', async () => {
    const { tamper } = await storeWithStream(2);
    expect(() => tamper.alterEvent('s', 2, {})).toThrow(new Error('No event s@2 to tamper with'));
    expect(() => tamper.removeEvent('t', 0)).toThrow(new Error('No event t@0 to tamper with'));
  });

  it('alters the data of one event in the stream and in global order, keeping its metadata', async () => {
    const { store, tamper } = await storeWithStream(3);
    const [before] = await collect(store.readStream('s', { fromVersion: 1, maxCount: 1 }));
    tamper.alterEvent('s', 1, { n: 42 });
    const stream = await collect(store.readStream('s'));
    expect(dataOf(stream)).toEqual([{ n: 0 }, { n: 42 }, { n: 2 }]);
    expect(stream[1].metadata).toEqual(before.metadata);
    expect(dataOf(await collect(store.readAll()))).toEqual([{ n: 0 }, { n: 42 }, { n: 2 }]);
  });

  it('rewrites the fields named, removes metadata keys set to undefined, leaves the rest', async () => {
    const { store, tamper } = await storeWithStream(2);
    const [before] = await collect(store.readStream('s', { fromVersion: 1 }));
    const newData = { n: 9 };
    tamper.rewriteEvent('s', 1, {
      type: 'Forged',
      data: newData,
      recordedAt: '2020-01-01T00:00:00.000Z',
      metadata: { commandId: undefined, extra: 'added' },
    });
    newData.n = 10;
    const [after] = await collect(store.readAll({ after: before.globalPosition - 1n }));
    const { commandId, ...keptMetadata } = before.metadata as unknown as Record<string, unknown>;
    expect(commandId).toBeDefined();
    expect(after).toEqual({
      ...before,
      type: 'Forged',
      data: { n: 9 },
      recordedAt: '2020-01-01T00:00:00.000Z',
      metadata: { ...keptMetadata, extra: 'added' },
    });
    expect(Object.isFrozen(after.data)).toBe(true);
  });

  it('removes an event from the stream and from global order; the others keep their versions', async () => {
    const { store, tamper } = await storeWithStream(3);
    tamper.removeEvent('s', 1);
    expect((await collect(store.readStream('s'))).map((e) => e.version)).toEqual([0, 2]);
    expect((await collect(store.readAll())).map((e) => e.version)).toEqual([0, 2]);
  });

  it('swaps two events of a stream in reading order', async () => {
    const { store, tamper } = await storeWithStream(3);
    tamper.swapEvents('s', 0, 2);
    expect((await collect(store.readStream('s'))).map((e) => e.version)).toEqual([2, 1, 0]);
  });

  it('appends raw events after the last one stored, from global position 1 in an empty store', async () => {
    const source = await storeWithStream(2);
    const prepared = (await collect(source.store.readStream('s'))).map(
      ({ streamId: _streamId, globalPosition: _globalPosition, ...rest }) => rest as unknown as PreparedEvent,
    );
    const store = createInMemoryEventStore();
    const tamper = tamperWithInMemoryStore(store);
    tamper.appendRaw('forged', prepared);
    tamper.appendRaw('other', prepared.slice(0, 1));
    const all = await collect(store.readAll());
    expect(all.map((e) => [e.streamId, e.version, e.globalPosition])).toEqual([
      ['forged', 0, 1n],
      ['forged', 1, 2n],
      ['other', 0, 3n],
    ]);
    expect((await collect(store.readStream('forged'))).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }]);
  });
});

describe('changedMetadata', () => {
  it('sets the keys given over the stored ones and drops those set to undefined', () => {
    const changed = changedMetadata({ a: 1, b: 2, c: 3 }, { b: undefined, c: 4, d: 5 });
    expect(changed).toEqual({ a: 1, c: 4, d: 5 });
    expect(Object.keys(changed)).toEqual(['a', 'c', 'd']); // removed, not kept as undefined
    expect(changedMetadata({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
