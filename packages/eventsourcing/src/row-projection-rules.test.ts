// A row projection's definition and rows are checked before any store sees them: names that
// become SQL identifiers, each column type's values, word for word what an analyst is told.
import type { RecordedEvent } from './events';
import {
  checkRow,
  columnsChangedError,
  columnsSignature,
  defineRowProjection,
  foldRowBatch,
  isRowProjection,
  normaliseRow,
  ROW_PROJECTION_CHECKPOINTS,
  RowProjectionError,
  rowProjectionRunnable,
  rowTableOf,
  RowTableNotBuiltError,
  type RowProjectionSpec,
} from './row-projection';

type Spec = RowProjectionSpec<Record<string, never>>;
const base = {
  name: 'transmissions',
  version: 1,
  key: 'dossier_id',
  columns: { month: 'text' },
  handlers: {},
} as unknown as Spec;

const refusal = (change: Record<string, unknown>): unknown => {
  try {
    defineRowProjection({ ...base, ...change } as Spec);
  } catch (error) {
    return error;
  }
  return 'accepted';
};
const refusedWith = (change: Record<string, unknown>, message: string) => {
  const error = refusal(change);
  expect(error).toBeInstanceOf(RowProjectionError);
  expect(error).toMatchObject({ name: 'RowProjectionError', message });
};

const event = (type: string, streamId = 'd-1', version = 0): RecordedEvent =>
  ({ type, streamId, version, data: {}, metadata: {} }) as unknown as RecordedEvent;

describe('defineRowProjection: names, version and columns, word for word', () => {
  const NAME = 'name must be 1 to 48 characters among a-z, 0-9 and _, starting with a letter';

  it('takes a name of 1 to 48 characters, a letter first', () => {
    expect(refusal({ name: 'a' })).toBe('accepted');
    expect(refusal({ name: `a${'_9'.repeat(23)}b` })).toBe('accepted'); // 48
    refusedWith({ name: 'a'.repeat(49) }, `Projection "${'a'.repeat(49)}": ${NAME}`);
    refusedWith({ name: '_liste' }, `Projection "_liste": ${NAME}`);
    refusedWith({ name: '9liste' }, `Projection "9liste": ${NAME}`);
    refusedWith({ name: '' }, `Projection "": ${NAME}`);
    refusedWith({ name: 'x\nliste' }, `Projection "x\\nliste": ${NAME}`);
    refusedWith({ name: 42 }, `Projection 42: ${NAME}`);
  });

  it('takes an integer version of at least 1', () => {
    expect(refusal({ version: 1 })).toBe('accepted');
    for (const version of [0, 1.5, '2'])
      refusedWith({ version }, 'Projection "transmissions": version must be an integer of at least 1');
  });

  it('takes a key and columns of 1 to 63 characters, not starting with a digit', () => {
    expect(refusal({ key: `_${'k'.repeat(62)}` })).toBe('accepted');
    expect(refusal({ columns: { [`_${'c'.repeat(62)}`]: 'text' } })).toBe('accepted');
    refusedWith(
      { key: 'k'.repeat(64) },
      `Projection "transmissions": key must be a column name (a-z, 0-9, _; got "${'k'.repeat(64)}")`,
    );
    refusedWith(
      { key: '1d' },
      'Projection "transmissions": key must be a column name (a-z, 0-9, _; got "1d")',
    );
    refusedWith(
      { key: 'a\nb' },
      'Projection "transmissions": key must be a column name (a-z, 0-9, _; got "a\\nb")',
    );
    refusedWith({ key: 7 }, 'Projection "transmissions": key must be a column name (a-z, 0-9, _; got 7)');
    // Not read as the text it would turn into: ['dossier_id'] reads as "dossier_id" to a pattern.
    refusedWith(
      { key: ['dossier_id'] },
      'Projection "transmissions": key must be a column name (a-z, 0-9, _; got ["dossier_id"])',
    );
    refusedWith(
      { columns: { ['c'.repeat(64)]: 'text' } },
      `Projection "transmissions": column "${'c'.repeat(64)}" must be 1 to 63 characters among a-z, 0-9 and _, not starting with a digit`,
    );
    refusedWith(
      { columns: { '2mois': 'text' } },
      'Projection "transmissions": column "2mois" must be 1 to 63 characters among a-z, 0-9 and _, not starting with a digit',
    );
    refusedWith(
      { columns: { dossier_id: 'text' } },
      'Projection "transmissions": column dossier_id is the key; list only the others',
    );
    refusedWith(
      { columns: { n: 'varchar' } },
      'Projection "transmissions": column n has type "varchar"; expected one of text, integer, bigint, double, boolean, timestamptz, json',
    );
  });

  it('wants columns and handlers as objects', () => {
    for (const columns of [null, 'month:text'])
      refusedWith({ columns }, 'Projection "transmissions": columns must be an object { column: type }');
    for (const handlers of [null, undefined, 'Seen'])
      refusedWith(
        { handlers },
        'Projection "transmissions": handlers must be an object { EventType: (row, event) => row }',
      );
  });

  it('names an absent definition', () => {
    expect(() => defineRowProjection(undefined as unknown as Spec)).toThrow(
      new RowProjectionError(`Projection undefined: ${NAME}`),
    );
  });
});

