import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// One suite for every SQL store's row projection tables (SQLite, PostgreSQL): the table equals
// the fold in memory, survives a process killed mid-batch, rebuilds on a version bump, follows
// live appends, and never applies an event twice.
import type {
  EventStore,
  ProjectedRow,
  RecordedEvent,
  RowProjectionDefinition,
  RowProjectionTable,
} from '@cartes-badges/eventsourcing';
import {
  foldRows,
  rowProjectionRunnable,
  runProjectionOnce,
  startProjection,
} from '@cartes-badges/eventsourcing';
import type { AccountRow } from './sample-row-projection';
import { accountsProjection, allEvents, appendAccountEvents } from './sample-row-projection';
import { runKillableWorker } from '../support/killable-worker';

/** What a store gives the suite. */
export interface RowProjectionHarness {
  /** A fresh, empty event store (closed by the suite). */
  store(): Promise<EventStore & { close(): Promise<void> }>;
  /** The projection's table in that store's database. */
  table<Row extends ProjectedRow>(
    store: EventStore,
    definition: RowProjectionDefinition<Row>,
  ): Promise<RowProjectionTable<Row>>;
  /** The projection's table opened read-only on a connection of its own, as an export opens it. */
  readOnlyTable<Row extends ProjectedRow>(
    store: EventStore,
    definition: RowProjectionDefinition<Row>,
  ): Promise<RowProjectionTable<Row> & { close(): unknown }>;
  /** The names of the tables in that store's database (its schema on PostgreSQL). */
  tableNames(store: EventStore): Promise<string[]>;
  /** The worker's arguments for that store, after which the suite adds the kill point. */
  workerArgs(store: EventStore): string[];
  /** The worker script (row-projection-worker.ts of the store's package). */
  readonly worker: string;
}

const sorted = <Row>(rows: Map<string, Row>): [string, Row][] =>
  [...rows].sort(([a], [b]) => a.localeCompare(b));

