import type { Pool } from 'pg';
import type { ReadModelMigration } from './read-model-schema';
import {
  READ_MODEL_MIGRATIONS,
  READ_MODEL_MIGRATIONS_TABLE,
  READ_MODELS_COMPONENT,
} from './read-model-schema';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Brings the list tables of a schema up to date: one transaction under an advisory lock (two
 * starters wait for each other), applying the steps not yet recorded in
 * `read_model_migrations`. Idempotent; a schema written by a newer library is refused.
 */
export function migrateReadModels(
  pool: Pool,
  schema: string,
): Promise<{ readonly from: number; readonly to: number }> {
  return migrateComponent(pool, schema, READ_MODELS_COMPONENT, READ_MODEL_MIGRATIONS);
}

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
