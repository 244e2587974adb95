import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { HeldLease, Logger, WorkerLeases } from '@cartes-badges/eventsourcing';
import {
  failureReporter,
  LeaseLostError,
  leaseTimings,
  localLeaseState,
  pollForLease,
} from '@cartes-badges/eventsourcing';
import type { Pool } from 'pg';
import type { PostgresEventStore } from '../postgres-store';
import { migrateComponent } from '../component-migrations';
import { checkSchemaName, DEFAULT_SCHEMA, quoteIdent as q } from '../schema-name';
import { WORKER_LEASES_TABLE, WORKER_MIGRATIONS, WORKERS_COMPONENT } from './lease-schema';

/** Options of `createPostgresLeases`. */
export interface PostgresLeasesOptions {
  /** Schema of the lease table (default: the store's schema, or 'cartes_badges' with a bare pool). */
  readonly schema?: string;
  /** How long a lease lasts without renewal (default 15 s): the longest a dead holder's work waits. */
  readonly ttlMs?: number;
  /** How often the holder renews (default a third of `ttlMs`). */
  readonly renewEveryMs?: number;
  /** How often a waiting instance tries to take a lease (default a third of `ttlMs`, at most 1 s). */
  readonly retryEveryMs?: number;
  /** This instance's name in the table (default host:pid:random), for operators. */
  readonly holder?: string;
  /** Told when a renewal fails (the lease is kept until its local expiry, then given up). */
  readonly onError?: (name: string, error: unknown) => void;
  /** Told a failed renewal as `logger.warn({ err, lease }, msg)` (pino's signature) when no `onError` is given; default stderr. */
  readonly logger?: Logger;
}

/** Leases in a PostgreSQL table, shared by every instance on the database. */
export interface PostgresLeases extends WorkerLeases {
  readonly holder: string;
  /** Releases every lease this instance holds (on shutdown: another instance takes over at once). */
  close(): Promise<void>;
}

function isStore(host: PostgresEventStore | Pool): host is PostgresEventStore {
  return typeof (host as PostgresEventStore | undefined)?.withTransaction === 'function';
}

interface Queryable {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

const isQueryable = (value: unknown): value is Queryable =>
  typeof (value as Queryable | undefined)?.query === 'function';

/**
 * Leases as rows (name, holder, token, expires_at) in the store's database. Taking a lease is
 * one statement that succeeds only when the row is missing or expired, and increments the
 * fencing token; the holder renews it every `renewEveryMs`. Fencing: each transaction of a
 * PostgreSQL read model or reactor ledger run under the lease reads the row `FOR SHARE` with
 * its token, so a takeover waits for it, and once taken over the old holder's writes fail.
 * A holder also stops by itself when its last successful renewal is older than `ttlMs` (a
 * paused process), by the local clock.
 */
export async function createPostgresLeases(
  host: PostgresEventStore | Pool,
  options: PostgresLeasesOptions = {},
): Promise<PostgresLeases> {
  const { ttlMs, renewEveryMs, retryEveryMs } = leaseTimings('createPostgresLeases', options);
  if (!isStore(host) && !isQueryable(host))
    throw new TypeError(
      `createPostgresLeases: expected a PostgreSQL event store or a pg Pool, got ${host === null ? 'null' : typeof host}`,
    );
  const pool = isStore(host) ? host.pool : host;
  const schema = checkSchemaName(options.schema ?? (isStore(host) ? host.schema : DEFAULT_SCHEMA));
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const reportRenewalFailure = failureReporter(options, 'lease', 'lease renewal failed');
  await migrateComponent(pool, schema, WORKERS_COMPONENT, WORKER_MIGRATIONS);
  const table = `${q(schema)}.${q(WORKER_LEASES_TABLE)}`;
  const held = new Set<HeldLease>();

  const tryTake = async (name: string): Promise<bigint | undefined> => {
    const { rows } = await pool.query<{ token: string }>(
      `INSERT INTO ${table} AS l (name, holder, token, expires_at)
       VALUES ($1, $2, 1, clock_timestamp() + $3::double precision * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE
         SET holder = EXCLUDED.holder, token = l.token + 1, expires_at = EXCLUDED.expires_at
         WHERE l.expires_at <= clock_timestamp()
       RETURNING token::text AS token`,
      [name, holder, ttlMs],
    );
    return rows[0] === undefined ? undefined : BigInt(rows[0].token);
  };

  const hold = (name: string, token: bigint, since: number): HeldLease => {
    const local = localLeaseState({
      heldUntil: since + ttlMs,
      now: Date.now,
      onGiveUp: () => {
        clearInterval(timer);
        held.delete(lease);
      },
    });
    const renew = async (): Promise<void> => {
      const started = Date.now();
      try {
        const { rowCount } = await pool.query(
          `UPDATE ${table} SET expires_at = clock_timestamp() + $3::double precision * interval '1 millisecond'
           WHERE name = $1 AND token = $2`,
          [name, token.toString(), ttlMs],
        );
        if (rowCount === 0) local.giveUp();
        else local.heldUntil(started + ttlMs);
      } catch (error) {
        reportRenewalFailure(name, error);
      }
      // Gives it up once its last renewal is older than ttlMs.
      local.isHeld();
    };
    const timer = setInterval(() => void renew(), renewEveryMs);
    timer.unref();
    const lease: HeldLease = {
      name,
      token,
      lost: local.lost,
      isHeld: () => local.isHeld(),
      async assertHeldIn(transaction) {
        if (!lease.isHeld()) throw new LeaseLostError(name, 'expired before renewal');
        if (!isQueryable(transaction))
          throw new TypeError('A PostgreSQL lease is checked on a PostgreSQL client');
        const { rows } = await transaction.query(
          `SELECT 1 FROM ${table} WHERE name = $1 AND token = $2 FOR SHARE`,
          [name, token.toString()],
        );
        if (rows.length === 0) {
          local.giveUp();
          throw new LeaseLostError(name, `token ${token} taken over by another instance`);
        }
      },
      async release() {
        if (!local.giveUp()) return;
        // Expired now: the next instance to try takes it without waiting for the TTL.
        await pool.query(
          `UPDATE ${table} SET expires_at = clock_timestamp() WHERE name = $1 AND token = $2`,
          [name, token.toString()],
        );
      },
    };
    held.add(lease);
    return lease;
  };

  return {
    holder,
    acquire: (name, signal) =>
      pollForLease(signal, retryEveryMs, async () => {
        const since = Date.now();
        const token = await tryTake(name);
        return token === undefined ? undefined : hold(name, token, since);
      }),
    async close() {
      await Promise.all([...held].map((lease) => lease.release().catch(() => undefined)));
    },
  };
}
