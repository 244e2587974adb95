import { createInMemoryEventStore } from './in-memory-store';
import type { RecordedEvent } from './events';
import { defineRowProjection, foldRows } from './row-projection';

const base = {
  name: 'transmissions',
  version: 1,
  key: 'dossier_id',
  columns: { month: 'text', count: 'integer', at: 'timestamptz' },
  handlers: {},
} as const;

async function recorded(): Promise<RecordedEvent[]> {
  const store = createInMemoryEventStore();
  await store.appendToStream('d-1', [
    { type: 'Seen', data: { month: '2026-01' }, metadata: { occurredAt: '2026-01-05T10:00:00+01:00' } },
    { type: 'Seen', data: { month: '2026-02' } },
    { type: 'Gone', data: {} },
  ]);
  await store.appendToStream('d-2', [{ type: 'Seen', data: { month: '2026-03' } }]);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('defineRowProjection', () => {
  it.each([
    ['a name that is not a plain identifier', { name: 'rows"; DROP TABLE events; --' }, /name must be/],
    ['an upper-case name', { name: 'Transmissions' }, /name must be/],
    ['a version below 1', { version: 0 }, /version must be/],
    ['a key that is not an identifier', { key: 'id) --' }, /key must be/],
    ['a column that is not an identifier', { columns: { 'a b': 'text' } }, /column "a b"/],
    ['a column named as the key', { columns: { dossier_id: 'text' } }, /is the key/],
    ['an unknown column type', { columns: { n: 'varchar(10)' } }, /expected one of text, integer/],
  ])('refuses %s', (_label, change, message) => {
    expect(() => defineRowProjection({ ...base, ...change } as typeof base)).toThrow(message);
  });

  it('folds each event into the row of its stream; undefined deletes; timestamps read back in UTC', async () => {
    const projection = defineRowProjection<{ month: string; count: number; at: string | null }>({
      ...base,
      handlers: {
        Seen: (row, e) => ({
          month: (e.data as { month: string }).month,
          count: (row?.count ?? 0) + 1,
          at: e.metadata.occurredAt,
        }),
        Gone: () => undefined,
      },
    });
    const events = await recorded();
    expect(projection.filter.eventTypes).toEqual(['Seen', 'Gone']);
    expect([...foldRows(projection, events)]).toEqual([
      ['d-2', { month: '2026-03', count: 1, at: events[3].metadata.occurredAt }],
    ]);
    expect(foldRows(projection, events.slice(0, 1)).get('d-1')).toEqual({
      month: '2026-01',
      count: 1,
      at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('names the event, the column and what was expected when a handler returns a bad row', async () => {
    const events = await recorded();
    const wrongType = defineRowProjection({ ...base, handlers: { Seen: () => ({ count: '1' }) } });
    expect(() => foldRows(wrongType, events)).toThrow(
      'Projection transmissions on Seen (stream d-1, version 0): column count expects an integer between -2^31+1 and 2^31-1, got "1"',
    );
    const unknownColumn = defineRowProjection({ ...base, handlers: { Seen: () => ({ mois: 'x' }) } });
    expect(() => foldRows(unknownColumn, events)).toThrow(
      /column "mois" is not among the projection's columns/,
    );
    const badKey = defineRowProjection({ ...base, keyOf: () => '', handlers: { Seen: () => ({}) } });
    expect(() => foldRows(badKey, events)).toThrow(/keyOf gave "" for Seen/);
  });
});
