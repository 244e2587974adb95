import type { Pool, PoolClient } from 'pg';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { quoteIdent } from './schema-name';

/** Options of `migrate`. */
export interface MigrateOptions {
  /** Stop after this schema version (tests use it to build a database as an older release left it). */
  readonly upTo?: number;
}

/** What `migrate` did. */
export interface MigrateResult {
  /** The versions applied by this call (empty when the schema was already up to date). */
  readonly applied: readonly number[];
  readonly version: number;
}

/**
 * Brings a schema up to date: creates it when missing, then applies, each in its own transaction,
 * the migrations it has not recorded yet. An advisory lock makes concurrent starters wait for
 * each other instead of racing; a schema newer than this library is refused.
 */
export async function migrate(
  pool: Pool,
  schema: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const target = options.upTo ?? LATEST_SCHEMA_VERSION;
  const client = await pool.connect();
  let healthy = false;
  try {
    // Fast path: a restart on an up-to-date schema takes no lock.
    const before = await appliedVersions(client, schema);
    if (before && isComplete(before, target)) {
      healthy = true;
      return { applied: [], version: checkNotNewer(schema, before) };
    }
    await client.query(`SELECT pg_advisory_lock(hashtext('cartes-badges migrations'), hashtext($1))`, [
      schema,
    ]);
    try {
      const result = await applyMissing(client, schema, target);
      healthy = true;
      return result;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('cartes-badges migrations'), hashtext($1))`, [
        schema,
      ]);
    }
  } finally {
    // A connection that failed half-way may still hold the lock: close it rather than reuse it.
    client.release(!healthy);
  }
}

async function applyMissing(client: PoolClient, schema: string, target: number): Promise<MigrateResult> {
  const s = quoteIdent(schema);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const done = (await appliedVersions(client, schema)) ?? new Set<number>();
  let version = checkNotNewer(schema, done);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version > target || done.has(migration.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.up(schema));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(
        `Migration ${migration.version} (${migration.name}) of schema ${schema} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    applied.push(migration.version);
    version = Math.max(version, migration.version);
  }
  return { applied, version };
}

// The recorded versions, or undefined when the schema or its migrations table does not exist.
async function appliedVersions(client: PoolClient, schema: string): Promise<Set<number> | undefined> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    `${quoteIdent(schema)}.schema_migrations`,
  ]);
  if (!exists.rows[0].found) return undefined;
  const rows = await client.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(schema)}.schema_migrations`,
  );
  return new Set(rows.rows.map((row) => row.version));
}

function isComplete(done: Set<number>, target: number): boolean {
  return MIGRATIONS.every((migration) => migration.version > target || done.has(migration.version));
}

function checkNotNewer(schema: string, done: Set<number>): number {
  const newest = Math.max(0, ...done);
  if (newest > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `Schema ${schema} is at version ${newest}, newer than this library knows (${LATEST_SCHEMA_VERSION}): upgrade @cartes-badges/postgres`,
    );
  }
  return newest;
}
