import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { readSideWiringContract } from '../../../../test/read-models/read-side-wiring-contract';
import { createPostgresListReadModel } from './postgres-list-read-model';

// Skipped (with the reason printed) when PostgreSQL is unreachable; under CI=true that throws.
const describeWithPostgres = postgresUnavailableReason() ? describe.skip : describe;

describeWithPostgres('createReadSide over PostgreSQL list read models', () => {
  const schemas = new TestSchemas();
  let store: PostgresEventStore;

  // Each test in a schema of its own: the scenarios expect a store with no event yet.
  beforeEach(async () => {
    store = await schemas.store({ pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(async () => {
    await schemas.dropAll();
  });

  readSideWiringContract({
    store: () => store,
    readModels: async (on) => ({
      brouillons: await createPostgresListReadModel(on as PostgresEventStore, { list: 'brouillons' }),
      dossiers: await createPostgresListReadModel(on as PostgresEventStore, { list: 'dossiers' }),
    }),
    // Another process on the same database: a new read side over the same pool.
    restart: async () => store,
    dossiers: [60, 20],
  });
});
