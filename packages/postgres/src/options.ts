import type { EventStoreOptions } from '@cartes-badges/eventsourcing';
import type { Pool } from 'pg';

/** Connection pool settings, passed to `pg.Pool` when the store creates its own pool. */
export interface PostgresPoolSettings {
  /** Most connections the pool opens (default 10). */
  readonly max?: number;
  /** Idle connections are closed after this long (default 10,000 ms). */
  readonly idleTimeoutMillis?: number;
  /** Waiting for a connection fails after this long (default 10,000 ms; 0 waits forever). */
  readonly connectionTimeoutMillis?: number;
  /** Server-side limit for each statement, lock waits included (default: the server's). */
  readonly statement_timeout?: number;
  /** Shown in pg_stat_activity (default 'cartes-badges'). */
  readonly application_name?: string;
}

/** Options of `createPostgresEventStore`. */
export interface PostgresEventStoreOptions extends EventStoreOptions, PostgresPoolSettings {
  /** e.g. postgres://user@host:5432/db. Defaults to the DATABASE_URL environment variable. */
  readonly connectionString?: string;
  /**
   * A pool the caller owns: the store uses it and leaves it open on close (pool settings above
   * are then ignored). One of its connections is held for LISTEN while subscriptions run.
   */
  readonly pool?: Pool;
  /** Schema holding the store's tables (default 'cartes_badges'): one per tenant, or per test run. */
  readonly schema?: string;
  /** How often a waiting subscription polls when no notification arrives (default 500 ms). */
  readonly pollIntervalMs?: number;
  /**
   * Wake subscriptions with LISTEN/NOTIFY (default true). Turn off behind a pooler that cannot
   * LISTEN (PgBouncer in transaction mode): subscriptions then rely on polling alone.
   */
  readonly listen?: boolean;
  /**
   * When appends announce themselves on the channel (default 'after-commit'): 'after-commit'
   * sends one coalesced NOTIFY per store after its commits; 'in-transaction' sends it inside each
   * append transaction (delivered if and only if it commits, but notifying commits then take a
   * cluster-wide lock one at a time: about half the write throughput with 8 writers).
   */
  readonly notify?: 'after-commit' | 'in-transaction';
  /**
   * Send the append's statements as named prepared statements (default true): each connection
   * parses and plans them once (about a fifth of the server's CPU per single-event append).
   * Turn off behind a pooler that does not keep prepared statements per client (PgBouncer in
   * transaction mode before 1.21, or with `max_prepared_statements = 0`).
   */
  readonly preparedStatements?: boolean;
  /**
   * How long `readAll` waits for events held back behind an older, still open transaction before
   * failing with an error that says so (default 30,000 ms). Subscriptions wait without limit.
   */
  readonly heldBackTimeoutMs?: number;
  /** Run the schema migrations on creation (default true). */
  readonly migrate?: boolean;
}