describe('a row projection definition', () => {
  const definition = defineRowProjection({
    ...base,
    columns: { month: 'text', count: 'integer' },
    handlers: { Seen: () => ({ month: 'janvier' }) },
  } as unknown as Spec);

  it('keeps what was given, its columns in order, rows keyed by stream by default', () => {
    expect(definition).toMatchObject({
      kind: 'rows',
      name: 'transmissions',
      version: 1,
      key: 'dossier_id',
      columns: [
        { name: 'month', type: 'text' },
        { name: 'count', type: 'integer' },
      ],
      filter: { eventTypes: ['Seen'] },
    });
    expect(definition.keyOf(event('Seen', 'd-9'))).toBe('d-9');
    expect(definition.evolve(undefined, event('Seen'))).toEqual({ month: 'janvier' });
    const row = { month: 'mars' };
    expect(definition.evolve(row as never, event('Other'))).toBe(row); // unhandled: unchanged
    expect(isRowProjection(definition)).toBe(true);
  });

  it('keeps a filter given, with its own event types or the handled ones', () => {
    const withPrefix = defineRowProjection({
      ...base,
      handlers: { Seen: () => undefined },
      filter: { streamPrefix: 'd-' },
    } as unknown as Spec);
    expect(withPrefix.filter).toEqual({ streamPrefix: 'd-', eventTypes: ['Seen'] });
    const withTypes = defineRowProjection({ ...base, filter: { eventTypes: ['A', 'B'] } } as unknown as Spec);
    expect(withTypes.filter).toEqual({ eventTypes: ['A', 'B'] });
  });

  it('is recognised as a row projection only with kind "rows"', () => {
    expect(isRowProjection({ kind: 'rows' })).toBe(true);
    expect(isRowProjection({ kind: 'state' })).toBe(false);
    expect(isRowProjection(null)).toBe(false);
    expect(isRowProjection('rows')).toBe(false);
    expect(isRowProjection(Object.assign(() => undefined, { kind: 'rows' }))).toBe(false);
  });

  it('runs as a runnable with its name, version and filter into the target given', () => {
    const target = { readCheckpoint: () => Promise.resolve(undefined), applyBatch: () => Promise.resolve() };
    expect(rowProjectionRunnable(definition, target)).toEqual({
      name: 'transmissions',
      version: 1,
      filter: { eventTypes: ['Seen'] },
      target,
    });
  });

  it('has a table, a signature of its columns, and errors naming it', () => {
    expect(rowTableOf('transmissions')).toBe('rows_transmissions');
    expect(ROW_PROJECTION_CHECKPOINTS).toBe('row_projection_checkpoints');
    expect(columnsSignature(definition)).toBe('["dossier_id","month:text","count:integer"]');
    expect(columnsChangedError('transmissions')).toMatchObject({
      name: 'RowProjectionError',
      message:
        'Projection transmissions: its columns changed but its version did not; bump the version to rebuild the table',
    });
    const never = new RowTableNotBuiltError('transmissions', 2, undefined);
    expect(never).toBeInstanceOf(RowProjectionError);
    expect(never).toMatchObject({
      name: 'RowTableNotBuiltError',
      projection: 'transmissions',
      version: 2,
      builtVersion: undefined,
      message:
        'Projection transmissions: no table rows_transmissions at version 2 in this database (never run here); run the projection into it first',
    });
    expect(new RowTableNotBuiltError('transmissions', 2, 1).message).toBe(
      'Projection transmissions: no table rows_transmissions at version 2 in this database (version 1 is there); run the projection into it first',
    );
  });
});

