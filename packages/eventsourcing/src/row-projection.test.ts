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

  it('refuses NUL and lone surrogates in a text column, anywhere in a JSON column and in the key (no store keeps them)', async () => {
    const events = await recorded();
    const withJson = { ...base, columns: { ...base.columns, tags: 'json' } } as const;
    const nulInText = defineRowProjection({ ...base, handlers: { Seen: () => ({ month: 'a\u0000b' }) } });
    expect(() => foldRows(nulInText, events)).toThrow(
      'Projection transmissions on Seen (stream d-1, version 0): column month: must not contain the NUL character (U+0000), found at index 1',
    );
    const surrogateInJson = defineRowProjection({
      ...withJson,
      handlers: { Seen: () => ({ tags: { list: ['ok', 'x\ud800'] } }) },
    });
    expect(() => foldRows(surrogateInJson, events)).toThrow(
      /column tags: \.list\[1\] must be valid Unicode: lone surrogate U\+D800 at index 1/,
    );
    const nulInJsonKey = defineRowProjection({
      ...withJson,
      handlers: { Seen: () => ({ tags: { 'a\u0000': 1 } }) },
    });
    expect(() => foldRows(nulInJsonKey, events)).toThrow(
      /column tags: key "a\\u0000" of the value must not contain the NUL/,
    );
    const nulInKey = defineRowProjection({ ...base, keyOf: () => 'd\u0000', handlers: { Seen: () => ({}) } });
    expect(() => foldRows(nulInKey, events)).toThrow(
      /keyOf gave "d\\u0000" for Seen .*the key must not contain the NUL/,
    );
    // Other text, even unusual, is kept as it is.
    const fine = defineRowProjection({
      ...withJson,
      handlers: { Seen: () => ({ month: '\ud83d\ude00 é \t', tags: ['\u0001'] }) },
    });
    expect(foldRows(fine, events).get('d-1')).toEqual({
      month: '\ud83d\ude00 é \t',
      count: null,
      at: null,
      tags: ['\u0001'],
    });
  });
});
