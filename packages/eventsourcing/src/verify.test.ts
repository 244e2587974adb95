import { digest, verifyAgainstDigest } from './digest';
import type { RecordedEvent } from './events';
import { createInMemoryEventStore, inMemoryStorageOf } from './in-memory-store';
import { createUpcasterRegistry } from './upcasting';
import { verifyStream } from './verify';
import { counted } from './testing';

// Replaces one stored event of an in-memory store by an edited copy.
function rewrite(
  store: ReturnType<typeof createInMemoryEventStore>,
  streamId: string,
  index: number,
  edit: object,
) {
  const stream = inMemoryStorageOf(store).streams.get(streamId)!;
  stream[index] = { ...stream[index], ...edit } as RecordedEvent;
}

describe('verifyStream', () => {
  it('checks the stored form of events, whatever the upcasters make of them', async () => {
    const upcasters = createUpcasterRegistry([
      { eventType: 'Counted', fromSchemaVersion: 1, upcast: (data) => ({ data: { wrapped: data } }) },
    ]);
    const store = createInMemoryEventStore({ upcasters });
    await store.appendToStream('s', counted(3));
    expect(await verifyStream(store, 's')).toMatchObject({ ok: true, length: 3 });
    expect(await digest(store)).toMatchObject({ streams: { s: { version: 2 } } });
  });

  it('calls onProgress with the events read and the streams checked', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(2500));
    const progress: { eventsRead: number; streamsChecked: number }[] = [];
    await verifyStream(store, 's', { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { eventsRead: 1000, streamsChecked: 0 },
      { eventsRead: 2000, streamsChecked: 0 },
      { eventsRead: 2500, streamsChecked: 1 },
    ]);
  });

  it('calls an event whose prevHash was edited altered', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(4));
    const stream = inMemoryStorageOf(store).streams.get('s')!;
    rewrite(store, 's', 2, { metadata: { ...stream[2].metadata, prevHash: 'f'.repeat(64) } });
    expect(await verifyStream(store, 's')).toMatchObject({ ok: false, version: 2, problem: 'altered' });
  });

  it('catches a removal hidden by renumbering the events after it', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s', counted(5));
    const stream = inMemoryStorageOf(store).streams.get('s')!;
    stream.splice(1, 1);
    for (let i = 1; i < stream.length; i++) rewrite(store, 's', i, { version: i });
    expect(await verifyStream(store, 's')).toMatchObject({ ok: false, version: 1 });
  });
});

describe('digest', () => {
  it('records the head of every stream matching the filter, and the last position', async () => {
    const store = createInMemoryEventStore({ clock: () => new Date('2024-06-01T00:00:00.000Z') });
    await store.appendToStream('dossier-1', counted(2));
    await store.appendToStream('liste-1', counted(1));
    const saved = await digest(store, { filter: { streamPrefix: 'dossier-' }, clock: () => new Date(0) });
    expect(saved).toEqual({
      createdAt: '1970-01-01T00:00:00.000Z',
      lastPosition: '2',
      streams: { 'dossier-1': { version: 1, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
  });

  it('detects a truncated stream and a history rewritten with a consistent new chain', async () => {
    const original = createInMemoryEventStore();
    await original.appendToStream('a', counted(3));
    await original.appendToStream('b', counted(2));
    const saved = await digest(original);
    // A forger rebuilds the store: stream a with other data (its chain is valid), stream b shorter.
    const forged = createInMemoryEventStore();
    await forged.appendToStream('a', counted(3, 100));
    await forged.appendToStream('b', counted(1));
    expect(await verifyStream(forged, 'a')).toMatchObject({ ok: true });
    const result = await verifyAgainstDigest(forged, saved);
    expect(result).toMatchObject({
      ok: false,
      streamsChecked: 2,
      mismatches: [
        { streamId: 'a', version: 2, problem: 'head_mismatch' },
        { streamId: 'b', version: 1, problem: 'missing' },
      ],
    });
  });
});
