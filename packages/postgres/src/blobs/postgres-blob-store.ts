import type { BlobListing, BlobStore } from '@cartes-badges/eventsourcing';
import type { BlobBackend } from '@cartes-badges/eventsourcing/adapter';
import { contentAddressedBlobStore } from '@cartes-badges/eventsourcing/adapter';
import { Pool, type PoolClient } from 'pg';
import { checkSchemaName, DEFAULT_SCHEMA, quoteIdent } from '../schema-name';

/** Options of `createPostgresBlobStore`. */
export interface PostgresBlobStoreOptions {
  /** A pool the caller owns (the event store's `pool`): `close` leaves it open. */
  readonly pool?: Pool;
  /** e.g. postgres://user@host:5432/db, when no pool is given. Defaults to DATABASE_URL. */
  readonly connectionString?: string;
  /** The schema of the tables, the event store's (default 'cartes_badges'). */
  readonly schema?: string;
}

/** A PostgreSQL blob store, with the pool and schema it uses. */
export interface PostgresBlobStore extends BlobStore {
  readonly pool: Pool;
  readonly schema: string;
}

// Created together under a lock; a later change of these tables adds a versioned step here.
const tables = (s: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${s};
  CREATE SEQUENCE IF NOT EXISTS ${s}.blob_upload_ids;
  CREATE TABLE IF NOT EXISTS ${s}.blob_chunks (
    upload_id bigint  NOT NULL,
    seq       integer NOT NULL,
    bytes     bytea   NOT NULL,
    PRIMARY KEY (upload_id, seq)
  );
  CREATE TABLE IF NOT EXISTS ${s}.blobs (
    key       text        COLLATE "C" PRIMARY KEY,
    upload_id bigint      NOT NULL UNIQUE,
    size      bigint      NOT NULL,
    stored_at timestamptz NOT NULL
  );`;

async function createTables(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('cartes-badges blobs'), hashtext($1))`, [
      schema,
    ]);
    await client.query(tables(quoteIdent(schema)));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const CHUNKS_PER_READ = 4;

const asBuffer = (chunk: Uint8Array): Buffer => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * Blobs in PostgreSQL, in the store's schema: chunks of 256 KiB in a bytea table, so a 20 MB
 * file is never one 20 MB statement. A put is one transaction (its chunks, then its name in
 * `blobs`): a crash or a failed upload leaves nothing, and the commit makes it durable.
 */
export async function createPostgresBlobStore(
  options: PostgresBlobStoreOptions = {},
): Promise<PostgresBlobStore> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool ??
    new Pool({ connectionString: options.connectionString ?? process.env.DATABASE_URL, max: 4 });
  const s = quoteIdent(schema);
  try {
    await createTables(pool, schema);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }

  const backend: BlobBackend = {
    async begin() {
      const client: PoolClient = await pool.connect();
      let released = false;
      const release = (broken?: boolean): void => {
        if (!released) client.release(broken);
        released = true;
      };
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string }>(`SELECT nextval('${s}.blob_upload_ids') AS id`);
        const upload = rows[0].id;
        let seq = 0;
        return {
          async write(chunk) {
            await client.query(`INSERT INTO ${s}.blob_chunks (upload_id, seq, bytes) VALUES ($1, $2, $3)`, [
              upload,
              seq++,
              asBuffer(chunk),
            ]);
          },
          async commit(key, size) {
            try {
              // Stored already: the stored bytes stay, renewed as just put (a collection spares them).
              const named = await client.query<{ upload_id: string }>(
                `INSERT INTO ${s}.blobs (key, upload_id, size, stored_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (key) DO UPDATE SET stored_at = excluded.stored_at
                 RETURNING upload_id`,
                [key, upload, size, new Date()],
              );
              if (named.rows[0].upload_id !== upload)
                await client.query(`DELETE FROM ${s}.blob_chunks WHERE upload_id = $1`, [upload]);
              await client.query('COMMIT');
              release();
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              release(true);
              throw error;
            }
          },
          async abort() {
            await client.query('ROLLBACK').catch(() => undefined);
            release();
          },
        };
      } catch (error) {
        release(true);
        throw error;
      }
    },
    async chunks(key) {
      const { rows } = await pool.query<{ upload_id: string }>(
        `SELECT upload_id FROM ${s}.blobs WHERE key = $1`,
        [key],
      );
      if (rows.length === 0) return undefined;
      const upload = rows[0].upload_id;
      // A few chunks a query (1 MiB): fewer round trips, and still no transaction held while the
      // caller consumes the stream. A hole in the sequence ends it (the hash check then fails).
      return (async function* () {
        for (let next = 0; ; ) {
          const { rows } = await pool.query<{ seq: number; bytes: Buffer }>(
            `SELECT seq, bytes FROM ${s}.blob_chunks WHERE upload_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${CHUNKS_PER_READ}`,
            [upload, next],
          );
          for (const row of rows) {
            if (row.seq !== next) return;
            yield row.bytes;
            next += 1;
          }
          if (rows.length < CHUNKS_PER_READ) return;
        }
      })();
    },
    async *list(): AsyncGenerator<BlobListing> {
      const { rows } = await pool.query<{ key: string; size: string; stored_at: Date }>(
        `SELECT key, size, stored_at FROM ${s}.blobs`,
      );
      for (const row of rows) yield { key: row.key, size: Number(row.size), storedAt: row.stored_at };
    },
    async delete(key, lastPutBefore) {
      // One statement: a put renewing the row meanwhile is seen (the row is re-checked once unlocked).
      const { rows } = await pool.query<{ removed: string }>(
        `WITH gone AS (
           DELETE FROM ${s}.blobs WHERE key = $1 AND ($2::timestamptz IS NULL OR stored_at < $2) RETURNING upload_id
         ), chunks AS (
           DELETE FROM ${s}.blob_chunks WHERE upload_id IN (SELECT upload_id FROM gone)
         )
         SELECT count(*) AS removed FROM gone`,
        [key, lastPutBefore ?? null],
      );
      return Number(rows[0].removed) > 0;
    },
    // A put is one transaction: one cut short leaves nothing behind.
    removeIncomplete: () => Promise.resolve(0),
    async close() {
      if (ownsPool) await pool.end();
    },
  };
  return { ...contentAddressedBlobStore(backend), pool, schema };
}
