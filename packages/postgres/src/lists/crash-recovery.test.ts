import { runProjectionOnce, startProjection, type ProjectionProgress } from '@cartes-badges/eventsourcing';
import { LIST_PROJECTIONS, type ListName } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { listRunnable } from '@cartes-badges/lists';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { appendInterleaved, dossierHistories } from '../../../../test/read-models/list-events';
import { expectSameList, listAt } from '../../../../test/read-models/list-comparison';
import { createPostgresListReadModel } from './postgres-list-read-model';

// Skipped (with the reason printed) when PostgreSQL is unreachable; under CI=true that throws.
const describeWithPostgres = postgresUnavailableReason() ? describe.skip : describe;

/**
 * Makes chosen checkpoint writes fail inside the commit's transaction, after the batch's rows
 * are written. A sequence counts the writes (sequences ignore rollbacks). Odd-numbered crashes
 * raise an error; even-numbered ones kill the connection itself mid-transaction, as a process
 * or network failure would.
 */
async function crashOnCheckpointWrites(store: PostgresEventStore, crashAt: readonly number[]): Promise<void> {
  const s = `"${store.schema}"`;
  await store.pool.query(`
    CREATE SEQUENCE ${s}.checkpoint_writes;
    CREATE FUNCTION ${s}.simulated_crash() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      n bigint;
      crash integer;
    BEGIN
      IF NEW.position IS NULL THEN RETURN NEW; END IF;
      n := nextval('${store.schema}.checkpoint_writes');
      crash := array_position(ARRAY[${crashAt.join(', ')}]::bigint[], n);
      IF crash IS NULL THEN RETURN NEW; END IF;
      IF crash % 2 = 0 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
      RAISE EXCEPTION 'simulated crash between two batches (write %)', n;
    END $fn$;
    -- Every checkpoint write is an INSERT ... ON CONFLICT DO UPDATE: its BEFORE INSERT trigger
    -- fires once per write, whether it then inserts or updates.
    CREATE TRIGGER simulated_crash BEFORE INSERT ON ${s}.list_checkpoints
      FOR EACH ROW EXECUTE FUNCTION ${s}.simulated_crash();`);
}

describeWithPostgres('PostgreSQL list read model after a crash between two batches', () => {
  const schemas = new TestSchemas();
  let store: PostgresEventStore;

  beforeEach(async () => {
    store = await schemas.store({ pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(async () => {
    await schemas.dropAll();
  });

  it.each<ListName>(['brouillons', 'dossiers'])(
    '%s: rows and checkpoint always agree, and the list restarted after each crash equals one rebuilt from scratch',
    async (list) => {
      const projection = LIST_PROJECTIONS[list];
      const random = seededRandom(list === 'brouillons' ? 303 : 404);
      const first = dossierHistories(random, 0, 100);
      const later = dossierHistories(random, 100, 30);
      const ids = [...first, ...later].map((h) => h.dossierId);
      await appendInterleaved(store, random, first);

      const model = await createPostgresListReadModel(store, { list });
      await crashOnCheckpointWrites(store, [3, 6, 7, 11]);
      let runs = 0;
      const failures: string[] = [];
      for (;;) {
        runs += 1;
        const runner = startProjection(store, listRunnable(projection, model), { batchSize: 40 });
        try {
          await runner.whenIdle();
          break;
        } catch (error) {
          failures.push((error as Error).message);
        } finally {
          await runner.stop();
        }
        // Right after the crash: the rows are exactly the fold of the events up to the stored
        // checkpoint, neither the failed batch's rows without its checkpoint, nor the reverse.
        const checkpoint = await model.readCheckpoint();
        await expectSameList(model, await listAt(store, projection, checkpoint?.position), ids, {
          queries: 5,
        });
        // The world goes on while the projection is down.
        if (runs === 2) await appendInterleaved(store, random, later);
      }
      expect(failures).toHaveLength(4);
      expect(failures.filter((m) => /simulated crash/.test(m))).toHaveLength(2);
      expect(failures.filter((m) => /terminat/i.test(m))).toHaveLength(2);

      // Rebuilt from scratch in another schema of the same database, with progress.
      const rebuilt = await createPostgresListReadModel(store.pool, { list, schema: schemas.next() });
      const progress: ProjectionProgress[] = [];
      await rebuilt.reset(projection.version);
      const done = await runProjectionOnce(store, listRunnable(projection, rebuilt), {
        batchSize: 100,
        onProgress: (p) => progress.push(p),
      });
      expect(progress.length).toBeGreaterThan(2);
      expect(progress[progress.length - 1]).toEqual(done);
      await expectSameList(model, rebuilt, ids, { queries: 40 });
      await expectSameList(model, await listAt(store, projection, undefined), ids, { checkpoint: false });
      const page = await model.query({
        scope: { kind: 'system' },
        terms: [],
        filters: {},
        sort: { by: 'number', direction: 'desc' },
        offset: 0,
        limit: 20,
      });
      expect(page.total).toBeGreaterThan(20);
    },
  );
});
