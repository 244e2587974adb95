import type { Pool } from 'pg';
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
export async function migrateReadModels(
  pool: Pool,
  schema: string,
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
        [READ_MODELS_COMPONENT],
      );
      const from = rows[0].v ?? 0;
      const known = READ_MODEL_MIGRATIONS.length;
      if (from > known) {
        throw new Error(
          `PostgreSQL read models: schema ${schema} is at version ${from} of ${READ_MODELS_COMPONENT}, newer than this library knows (${known}): upgrade @cartes-badges/postgres`,
        );
      }
      for (const migration of READ_MODEL_MIGRATIONS.slice(from)) {
        await migration.up(client, schema);
        await client.query(`INSERT INTO ${table} (component, version, description) VALUES ($1, $2, $3)`, [
          READ_MODELS_COMPONENT,
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
