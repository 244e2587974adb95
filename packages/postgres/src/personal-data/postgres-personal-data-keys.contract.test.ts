import type { PersonalDataKeys } from '@cartes-badges/eventsourcing';
import { runPersonalDataKeysContract, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { Pool } from 'pg';
import { postgresUnavailableReason, TEST_DATABASE_URL } from '../testing/pg-available';
import { TestSchemas } from '../testing/test-schemas';
import { createPostgresPersonalDataKeys } from './postgres-personal-data-keys';

jest.setTimeout(scaledTimeout(60_000));

const schemas = new TestSchemas();
const pools: Pool[] = [];
const schemaOf = new Map<PersonalDataKeys, string>();

async function open(schema: string): Promise<PersonalDataKeys> {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
  pools.push(pool);
  const keys = await createPostgresPersonalDataKeys({ pool, schema });
  schemaOf.set(keys, schema);
  return keys;
}

runPersonalDataKeysContract('PostgreSQL', {
  skip: postgresUnavailableReason() ?? false,
  create: () => open(schemas.next()),
  reopen: (keys) => open(schemaOf.get(keys)!),
  teardown: async () => {
    await schemas.dropAll();
    for (const pool of pools) await pool.end();
  },
});
