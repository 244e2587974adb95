import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { PostgresEventStoreOptions } from '../options';
import type { PostgresEventStore } from '../postgres-store';
import { createPostgresEventStore } from '../postgres-store';
import { quoteIdent } from '../schema-name';
import { TEST_DATABASE_URL } from './pg-available';

/**
 * Schemas for one test run: each name is unique to this process and run, so parallel runs on
 * the same server never see each other's events; `dropAll` removes them at the end.
 */
export class TestSchemas {
  private readonly names: string[] = [];
  private readonly prefix = `cb_test_${process.pid}_${randomBytes(3).toString('hex')}`;

  /** A fresh schema name (not created yet: the store's migrations create it). */
  next(): string {
    const name = `${this.prefix}_${this.names.length}`;
    this.names.push(name);
    return name;
  }

  /** A store on a fresh schema of its own. */
  async store(options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    return createPostgresEventStore({
      connectionString: TEST_DATABASE_URL,
      max: 4,
      pollIntervalMs: 200,
      ...options,
      schema: options.schema ?? this.next(),
    });
  }

  /** Drops every schema handed out. */
  async dropAll(): Promise<void> {
    const names = this.names.splice(0);
    if (names.length === 0) return;
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
    } finally {
      await client.end();
    }
  }
}

/** A plain connection to the test database (for tests that play another process or a forger). */
export async function rawClient(): Promise<Client> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
