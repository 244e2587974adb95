import * as path from 'node:path';
import { runRowProjectionSuite } from '../../../../test/row-projections/row-projection-suite';
import type { PostgresEventStore } from '../postgres-store';
import { postgresUnavailableReason, TEST_DATABASE_URL } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { createPostgresRowProjection, openPostgresRowProjection } from './postgres-row-projection';

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

if (postgresUnavailableReason() === undefined) {
  runRowProjectionSuite('PostgreSQL', {
    store: () => schemas.store(),
    table: (store, definition) => createPostgresRowProjection(store as PostgresEventStore, definition),
    readOnlyTable: (store, definition) =>
      openPostgresRowProjection(TEST_DATABASE_URL, definition, {
        schema: (store as PostgresEventStore).schema,
        readOnly: true,
      }),
    tableNames: async (store) =>
      (
        await (store as PostgresEventStore).pool.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
          [(store as PostgresEventStore).schema],
        )
      ).rows.map((t) => t.name),
    workerArgs: (store) => [TEST_DATABASE_URL, (store as PostgresEventStore).schema],
    worker: path.join(__dirname, '__tests__', 'row-projection-worker.ts'),
  });
} else {
  it.skip('row projections on PostgreSQL (server unreachable)', () => undefined);
}