/** Registers the suite for one store. */
export function runRowProjectionSuite(engine: string, harness: RowProjectionHarness): void {
  describe(`row projections on ${engine}`, () => {
    let store: EventStore & { close(): Promise<void> };
    beforeEach(async () => {
      store = await harness.store();
    });
    afterEach(() => store.close());

    it('the table equals the fold in memory: every column type, deleted rows, hostile text', async () => {
      await appendAccountEvents(store, 700);
      const definition = accountsProjection();
      const table = await harness.table(store, definition);
      const run = await runProjectionOnce(store, rowProjectionRunnable(definition, table), { batchSize: 7 });
      const events = await allEvents(store);
      expect(run.eventsProcessed).toBe(events.length);
      const expected = foldRows(definition, events);
      expect(expected.size).toBeGreaterThan(10);
      expect(sorted(await table.rows())).toEqual(sorted(expected));
      expect(await table.readCheckpoint()).toEqual({
        version: 1,
        position: events[events.length - 1].globalPosition,
      });
    });

    it(
      'a process killed mid-batch (after its rows, before its commit) resumes to exactly the full fold',
      async () => {
        await appendAccountEvents(store, 600);
        const definition = accountsProjection();
        const table = await harness.table(store, definition);
        const events = await allEvents(store);
        for (const killAt of [3, 4, 9]) {
          expect(
            await runKillableWorker(harness.worker, [...harness.workerArgs(store), String(killAt)]),
          ).toBe('killed');
          // Right after the kill: the rows are the fold up to the stored checkpoint, no more, no less.
          const checkpoint = await table.readCheckpoint();
          expect(checkpoint?.position).toBeDefined();
          const upTo = events.filter((e) => e.globalPosition <= (checkpoint?.position ?? 0n));
          expect(sorted(await table.rows())).toEqual(sorted(foldRows(definition, upTo)));
          expect(upTo.length).toBeLessThan(events.length);
        }
        expect(await runKillableWorker(harness.worker, [...harness.workerArgs(store), '0'])).toBe('finished');
        expect(sorted(await table.rows())).toEqual(sorted(foldRows(definition, events)));
      },
      scaledTimeout(120_000),
    );

    it('a version bump drops the table and rebuilds it with the new columns', async () => {
      await appendAccountEvents(store, 300);
      const v1 = accountsProjection(1);
      const first = await harness.table(store, v1);
      await runProjectionOnce(store, rowProjectionRunnable(v1, first));
      const v2 = accountsProjection(2);
      const second = await harness.table(store, v2);
      const rebuilt = await runProjectionOnce(store, rowProjectionRunnable(v2, second));
      const events = await allEvents(store);
      expect(rebuilt.eventsProcessed).toBe(events.length);
      const rows = await second.rows();
      expect(sorted(rows)).toEqual(sorted(foldRows(v2, events)));
      expect([...rows.values()][0].owner_upper).toEqual(expect.any(String));
      expect((await second.readCheckpoint())?.version).toBe(2);
    });

    it('refuses columns changed under the same version (bump it), and a table named to inject SQL', async () => {
      await appendAccountEvents(store, 50);
      const v1 = accountsProjection(1);
      await runProjectionOnce(store, rowProjectionRunnable(v1, await harness.table(store, v1)));
      const changed = { ...accountsProjection(2), version: 1 };
      await expect(harness.table(store, changed)).rejects.toThrow(/bump the version/);
      expect(() => accountsProjection(1, 'x"; DROP TABLE events; --')).toThrow(/name must be/);
      expect(() => accountsProjection(1, 'events')).not.toThrow(); // becomes rows_events, never the store's own table
    });

    it('a row holding NUL or a lone surrogate is refused naming the column, never a raw driver error, nothing written', async () => {
      await appendAccountEvents(store, 45);
      const poisons: [string, (row: AccountRow) => AccountRow, RegExp][] = [
        [
          'nul_text',
          (row) => ({ ...row, owner: `${row.owner}\u0000` }),
          /column owner: must not contain the NUL/,
        ],
        [
          'nul_json',
          (row) => ({ ...row, tags: ['a', 'b\u0000'] }),
          /column tags: \[1\] must not contain the NUL/,
        ],
        ['surrogate', (row) => ({ ...row, owner: '\udc00' }), /column owner: must be valid Unicode/],
      ];
      for (const [name, poison, message] of poisons) {
        const clean = accountsProjection(1, name);
        // acct-7's opening is the 8th event: in the first batch, after rows of other accounts.
        const definition = {
          ...clean,
          evolve: (row: AccountRow | undefined, event: RecordedEvent) => {
            const after = clean.evolve(row, event);
            return after && event.streamId === 'acct-7' ? poison(after) : after;
          },
        };
        const table = await harness.table(store, definition);
        const run = runProjectionOnce(store, rowProjectionRunnable(definition, table), { batchSize: 20 });
        await expect(run).rejects.toThrow(expect.objectContaining({ name: 'RowProjectionError' }));
        await expect(run).rejects.toThrow(message);
        expect({ name, rows: (await table.rows()).size, checkpoint: await table.readCheckpoint() }).toEqual({
          name,
          rows: 0,
          checkpoint: { version: 1 },
        });
      }
    });

    it('read-only (an export): a table never built there is refused and nothing is created; a built one reads the same rows and refuses writes', async () => {
      await appendAccountEvents(store, 100);
      const definition = accountsProjection();
      const before = await harness.tableNames(store);
      await expect(harness.readOnlyTable(store, definition)).rejects.toThrow(
        expect.objectContaining({ name: 'RowTableNotBuiltError', builtVersion: undefined }),
      );
      expect(await harness.tableNames(store)).toEqual(before);
      const table = await harness.table(store, definition);
      await runProjectionOnce(store, rowProjectionRunnable(definition, table));
      await expect(harness.readOnlyTable(store, accountsProjection(2))).rejects.toThrow(
        expect.objectContaining({ name: 'RowTableNotBuiltError', builtVersion: 1 }),
      );
      const reader = await harness.readOnlyTable(store, definition);
      try {
        expect(sorted(await reader.rows())).toEqual(sorted(await table.rows()));
        expect(await reader.readCheckpoint()).toEqual(await table.readCheckpoint());
        await expect(reader.reset(1)).rejects.toThrow(/read-only/);
        await expect(reader.applyBatch([], 1n)).rejects.toThrow(/read-only/);
      } finally {
        await reader.close();
      }
    });

    it('catches up, then follows live appends; events delivered again are not applied twice', async () => {
      await appendAccountEvents(store, 200);
      const definition = accountsProjection();
      const table = await harness.table(store, definition);
      const runner = startProjection(store, rowProjectionRunnable(definition, table), { batchSize: 30 });
      try {
        await runner.whenIdle();
        await appendAccountEvents(store, 150, 200);
        await runner.whenIdle();
      } finally {
        await runner.stop();
      }
      const events = await allEvents(store);
      const expected = sorted(foldRows(definition, events));
      expect(sorted(await table.rows())).toEqual(expected);
      // A batch given again after a crash (at-least-once delivery) changes nothing.
      await table.applyBatch(events.slice(-60), events[events.length - 1].globalPosition);
      expect(sorted(await table.rows())).toEqual(expected);
    });
  });
}
