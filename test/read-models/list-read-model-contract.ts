/// <reference types="jest" />
// Test-only: the contract every list read model keeps (ListReadModel, the domain's port), run on
// the in-memory engine, SQLite and PostgreSQL. What only one store can show (its indexes, query
// plans, migrations, files) stays in that store's own tests.
import type { ListName, ListReadModel, RowQuery } from '@cartes-badges/domain';
import { LIST_QUERY_INDEXES, listTableOf } from '@cartes-badges/domain/adapter';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { expectSameAsInMemory } from './list-parity';
import { randomRow } from './random-list-rows';

/** How a store opens its list read models for the contract. */
export interface ListReadModelHarness {
  /** One list, empty, where no other test writes (a fresh schema, database or object). */
  list(name: ListName): Promise<ListReadModel>;
  /** Both lists, empty, side by side in one place (one database or schema). */
  bothLists(): Promise<{ readonly brouillons: ListReadModel; readonly dossiers: ListReadModel }>;
  /** Whether the model is opened by a list name given at run time (SQL tables), to be checked. */
  readonly namesItsList: boolean;
  /** What the parity runs compare with; the in-memory engine when not given. */
  reference?(): ListReadModel;
  /** A SQL model's query indexes, which `rebuilding` sets aside (absent: the model has none). */
  readonly queryIndexes?: QueryIndexesHarness;
  /** The parity runs' sizes: a seed per list, commits, queries after each commit. */
  readonly parity: {
    readonly seeds: readonly [number, number];
    readonly commits: number;
    readonly queriesPerCommit: number;
  };
}

/** How the contract watches a SQL model's query indexes. */
export interface QueryIndexesHarness {
  /** One list's model, empty, where no other test writes, and ways to look at its table. */
  open(list: ListName): Promise<{
    readonly model: ListReadModel;
    /** The names of the table's indexes, sorted. */
    indexes(): Promise<string[]>;
    /** What a process killed inside `rebuilding` leaves: some or all query indexes gone. */
    killedWhileRebuilding(): Promise<void>;
    /** Opens a model of the same list again, as a restarted process does. */
    reopen(): Promise<void>;
  }>;
  /** The indexes a rebuild keeps (the primary key where it is an index of its own). */
  readonly keptWhileRebuilding: (list: ListName) => readonly string[];
}

const firstPage = (filters: RowQuery['filters'], terms: readonly string[] = []): RowQuery => ({
  scope: { kind: 'system' },
  terms,
  filters,
  sort: { by: 'number', direction: 'desc' },
  offset: 0,
  limit: 20,
});

