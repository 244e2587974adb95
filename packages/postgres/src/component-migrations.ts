import type { Pool, PoolClient } from 'pg';

// How a component's tables in a store's schema (the lists, the leases and reactor ledgers) are
// migrated: generic, so that the leases at the package root need nothing of the lists.

/** The table, in the store's schema, recording the read models' migrations (by component). */
export const READ_MODEL_MIGRATIONS_TABLE = 'read_model_migrations';

/** One step of the read models' schema, applied once inside the migration transaction. */
export interface ReadModelMigration {
  readonly version: number;
  readonly description: string;
  readonly up: (client: PoolClient, schema: string) => Promise<void>;
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Brings one component's tables of a schema (the lists, the leases and reactor ledgers) up to
 * date, recording its steps in `read_model_migrations` under its name.
 */
export async function migrateComponent(
  pool: Pool,
  schema: string,
  component: string,
  migrations: readonly ReadModelMigration[],
): Promise<{ readonly from: number; readonly to: number }> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await client.query(
        `SELECT pg_advisory_xact_lock(hashtext('cartes-badges read models'), hashtext($1))`,
        [schema],
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`);
      const table = `${q(schema)}.${q(READ_MODEL_MIGRATIONS_TABLE)}`;
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${table} (
          component   text NOT NULL,
          version     integer NOT NULL,
          description text NOT NULL,
          applied_at  timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (component, version)
        )`);
      const { rows } = await client.query<{ v: number | null }>(
        `SELECT max(version) AS v FROM ${table} WHERE component = $1`,
        [component],
      );
      const from = rows[0].v ?? 0;
      const known = migrations.length;
      if (from > known) {
        throw new Error(
          `PostgreSQL read models: schema ${schema} is at version ${from} of ${component}, newer than this library knows (${known}): upgrade @cartes-badges/postgres`,
        );
      }
      for (const migration of migrations.slice(from)) {
        await migration.up(client, schema);
        await client.query(`INSERT INTO ${table} (component, version, description) VALUES ($1, $2, $3)`, [
          component,
          migration.version,
          migration.description,
        ]);
      }
      await client.query('COMMIT');
      return { from, to: Math.max(from, known) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
