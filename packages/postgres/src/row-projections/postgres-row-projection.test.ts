import * as path from 'node:path';
import { runRowProjectionSuite } from '../../../../test/row-projections/row-projection-suite';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason, TEST_DATABASE_URL } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { createPostgresRowProjection } from './postgres-row-projection';

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

if (postgresUnavailableReason() === undefined) {
  runRowProjectionSuite('PostgreSQL', {
    store: () => schemas.store(),
    table: (store, definition) => createPostgresRowProjection(store as PostgresEventStore, definition),
    workerArgs: (store) => [TEST_DATABASE_URL, (store as PostgresEventStore).schema],
    worker: path.join(__dirname, '__tests__', 'row-projection-worker.ts'),
  });
} else {
  it.skip('row projections on PostgreSQL (server unreachable)', () => undefined);
}
