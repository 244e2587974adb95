import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import type { PostgresEventStore } from './postgres-store';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

const schemas = new TestSchemas();
let store: PostgresEventStore;
beforeAll(async () => {
  if (describeWithPostgres === describe) store = await schemas.store();
});
afterAll(async () => {
  await store?.close();
  await schemas.dropAll();
});

const positionsOf = (pages: readonly (readonly { globalPosition: bigint }[])[]) =>
  pages.map((page) => page.map((event) => event.globalPosition));

describeWithPostgres('PostgreSQL page-wise reads', () => {
  beforeAll(async () => {
    await store.appendToStream('paged-a', counted(7));
    await store.appendToStream('paged-b', counted(4));
  });

  it('readAllPages gives the events of readAll, batchSize at a time, with no empty page', async () => {
    const events = await collect(store.readAll());
    const pages = await collect(store.readAllPages!({ batchSize: 4 }));
    expect(pages.map((page) => page.length)).toEqual([4, 4, 3]);
    expect(pages.flat()).toEqual(events);
  });

  it('readAllPages honours after, maxCount and a filter', async () => {
    const all = await collect(store.readAll());
    const after = all[2].globalPosition;
    const pages = await collect(store.readAllPages!({ after, maxCount: 5, batchSize: 2 }));
    expect(positionsOf(pages)).toEqual([
      [all[3].globalPosition, all[4].globalPosition],
      [all[5].globalPosition, all[6].globalPosition],
      [all[7].globalPosition],
    ]);
    const filtered = await collect(
      store.readAllPages!({ filter: { streamPrefix: 'paged-b' }, batchSize: 3 }),
    );
    expect(filtered.flat().map((event) => event.version)).toEqual([0, 1, 2, 3]);
    expect(filtered.every((page) => page.length > 0)).toBe(true);
  });

  it('readAll stops at the last event stored when it began, even with events appended during the read', async () => {
    const before = await collect(store.readAll());
    const read: bigint[] = [];
    for await (const page of store.readAllPages!({ batchSize: 3 })) {
      if (read.length === 0) await store.appendToStream('paged-late', counted(5));
      read.push(...page.map((event) => event.globalPosition));
    }
    expect(read).toEqual(before.map((event) => event.globalPosition));
  });

  it('readStreamPages gives the events of readStream, page by page, both ways', async () => {
    const forwards = await collect(store.readStreamPages!('paged-a', { batchSize: 3 }));
    expect(forwards.map((page) => page.map((event) => event.version))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(forwards.flat()).toEqual(await collect(store.readStream('paged-a')));
    const backwards = await collect(
      store.readStreamPages!('paged-a', { direction: 'backwards', batchSize: 4 }),
    );
    expect(backwards.flat().map((event) => event.version)).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('gives recordedAt as the ISO text of the time recorded, in UTC with milliseconds', async () => {
    const [event] = await collect(store.readStream('paged-a', { maxCount: 1 }));
    expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
  });
});
