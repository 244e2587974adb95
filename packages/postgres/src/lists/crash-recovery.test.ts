import type { ListName } from '@cartes-badges/domain';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { expectRecoveryAfterEachCrash } from '../../../../test/read-models/list-crash-recovery';
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
      const failures = await expectRecoveryAfterEachCrash({
        store,
        list,
        seed: list === 'brouillons' ? 303 : 404,
        dossiers: [100, 30],
        crashingModel: async () => {
          const model = await createPostgresListReadModel(store, { list });
          await crashOnCheckpointWrites(store, [3, 6, 7, 11]);
          return model;
        },
        // Another schema of the same database.
        emptyModelElsewhere: () => createPostgresListReadModel(store.pool, { list, schema: schemas.next() }),
      });
      expect(failures).toHaveLength(4);
      expect(failures.filter((m) => /simulated crash/.test(m))).toHaveLength(2);
      expect(failures.filter((m) => /terminat/i.test(m))).toHaveLength(2);
    },
  );
});
