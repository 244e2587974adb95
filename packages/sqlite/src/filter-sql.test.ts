import Database from 'better-sqlite3';
import fc from 'fast-check';
import { filterToSql, prefixUpperBound } from './filter-sql';

// Characters around the places where a prefix range could go wrong: the ASCII neighbours of
// '-', the top of the BMP (which UTF-16 order and UTF-8 order disagree on), astral characters.
const tricky = fc.constantFrom(
  'a',
  'b',
  '-',
  '.',
  '%',
  '_',
  'é',
  '\uD7FF',
  '\uE000',
  '\uFFFF',
  '😀',
  '\u{10FFFF}',
);
const text = (maxLength: number) => fc.array(tricky, { maxLength }).map((chars) => chars.join(''));

describe('stream prefix as a range', () => {
  it('selects in SQLite exactly the ids that start with the prefix', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE events (stream_id TEXT NOT NULL, type TEXT NOT NULL)');
    try {
      fc.assert(
        fc.property(text(3), fc.array(text(4), { maxLength: 12 }), (prefix, ids) => {
          db.exec('DELETE FROM events');
          const insert = db.prepare("INSERT INTO events VALUES (?, 'T')");
          for (const id of [...ids, ...ids.map((id) => prefix + id)]) insert.run(id);
          const sql = filterToSql({ streamPrefix: prefix }) as { where: string; params: string[] };
          const query = `SELECT stream_id FROM events${sql.where ? ` WHERE ${sql.where}` : ''} ORDER BY rowid`;
          const selected = db
            .prepare(query)
            .pluck()
            .all(...sql.params) as string[];
          const expected = [...ids, ...ids.map((id) => prefix + id)].filter((id) => id.startsWith(prefix));
          expect(selected).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });

  it('has no upper bound only for a prefix made of U+10FFFF', () => {
    expect(prefixUpperBound('dossier-')).toBe('dossier.');
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\uD7FF')).toBe('\uE000');
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
  });
});

describe('filterToSql', () => {
  it('matches nothing for an empty list of prefixes or types', () => {
    expect(filterToSql({ streamPrefix: [] })).toBeNull();
    expect(filterToSql({ eventTypes: [] })).toBeNull();
  });

  it('needs no clause without a filter or with the empty prefix', () => {
    expect(filterToSql(undefined)).toEqual({ where: '', params: [] });
    expect(filterToSql({ streamPrefix: ['x-', ''] })).toEqual({ where: '', params: [] });
  });

  it('combines prefixes with OR and types with AND', () => {
    expect(filterToSql({ streamPrefix: ['a-', 'b-'], eventTypes: ['T1', 'T2'] })).toEqual({
      where:
        '((+stream_id >= ? AND +stream_id < ?) OR (+stream_id >= ? AND +stream_id < ?)) AND +type IN (?, ?)',
      params: ['a-', 'a.', 'b-', 'b.', 'T1', 'T2'],
    });
  });
});
