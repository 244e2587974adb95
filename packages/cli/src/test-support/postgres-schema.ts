import { createPostgresEventStore } from '@cartes-badges/postgres';

/** The test server (trust auth, database `test`), as the end-to-end tests name it to the CLI. */
export const TEST_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** Drops a schema an end-to-end test had the CLI create (its events, lists and files). */
export async function dropPostgresSchema(schema: string): Promise<void> {
  const cleanup = await createPostgresEventStore({ connectionString: TEST_POSTGRES, schema, migrate: false });
  try {
    await cleanup.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await cleanup.close();
  }
}

/** Whether a schema exists on the test server (a read command must not have created it). */
export async function postgresSchemaExists(schema: string): Promise<boolean> {
  const probe = await createPostgresEventStore({ connectionString: TEST_POSTGRES, schema, migrate: false });
  try {
    const result = await probe.pool.query(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
      [schema],
    );
    return result.rowCount === 1;
  } finally {
    await probe.close();
  }
}
