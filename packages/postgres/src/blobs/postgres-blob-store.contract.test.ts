import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { BlobStore } from '@cartes-badges/eventsourcing';
import { runBlobStoreContract } from '@cartes-badges/eventsourcing/testing';
import { postgresUnavailableReason, TEST_DATABASE_URL } from '../testing/pg-available';
import { rawClient, TestSchemas } from '../testing/test-schemas';
import { createPostgresBlobStore, type PostgresBlobStore } from './postgres-blob-store';

jest.setTimeout(scaledTimeout(60_000));

const schemas = new TestSchemas();
const open = (schema: string): Promise<PostgresBlobStore> =>
  createPostgresBlobStore({ connectionString: TEST_DATABASE_URL, schema });

/** Another connection: the forger works behind the store's back. */
async function behindItsBack(store: BlobStore, sql: string, key: string): Promise<void> {
  const client = await rawClient();
  try {
    await client.query(sql.replace(/\$schema/g, `"${(store as PostgresBlobStore).schema}"`), [key]);
  } finally {
    await client.end();
  }
}

runBlobStoreContract('PostgreSQL', {
  skip: postgresUnavailableReason() ?? false,
  create: () => open(schemas.next()),
  reopen: (store) => open((store as PostgresBlobStore).schema),
  tamper: (store) => ({
    alter: (key) =>
      behindItsBack(
        store,
        `UPDATE $schema.blob_chunks c SET bytes = overlay(c.bytes placing '\\xff'::bytea from (length(c.bytes) / 2 + 1) for 1)
         FROM $schema.blobs b WHERE b.key = $1 AND c.upload_id = b.upload_id AND c.seq = 0`,
        key,
      ),
    remove: (key) => behindItsBack(store, 'DELETE FROM $schema.blobs WHERE key = $1', key),
  }),
  teardown: () => schemas.dropAll(),
});
