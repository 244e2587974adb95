import { seededRandom } from '@cartes-badges/domain/fixtures';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { listReadModelContract } from '../../../../test/read-models/list-read-model-contract';
import { randomRow } from '../../../../test/read-models/random-list-rows';
import { createPostgresListReadModel } from './postgres-list-read-model';
import { migrateReadModels } from './migrate-read-models';
import { listTableOf } from '@cartes-badges/domain/adapter';
import { setAsideListIndexes } from './set-aside-indexes';

// Skipped (with the reason printed) when PostgreSQL is unreachable; under CI=true that throws.
const describeWithPostgres = postgresUnavailableReason() ? describe.skip : describe;

describeWithPostgres('PostgreSQL list read model', () => {
  const schemas = new TestSchemas();
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await schemas.store();
  });
  afterAll(async () => {
    await store?.close();
    await schemas.dropAll();
  });

  listReadModelContract({
    // Each list in a schema of its own, so that no other test's rows are seen.
    list: async (list) => createPostgresListReadModel(store.pool, { list, schema: schemas.next() }),
    bothLists: async () => {
      const schema = schemas.next();
      return {
        brouillons: await createPostgresListReadModel(store.pool, { list: 'brouillons', schema }),
        dossiers: await createPostgresListReadModel(store.pool, { list: 'dossiers', schema }),
      };
    },
    namesItsList: true,
    parity: { seeds: [21, 22], commits: 40, queriesPerCommit: 25 },
    queryIndexes: {
      open: async (list) => {
        const schema = schemas.next();
        const indexes = async (): Promise<string[]> => {
          const { rows } = await store.pool.query<{ indexname: string }>(
            `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
            [schema, listTableOf(list)],
          );
          return rows.map((r) => r.indexname);
        };
        return {
          model: await createPostgresListReadModel(store.pool, { list, schema }),
          indexes,
          // The process died after setting the indexes aside, before building them again.
          killedWhileRebuilding: async () => {
            const client = await store.pool.connect();
            try {
              await setAsideListIndexes(client, schema, list);
            } finally {
              client.release();
            }
          },
          reopen: async () => {
            await createPostgresListReadModel(store.pool, { list, schema });
          },
        };
      },
      keptWhileRebuilding: (list) => [`${listTableOf(list)}_pkey`],
    },
  });

  it('keeps one list of two schemas apart', async () => {
    const schema = schemas.next();
    const brouillons = await createPostgresListReadModel(store.pool, { list: 'brouillons', schema });
    const row = randomRow(seededRandom(1), 'd1');
    await brouillons.commit([{ op: 'upsert', row }], { position: 9_007_199_254_740_993n, version: 1 });
    expect((await brouillons.getRows(['d1'])).get('d1')).toEqual(row);
    const sameListOtherSchema = await createPostgresListReadModel(store, { list: 'brouillons' });
    expect((await sameListOtherSchema.getRows(['d1'])).size).toBe(0);
  });

  it('migrates once, concurrently too, and refuses a schema newer than the library', async () => {
    const schema = schemas.next();
    const results = await Promise.all([1, 2, 3].map(() => migrateReadModels(store.pool, schema)));
    expect(results.map((r) => r.from).sort()).toEqual([0, 3, 3]);
    const { rows } = await store.pool.query(
      `SELECT component, version FROM "${schema}".read_model_migrations ORDER BY version`,
    );
    expect(rows).toEqual([
      { component: 'read-models', version: 1 },
      { component: 'read-models', version: 2 },
      { component: 'read-models', version: 3 },
    ]);
    await store.pool.query(
      `INSERT INTO "${schema}".read_model_migrations (component, version, description) VALUES ('read-models', 4, 'future')`,
    );
    await expect(createPostgresListReadModel(store.pool, { list: 'dossiers', schema })).rejects.toThrow(
      /at version 4 of read-models, newer than this library knows \(3\)/,
    );
  });

  it('indexes the search key with pg_trgm when the server has it, and reads a company page by its index', async () => {
    await createPostgresListReadModel(store, { list: 'dossiers' });
    const extension = await store.pool.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    const indexes = await store.pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%\\_search'`,
      [store.schema],
    );
    expect(indexes.rows.map((r) => r.indexname).sort()).toEqual(
      extension.rowCount === 1 ? ['list_rows_brouillons_search', 'list_rows_dossiers_search'] : [],
    );
    const client = await store.pool.connect();
    try {
      // An empty table would be scanned whatever the indexes: ask the planner as if it were big.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT row_json FROM "${store.schema}".list_rows_dossiers
         WHERE listed AND status <> 'removed' AND siret = ANY('{40123456700011}'::text[])
         ORDER BY number_key DESC, dossier_id DESC LIMIT 20`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/list_rows_dossiers_siret/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('refuses a bad schema, naming the option', async () => {
    await expect(
      createPostgresListReadModel(store, { list: 'dossiers', schema: 'Bad-Name' }),
    ).rejects.toThrow(/schema must be 1 to 48 characters .* \(got "Bad-Name"\)/);
  });
});
