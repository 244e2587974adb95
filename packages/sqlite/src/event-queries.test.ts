import Database from 'better-sqlite3';
import {
  allPageSql,
  STREAM_BACKWARDS_SQL,
  STREAM_FORWARDS_SQL,
  STREAM_HEAD_SQL,
  STREAM_HEAD_VERSION_SQL,
} from './event-queries';
import { filterToSql, type FilterSql } from './filter-sql';
import { migrate } from './migrations';
import { EVENTS_COMPONENT, EVENTS_MIGRATIONS } from './schema';
import { createSqliteEventStore } from './sqlite-store';
import { EventQueries } from './event-queries';
import { counted } from '@cartes-badges/eventsourcing/testing';

// A page query that must gather and sort every matching row before applying its LIMIT costs
// the whole remainder of the log on every page: catching up becomes quadratic.
describe('query plans', () => {
  const db = new Database(':memory:');
  migrate(db, EVENTS_COMPONENT, EVENTS_MIGRATIONS);
  afterAll(() => db.close());
  const plan = (sql: string): string =>
    // The plan does not depend on the values bound (no ANALYZE statistics): bind nulls.
    (
      db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
        ...sql
          .split('?')
          .slice(1)
          .map(() => null),
      ) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join(' | ');

  it.each<[string, Parameters<typeof filterToSql>[0]]>([
    ['no filter', undefined],
    ['one prefix', { streamPrefix: 'dossier-' }],
    ['several prefixes', { streamPrefix: ['dossier-', 'brouillon-'] }],
    ['one type', { eventTypes: ['DraftCreated'] }],
    ['several types', { eventTypes: ['DraftCreated', 'DossierSubmitted'] }],
    ['prefix and types', { streamPrefix: 'dossier-', eventTypes: ['A', 'B'] }],
  ])('readAll with %s reads in position order, with no sort', (_, filter) => {
    const detail = plan(allPageSql(filterToSql(filter) as FilterSql));
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(detail).toMatch(/USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)|USING INDEX events_by_type/);
  });

  it('reads a stream and its head through the (stream_id, version) index, with no sort', () => {
    for (const sql of [STREAM_HEAD_SQL, STREAM_HEAD_VERSION_SQL, STREAM_FORWARDS_SQL, STREAM_BACKWARDS_SQL]) {
      const detail = plan(sql);
      expect(detail).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_events_1 \(stream_id=\?/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('a live subscription with a rare filter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('does not scan again, on the next commit, the events it has already passed over', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const pages = jest.spyOn(EventQueries.prototype, 'allPage');
    const until = async (condition: () => boolean): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`gave up waiting; pages read: ${pages.mock.calls.length}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    let caughtUp = 0;
    const subscription = store.subscribe({ filter: { streamPrefix: 'rare-' }, onCaughtUp: () => caughtUp++ });
    const reading = (async () => {
      for await (const _ of subscription) void _;
    })();
    await until(() => caughtUp === 1);
    await store.appendToStream('common', counted(5)); // positions 1 to 5, none of them rare
    await until(() => pages.mock.calls.length === 2);
    await store.appendToStream('common', counted(1, 5)); // position 6
    await until(() => pages.mock.calls.length === 3);
    // [after, upTo]: the third page starts after position 5, not back at 0.
    expect(pages.mock.calls.map((call) => [call[0], call[1]])).toEqual([
      [0n, 0n],
      [0n, 5n],
      [5n, 6n],
    ]);
    await store.close();
    await reading;
  });
});