const AN_INSTANT = 'an ISO-8601 day (2026-01-05) or date-time with its offset (2026-01-05T10:00:00Z)';

describe('checkRow: each column type and its values', () => {
  const columns = [
    { name: 'txt', type: 'text' },
    { name: 'int', type: 'integer' },
    { name: 'big', type: 'bigint' },
    { name: 'dbl', type: 'double' },
    { name: 'flag', type: 'boolean' },
    { name: 'at', type: 'timestamptz' },
    { name: 'doc', type: 'json' },
  ] as const;
  const definition = { name: 'types', columns };
  const AT = 'Projection types on Seen (stream d-1, version 3)';
  const check = (row: unknown) => () => checkRow(definition, row as never, event('Seen', 'd-1', 3));

  it('takes the values each type holds, and null or undefined anywhere', () => {
    for (const row of [
      {
        txt: '',
        int: 2 ** 31 - 1,
        big: Number.MAX_SAFE_INTEGER,
        dbl: 1.5,
        flag: false,
        at: '2026-01-05',
        doc: null,
      },
      {
        int: -(2 ** 31 - 1),
        big: -Number.MAX_SAFE_INTEGER,
        dbl: -0,
        at: '2026-01-05T10:00:00+01:00',
        doc: [1, 'a'],
      },
      { txt: null, int: null, big: undefined, dbl: null, flag: null, at: null, doc: { a: { b: true } } },
    ])
      expect(check(row)).not.toThrow();
  });

  it.each([
    ['txt', 12, 'a string', '12'],
    ['int', 2 ** 31, 'an integer between -2^31+1 and 2^31-1', '2147483648'],
    ['int', -(2 ** 31), 'an integer between -2^31+1 and 2^31-1', '-2147483648'],
    ['int', 1.5, 'an integer between -2^31+1 and 2^31-1', '1.5'],
    ['big', 2 ** 53, 'a safe integer', '9007199254740992'],
    ['big', 2.5, 'a safe integer', '2.5'],
    ['dbl', Number.POSITIVE_INFINITY, 'a finite number', 'null'],
    ['dbl', '1.5', 'a finite number', '"1.5"'],
    ['flag', 'true', 'true or false', '"true"'],
    ['at', 'hier', AN_INSTANT, '"hier"'],
    ['at', 'January 5, 2026', AN_INSTANT, '"January 5, 2026"'],
    ['at', 20260105, AN_INSTANT, '20260105'],
    ['at', 'Mon 2026-01-05', AN_INSTANT, '"Mon 2026-01-05"'], // Date.parse reads it, ISO-8601 it is not
    // Date.parse reads each as some instant, but not one every store would agree on: 2 March, the
    // process's local 10:00 (SQLite's writer) against the database session's (PostgreSQL).
    ['at', '2026-02-30', AN_INSTANT, '"2026-02-30"'],
    ['at', '2026-01-05T10:00:00', AN_INSTANT, '"2026-01-05T10:00:00"'],
    ['at', '2026-01-05T10:00:00Z\u0000', AN_INSTANT, '"2026-01-05T10:00:00Z\\u0000"'],
  ])('refuses in %s the value %p: expects %s', (column, value, expected, shown) => {
    expect(check({ [column]: value })).toThrow(
      new RowProjectionError(`${AT}: column ${column} expects ${expected}, got ${shown}`),
    );
  });

  it('refuses what is not a row object', () => {
    for (const row of [null, [], 'row', 3])
      expect(check(row)).toThrow(
        new RowProjectionError(`${AT}: the handler must return a row object or undefined`),
      );
  });

  it('names where in a JSON value a text cannot be stored', () => {
    expect(check({ doc: { a: [{ b: 'x\u0000' }] } })).toThrow(
      `${AT}: column doc: .a[0].b must not contain the NUL character (U+0000), found at index 1`,
    );
    expect(check({ doc: ['\udc00'] })).toThrow(
      `${AT}: column doc: [0] must be valid Unicode: lone surrogate U+DC00 at index 0`,
    );
    expect(check({ doc: { a: { 'k\u0000': 1 } } })).toThrow(
      `${AT}: column doc: key "k\\u0000" of .a must not contain the NUL character (U+0000), found at index 1`,
    );
    expect(check({ doc: 'x\u0000' })).toThrow(
      `${AT}: column doc: must not contain the NUL character (U+0000), found at index 1`,
    );
    expect(check({ doc: ['ok', { n: 1, b: true, z: null }] })).not.toThrow();
  });
});

