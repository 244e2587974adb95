import { randomBytes } from 'node:crypto';
import type { PersonalDataKeys } from '@cartes-badges/eventsourcing';
import { PersonalDataErasedError } from '@cartes-badges/eventsourcing';
import { checkSubject, isStorableSubject, SUBJECT_KEY_BYTES } from '@cartes-badges/eventsourcing/adapter';
import type { Pool } from 'pg';
import { checkSchemaName, DEFAULT_SCHEMA, quoteIdent } from '../schema-name';

/** Options of `createPostgresPersonalDataKeys`. */
export interface PostgresPersonalDataKeysOptions {
  /** The event store's pool (`store.pool`): `close` leaves it open. */
  readonly pool: Pool;
  /** The event store's schema (default 'cartes_badges'): the table goes beside the events. */
  readonly schema?: string;
  /** False for a read command: the table is not created (a store without it holds no sealed value). */
  readonly migrate?: boolean;
}

// One row per subject: its key, or NULL and destroyed_at once erased (the tombstone).
const table = (s: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${s};
  CREATE TABLE IF NOT EXISTS ${s}.personal_data_keys (
    subject      text COLLATE "C" PRIMARY KEY,
    key          bytea,
    created_at   timestamptz NOT NULL,
    destroyed_at timestamptz
  );`;

/**
 * Subject keys in a table beside the events of a PostgreSQL store. PostgreSQL keeps an updated
 * row's old version until VACUUM: run `VACUUM personal_data_keys` after erasures (docs/audit.md).
 */
export async function createPostgresPersonalDataKeys(
  options: PostgresPersonalDataKeysOptions,
): Promise<PersonalDataKeys> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  checkSchemaName(schema);
  const s = quoteIdent(schema);
  const t = `${s}.personal_data_keys`;
  const { pool } = options;
  if (options.migrate !== false) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('cartes-badges keys'), hashtext($1))`, [
        schema,
      ]);
      await client.query(table(s));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    async keyForWriting(subject) {
      checkSubject(subject);
      await pool.query(
        `INSERT INTO ${t} (subject, key, created_at) VALUES ($1, $2, now()) ON CONFLICT (subject) DO NOTHING`,
        [subject, randomBytes(SUBJECT_KEY_BYTES)],
      );
      // A statement of its own: it sees the row a concurrent first caller committed.
      const { rows } = await pool.query<{ key: Buffer | null }>(`SELECT key FROM ${t} WHERE subject = $1`, [
        subject,
      ]);
      const key = rows[0]?.key;
      if (!key) throw new PersonalDataErasedError(subject);
      return new Uint8Array(key);
    },
    async keysFor(subjects) {
      const found = new Map<string, Uint8Array | null>();
      // A subject no row can hold (a NUL, say) is simply not found: never handed to the driver.
      const storable = subjects.filter(isStorableSubject);
      if (storable.length === 0) return found;
      const exists = await pool.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [
        `${s}.personal_data_keys`,
      ]);
      if (exists.rows[0]?.found === null) return found;
      const { rows } = await pool.query<{ subject: string; key: Buffer | null }>(
        `SELECT subject, key FROM ${t} WHERE subject = ANY($1::text[])`,
        [storable],
      );
      for (const row of rows) found.set(row.subject, row.key ? new Uint8Array(row.key) : null);
      return found;
    },
    async destroy(subject) {
      checkSubject(subject);
      const updated = await pool.query(
        `UPDATE ${t} SET key = NULL, destroyed_at = now() WHERE subject = $1 AND key IS NOT NULL`,
        [subject],
      );
      if ((updated.rowCount ?? 0) > 0) return true;
      // No key (yet): a tombstone; a key a concurrent writer just made is destroyed all the same.
      await pool.query(
        `INSERT INTO ${t} (subject, key, created_at, destroyed_at) VALUES ($1, NULL, now(), now())
         ON CONFLICT (subject) DO UPDATE SET key = NULL, destroyed_at = coalesce(${t}.destroyed_at, now())`,
        [subject],
      );
      return false;
    },
    close: async () => undefined,
  };
}
