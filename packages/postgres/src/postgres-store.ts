import {
  checkReadAllOptions,
  checkReadStreamOptions,
  checkSubscribeOptions,
  createReadPipeline,
} from '@cartes-badges/eventsourcing/adapter';
import type {
  AppendOptions,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '@cartes-badges/eventsourcing';
import { Client, Pool } from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import { appendEvents, appendStatements } from './append';
import type { ListenerConnection } from './listener';
import { NotificationListener } from './listener';
import { migrate } from './migrate';
import { AfterCommitNotifier } from './notifier';
import type { PostgresEventStoreOptions } from './options';
import { EventStatistics } from './event-statistics';
import { inPoolTransaction } from './pool-transaction';
import { readAllEvents, readAllPages } from './read-all';
import { readStreamEvents, readStreamPages, timerMs } from './read-stream';
import { DEFAULT_SCHEMA, channelOf, checkSchemaName } from './schema-name';
import { StreamHeadCache } from './stream-heads';
import { createSubscription } from './subscription';

/** The PostgreSQL event store: the port, plus what sibling code needs to share its database. */
export interface PostgresEventStore extends EventStore {
  /** The pool the store reads and writes through (the caller's, or its own). */
  readonly pool: Pool;
  /** The schema holding its tables. */
  readonly schema: string;
  /** The LISTEN/NOTIFY channel on which appends are announced. */
  readonly channel: string;
  /**
   * Runs `fn` in one transaction on one connection (committed if it resolves, rolled back if it
   * throws): for a read model's rows and its checkpoint, written together. Not for appending.
   */
  withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T>;
}

/**
 * Opens the event store on PostgreSQL: connects (connectionString, DATABASE_URL or the caller's
 * pool), brings the schema up to date, and serves the kernel's `EventStore` port.
 */
export async function createPostgresEventStore(
  options: PostgresEventStoreOptions = {},
): Promise<PostgresEventStore> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const pollIntervalMs = timerMs(options.pollIntervalMs, 500, 'pollIntervalMs');
  const heldBackTimeoutMs = timerMs(options.heldBackTimeoutMs, 30_000, 'heldBackTimeoutMs');
  const ownsPool = options.pool === undefined;
  const clientConfig = ownsPool ? clientConfigOf(options) : undefined;
  const pool = options.pool ?? createPool(options, clientConfig);
  try {
    if (options.migrate !== false) await migrate(pool, schema);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }

  const channel = channelOf(schema);
  const clock = options.clock ?? (() => new Date());
  const pipeline = createReadPipeline(options);
  const heads = new StreamHeadCache();
  const statistics = new EventStatistics(pool, schema);
  const notifyInTransaction = options.notify === 'in-transaction';
  const statements = appendStatements(schema, options.preparedStatements !== false);
  const notifier = notifyInTransaction ? undefined : new AfterCommitNotifier(pool, channel);
  const wakers = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  const wakeAll = (): void => {
    for (const wake of [...wakers]) wake();
  };
  const listener =
    options.listen === false
      ? undefined
      : new NotificationListener(
          () => (clientConfig ? connectDedicated(clientConfig) : connectFromPool(pool)),
          channel,
          wakeAll,
        );
  let closed = false;
  let closing: Promise<void> | undefined;
  const assertOpen = (): void => {
    if (closed) throw new Error(`The PostgreSQL event store (schema ${schema}) is closed`);
  };

  return {
    pool,
    schema,
    channel,

    async appendToStream(streamId: string, events: readonly EventToAppend[], appendOptions?: AppendOptions) {
      assertOpen();
      const result = await appendEvents(
        { pool, schema, clock, heads, notifyInTransaction, pipeline, statements, signer: options.signer },
        streamId,
        events,
        appendOptions,
      );
      notifier?.notify();
      // Subscriptions of this process need not wait for the notification's round trip.
      wakeAll();
      return result;
    },

    readStream(streamId: string, readOptions?: ReadStreamOptions) {
      assertOpen();
      return readStreamEvents(pool, schema, pipeline, streamId, checkReadStreamOptions(readOptions));
    },

    readStreamPages(streamId: string, readOptions?: ReadStreamOptions) {
      assertOpen();
      return readStreamPages(pool, schema, pipeline, streamId, checkReadStreamOptions(readOptions));
    },

    readAll(readOptions?: ReadAllOptions) {
      assertOpen();
      const checked = checkReadAllOptions(readOptions);
      return readAllEvents({ pool, schema, pipeline, heldBackTimeoutMs, statistics }, checked);
    },

    readAllPages(readOptions?: ReadAllOptions) {
      assertOpen();
      const checked = checkReadAllOptions(readOptions);
      return readAllPages({ pool, schema, pipeline, heldBackTimeoutMs, statistics }, checked);
    },

    subscribe(options?: SubscribeOptions) {
      assertOpen();
      const subscribeOptions = checkSubscribeOptions(options);
      listener?.start();
      const subscription = createSubscription(
        {
          pool,
          schema,
          pipeline,
          pollIntervalMs,
          statistics,
          register(wake) {
            wakers.add(wake);
            return () => {
              wakers.delete(wake);
              subscriptions.delete(subscription);
            };
          },
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      return subscription;
    },

    async withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
      assertOpen();
      return inPoolTransaction(pool, fn);
    },

    close() {
      closing ??= (async () => {
        closed = true;
        await Promise.all([...subscriptions].map((subscription) => subscription.close()));
        await listener?.stop();
        await notifier?.flush();
        // The caller's pool stays open: they may use it for other things.
        if (ownsPool) await pool.end();
      })();
      return closing;
    },
  };
}

function clientConfigOf(options: PostgresEventStoreOptions): PoolConfig {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      'createPostgresEventStore: no database given: pass connectionString or pool, or set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
  }
  return {
    connectionString,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    application_name: options.application_name ?? 'cartes-badges',
    ...(options.statement_timeout !== undefined ? { statement_timeout: options.statement_timeout } : {}),
  };
}

function createPool(options: PostgresEventStoreOptions, clientConfig: PoolConfig | undefined): Pool {
  const pool = new Pool({
    ...clientConfig,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
  });
  // An idle connection that dies (server restart, terminated backend) is dropped by the pool;
  // without a listener its 'error' event would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

// The store's own listener connection sits outside its pool, so it never takes a writer's place.
async function connectDedicated(config: PoolConfig): Promise<ListenerConnection> {
  const client = new Client({
    ...config,
    application_name: `${config.application_name ?? 'cartes-badges'} listener`,
    statement_timeout: undefined,
  });
  client.on('error', () => undefined);
  let ended: Promise<void> | undefined;
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return { client, close: () => (ended ??= client.end().catch(() => undefined)) };
}

async function connectFromPool(pool: Pool): Promise<ListenerConnection> {
  const client = await pool.connect();
  let released = false;
  return {
    client,
    async close() {
      if (released) return;
      released = true;
      // Destroyed, not returned: a connection that LISTENed must not serve other queries.
      client.release(true);
    },
  };
}