/** Declares the contract's tests in the calling `describe`. */
export function listReadModelContract(harness: ListReadModelHarness): void {
  it.each<[ListName, number]>([
    ['brouillons', harness.parity.seeds[0]],
    ['dossiers', harness.parity.seeds[1]],
  ])('answers every query as the reference does (%s)', async (list, seed) => {
    const figures = await expectSameAsInMemory(await harness.list(list), {
      seed,
      commits: harness.parity.commits,
      queriesPerCommit: harness.parity.queriesPerCommit,
      dossiers: 120,
      ...(harness.reference ? { reference: harness.reference() } : {}),
    });
    // The random queries must actually return rows, or the comparison proves little.
    expect(figures.nonEmptyPages).toBeGreaterThan(figures.queries / 6);
  });

  it('starts with no checkpoint, records the version on reset, and both lists are independent', async () => {
    const { brouillons, dossiers } = await harness.bothLists();
    expect(await brouillons.readCheckpoint()).toBeUndefined();
    const row = randomRow(seededRandom(1), 'd1');
    // Past 2^53: positions are bigints end to end.
    await brouillons.commit([{ op: 'upsert', row }], { position: 9_007_199_254_740_993n, version: 1 });
    expect(await brouillons.readCheckpoint()).toEqual({ position: 9_007_199_254_740_993n, version: 1 });
    expect((await brouillons.getRows(['d1'])).get('d1')).toEqual(row);
    expect(await dossiers.readCheckpoint()).toBeUndefined();
    expect((await dossiers.getRows(['d1'])).size).toBe(0);
    await brouillons.reset(2);
    expect(await brouillons.readCheckpoint()).toEqual({ version: 2 });
    expect((await brouillons.getRows(['d1'])).size).toBe(0);
  });

  it('answers a search in a scope with a page of at most the limit and the full total', async () => {
    const model = await harness.list('brouillons');
    const random = seededRandom(3);
    const rows = Array.from({ length: 300 }, (_, i) => ({ ...randomRow(random, `r${i}`), listed: true }));
    await model.commit(
      rows.map((row) => ({ op: 'upsert' as const, row })),
      { position: 1n, version: 1 },
    );
    const result = await model.query(firstPage({}, ['interim']));
    const matching = rows.filter((r) => r.searchKey.includes('interim'));
    expect(result.total).toBe(matching.length);
    expect(result.rows).toHaveLength(20);
  });

  it('answers a query holding NUL or a lone surrogate (filter or term) with no row, not a driver error', async () => {
    const model = await harness.list('dossiers');
    const random = seededRandom(5);
    const rows = Array.from({ length: 30 }, (_, i) =>
      randomRow(random, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    );
    await model.commit(
      rows.map((row) => ({ op: 'upsert' as const, row })),
      { position: 1n },
    );
    expect((await model.query(firstPage({}))).total).toBeGreaterThan(0);
    for (const q of [
      firstPage({ siret: '1\u0000' }),
      firstPage({ siren: '\u0000' }),
      firstPage({ number: '25\u0000' }),
      firstPage({ cardType: 'CHRONO\u0000' }),
      firstPage({ cardType: '\ud800' }),
      firstPage({}, ['chrono', 'a\u0000']),
    ]) {
      expect(await model.query(q)).toEqual({ total: 0, rows: [] });
    }
  });

  if (harness.namesItsList)
    it('refuses an unknown list, naming the option', async () => {
      await expect(Promise.resolve().then(() => harness.list('drafts' as ListName))).rejects.toThrow(
        /list must be 'brouillons' or 'dossiers' \(got "drafts"\)/,
      );
    });

  const indexes = harness.queryIndexes;
  if (indexes)
    describe('a rebuild from scratch (rebuilding)', () => {
      it('fills the table without its query indexes, queries still right, and builds them once at the end', async () => {
        const { model, indexes: indexesNow } = await indexes.open('dossiers');
        const before = await indexesNow();
        expect(before).toEqual(
          expect.arrayContaining(
            LIST_QUERY_INDEXES.map(([suffix]) => `${listTableOf('dossiers')}_${suffix}`),
          ),
        );
        const random = seededRandom(21);
        const rows = Array.from({ length: 50 }, (_, i) => ({ ...randomRow(random, `d${i}`), listed: true }));
        let during: string[] = [];
        const result = await model.rebuilding!(async () => {
          await model.reset(1);
          await model.commit(
            rows.map((row) => ({ op: 'upsert' as const, row })),
            { position: 50n, version: 1 },
          );
          during = await indexesNow();
          expect((await model.query(firstPage({}))).total).toBe(50);
          return 'done';
        });
        expect(result).toBe('done');
        expect(during).toEqual(indexes.keptWhileRebuilding('dossiers'));
        expect(await indexesNow()).toEqual(before);
        expect((await model.query(firstPage({}))).total).toBe(50);
      });

      it('builds the indexes again when the rebuild fails, and when a model opens on a table a killed rebuild left without them', async () => {
        const opened = await indexes.open('brouillons');
        const before = await opened.indexes();
        await expect(
          opened.model.rebuilding!(async () => {
            throw new Error('the store went away');
          }),
        ).rejects.toThrow('the store went away');
        expect(await opened.indexes()).toEqual(before);
        await opened.killedWhileRebuilding();
        expect((await opened.indexes()).length).toBeLessThan(before.length);
        await opened.reopen();
        expect(await opened.indexes()).toEqual(before);
      });
    });
}