describe('rows as a table gives them back', () => {
  const definition = {
    columns: [
      { name: 'month', type: 'text' },
      { name: 'at', type: 'timestamptz' },
      { name: 'n', type: 'integer' },
    ],
  } as const;

  it('has every column, null when absent, timestamps in UTC with milliseconds, other values as given', () => {
    expect(normaliseRow(definition, { at: '2026-01-05T10:00:00+01:00', n: 0 })).toEqual({
      month: null,
      at: '2026-01-05T09:00:00.000Z',
      n: 0,
    });
    expect(normaliseRow(definition, { month: '', at: null })).toEqual({ month: '', at: null, n: null });
  });
});

describe('foldRowBatch', () => {
  const definition = defineRowProjection<{ count: number | null }>({
    name: 'counts',
    version: 1,
    key: 'id',
    columns: { count: 'integer' },
    keyOf: (e: RecordedEvent) => (e.type === 'Ignored' ? undefined : e.streamId),
    handlers: {
      Seen: (row: { count: number | null } | undefined) => ({ count: (row?.count ?? 0) + 1 }),
      Gone: () => undefined,
    },
  } as unknown as RowProjectionSpec<{ count: number | null }>);

  it('starts from the stored rows, folds each event on the row of its key, and says which rows went', () => {
    const stored = new Map([
      ['d-1', { count: 5 }],
      ['d-2', { count: 1 }],
    ]);
    const changed = foldRowBatch(
      definition,
      [
        event('Seen', 'd-1'),
        event('Ignored', 'd-1'),
        event('Seen', 'd-1'),
        event('Gone', 'd-2'),
        event('Seen', 'd-3'),
      ],
      stored,
    );
    expect([...changed]).toEqual([
      ['d-1', { count: 7 }],
      ['d-2', undefined],
      ['d-3', { count: 1 }],
    ]);
    expect(stored.get('d-1')).toEqual({ count: 5 }); // the stored rows are not touched
  });

  it('sees a row deleted earlier in the batch as gone, not as stored', () => {
    const changed = foldRowBatch(
      definition,
      [event('Gone', 'd-1'), event('Seen', 'd-1')],
      new Map([['d-1', { count: 5 }]]),
    );
    expect(changed.get('d-1')).toEqual({ count: 1 });
  });

  it('names the event when keyOf gives something other than a non-empty string', () => {
    const numbered = defineRowProjection({ ...base, keyOf: () => 12 as unknown as string } as Spec);
    expect(() => foldRowBatch(numbered, [event('Seen', 'd-4', 2)], new Map())).toThrow(
      new RowProjectionError(
        'Projection transmissions: keyOf gave 12 for Seen (stream d-4, version 2); a non-empty string or undefined expected',
      ),
    );
    const lone = defineRowProjection({ ...base, keyOf: () => 'd\ud800' } as Spec);
    expect(() => foldRowBatch(lone, [event('Seen', 'd-4', 2)], new Map())).toThrow(
      'Projection transmissions: keyOf gave "d\\ud800" for Seen (stream d-4, version 2); the key must be valid Unicode: lone surrogate U+D800 at index 1',
    );
  });
});
