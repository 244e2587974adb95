import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import {
  ConcurrencyError,
  GENESIS_HASH,
  retryWithBackoff,
  StoreBusyError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreOptions,
  type EventToAppend,
  type ExpectedVersion,
  type Subscription,
} from '@cartes-badges/eventsourcing';
import {
  checkAppendOptions,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkSubscribeOptions,
  createReadPipeline,
  readAppended,
  withAppendedEvents,
  expectedVersionHolds,
  prepareEventsForAppend,
  validateEventsToAppend,
} from '@cartes-badges/eventsourcing/adapter';
import { ChangePoller } from './change-poller';
import { CommitSignal } from './commit-signal';
import { EventQueries } from './event-queries';
import { rowToStoredEvent, type EventRow } from './event-row';
import { positiveInteger, wholeMilliseconds, readAllPages, readStreamPages } from './event-reads';
import { parseSqliteLocation, type SqliteLocation } from './location';
import { openReadOnlyStoreDatabase } from './read-only';
import { migrate } from './migrations';
import { EVENTS_COMPONENT, EVENTS_MIGRATIONS } from './schema';
import { subscribeToStore } from './sqlite-subscription';

/** How to open a SQLite event store. */
export interface SqliteEventStoreOptions extends EventStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  readonly path?: string;
  /** Or a URL: 'sqlite:./data/events.db', 'sqlite:///var/lib/events.db', 'sqlite::memory:'. */
  readonly url?: string;
  /**
   * How long a writer waits for another process's write lock before failing with a
   * `StoreBusyError` (default 5000 ms). Appends wait without blocking the event loop: short
   * attempts spaced by timers.
   */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for commits made by other processes (default 100 ms). */
  readonly pollIntervalMs?: number;
  /** Rows fetched per query by readStream, readAll and subscriptions unless told (default 500). */
  readonly batchSize?: number;
  /**
   * 'full' (default): a commit survives a power cut. 'normal': faster, and still safe against
   * a crash of the process, but the last commits may be lost if the machine loses power.
   */
  readonly synchronous?: 'full' | 'normal';
  /**
   * Opens an existing store file without ever writing to it: a read-only connection, no
   * migration, appends refused. A file that is not a cartes-badges store (another
   * application's database) is refused with `NotAnEventStoreError`, and left as it was.
   */
  readonly readOnly?: boolean;
}

/** The SQLite event store: the kernel's port, plus what sibling code (read models) needs. */
export interface SqliteEventStore extends EventStore {
  /** Where the store lives. */
  readonly location: SqliteLocation;
  /**
   * The open connection, for tables that live next to the events (read models and their
   * checkpoints). Do not write to the events table through it.
   */
  readonly database: Database.Database;
  /**
   * Runs `fn` in one IMMEDIATE transaction on the store's connection: a read model's rows and
   * its checkpoint written together are committed together or not at all.
   */
  transaction<T>(fn: (db: Database.Database) => T): T;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** How long one write attempt may block the event loop waiting for another writer's lock. */
const ATTEMPT_BUSY_TIMEOUT_MS = 5;
const DEFAULT_POLL_INTERVAL_MS = 100;
const DEFAULT_BATCH_SIZE = 500;

/**
 * Opens (creating if needed) a SQLite event store: one file in WAL mode, its schema migrated to
 * the current version. Synchronous, because better-sqlite3 is: the store is ready on return.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const location = parseSqliteLocation(options);
  const batchSize = positiveInteger(options.batchSize ?? DEFAULT_BATCH_SIZE, 'batchSize');
  const busyTimeoutMs = wholeMilliseconds(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, 'busyTimeoutMs');
  // Polled by a timer, which fires a longer wait than 2^31 - 1 ms after 1 ms: positive, and at most that.
  const pollIntervalMs = wholeMilliseconds(
    positiveInteger(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, 'pollIntervalMs'),
    'pollIntervalMs',
  );
  const clock = options.clock ?? (() => new Date());

  const readOnly = options.readOnly === true;
  if (readOnly && location.kind !== 'file') {
    throw new TypeError('SQLite store: readOnly needs a database file, not :memory:');
  }
  const db =
    readOnly && location.kind === 'file'
      ? openReadOnlyStoreDatabase(location.file, busyTimeoutMs)
      : openDatabase(location, busyTimeoutMs, options.synchronous ?? 'full');
  try {
    if (!readOnly) migrate(db, EVENTS_COMPONENT, EVENTS_MIGRATIONS, clock);
  } catch (error) {
    db.close();
    throw error;
  }
  const queries = new EventQueries(db);
  const pipeline = createReadPipeline(options);
  const signal = new CommitSignal();
  const poller = new ChangePoller(
    db,
    pollIntervalMs,
    () => signal.notify(),
    (error) => signal.fail(error),
  );
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new Error(`The SQLite event store (${describe(location)}) is closed`);
  };

  // Returns the rows as written: the recorded events are built from them after the commit,
  // outside the write lock.
  const appendInTransaction = db.transaction(
    (
      streamId: string,
      events: readonly EventToAppend[],
      expected: ExpectedVersion,
    ): { result: AppendResult; rows: EventRow[] } => {
      const head = queries.streamHead(streamId);
      const current = head === undefined ? -1 : Number(head.version);
      if (!expectedVersionHolds(expected, current)) throw new ConcurrencyError(streamId, expected, current);
      if (events.length === 0) {
        return {
          result: { nextExpectedVersion: current, globalPosition: head?.global_position ?? 0n },
          rows: [],
        };
      }
      const prepared = prepareEventsForAppend({
        streamId,
        firstVersion: current + 1,
        prevHash: head?.hash ?? GENESIS_HASH,
        events,
        now: clock(),
        signer: options.signer,
      });
      const rows: EventRow[] = [];
      for (const event of prepared) {
        const data = JSON.stringify(event.data);
        const metadata = JSON.stringify(event.metadata);
        const position = queries.insert({
          streamId,
          version: event.version,
          eventId: event.eventId,
          type: event.type,
          data,
          metadata,
          recordedAt: event.recordedAt,
        });
        rows.push({
          global_position: position,
          stream_id: streamId,
          version: BigInt(event.version),
          event_id: event.eventId,
          type: event.type,
          data,
          metadata,
          recorded_at: event.recordedAt,
        });
      }
      const last = rows[rows.length - 1];
      return {
        result: { nextExpectedVersion: Number(last.version), globalPosition: last.global_position },
        rows,
      };
    },
  );

  // One attempt: SQLite's busy wait is shortened around it only, so that migrations and read
  // models on this connection keep waiting busyTimeoutMs for the lock, as they always did.
  function briefly<T>(write: () => T): T {
    db.pragma(`busy_timeout = ${Math.min(ATTEMPT_BUSY_TIMEOUT_MS, busyTimeoutMs)}`);
    try {
      return write();
    } finally {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
  }

  // Another connection holding the write lock (BEGIN IMMEDIATE in another process) makes SQLite
  // wait inside a synchronous call, the whole event loop with it. So each attempt waits a few
  // milliseconds at most, and the retries are spaced by timers, up to busyTimeoutMs in all.
  async function writeWhenFree<T>(streamId: string, write: () => T): Promise<T> {
    const started = Date.now();
    try {
      return await retryWithBackoff(async () => briefly(write), {
        maxAttempts: Number.POSITIVE_INFINITY,
        initialDelayMs: 2,
        maxDelayMs: 50,
        maxElapsedMs: busyTimeoutMs,
        retryIf: isSqliteBusy,
      });
    } catch (error) {
      throw isSqliteBusy(error)
        ? new StoreBusyError(`append to stream ${streamId}`, Date.now() - started, error)
        : error;
    }
  }

  const store: SqliteEventStore = {
    location,
    database: db,

    async appendToStream(streamId: string, events: readonly EventToAppend[], appendOptions?: AppendOptions) {
      validateEventsToAppend(streamId, events);
      const expected = checkAppendOptions(appendOptions);
      assertOpen();
      if (readOnly) throw new Error(`The SQLite event store (${describe(location)}) is open read-only`);
      // IMMEDIATE: take the write lock before reading the head, so the version checked is still
      // the version when the rows go in, even with other processes on the file. Holding the lock,
      // no other writer can reach the UNIQUE (stream_id, version) index first.
      const { result, rows } = await writeWhenFree(streamId, () =>
        appendInTransaction.immediate(streamId, events, expected),
      );
      if (events.length === 0) return result;
      signal.notify();
      // The events as a read of these rows would give them: the caller need not read them back.
      return withAppendedEvents(result, () => readAppended(pipeline, rows.map(rowToStoredEvent)));
    },

    readStream(streamId, readOptions) {
      assertOpen();
      return readStreamPages(queries, pipeline, streamId, checkReadStreamOptions(readOptions), batchSize);
    },

    readAll(readOptions) {
      assertOpen();
      return readAllPages(queries, pipeline, checkReadAllOptions(readOptions), batchSize);
    },

    subscribe(options) {
      assertOpen();
      const subscribeOptions = checkSubscribeOptions(options);
      return subscribeToStore(
        {
          queries,
          pipeline,
          signal,
          batchSize,
          onOpen: (subscription) => {
            subscriptions.add(subscription);
            poller.acquire();
          },
          onClose: (subscription) => {
            if (subscriptions.delete(subscription)) poller.release();
          },
        },
        subscribeOptions,
      );
    },

    transaction<T>(fn: (database: Database.Database) => T): T {
      assertOpen();
      // Synchronous for its callers (read models): it still waits for the lock the whole
      // busyTimeoutMs, blocking; a timeout is a StoreBusyError all the same.
      try {
        return db.transaction(() => fn(db)).immediate();
      } catch (error) {
        throw isSqliteBusy(error)
          ? new StoreBusyError('read model transaction', busyTimeoutMs, error)
          : error;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      poller.stop();
      db.close();
    },
  };
  return store;
}

function openDatabase(
  location: SqliteLocation,
  busyTimeoutMs: number,
  synchronous: 'full' | 'normal',
): Database.Database {
  if (location.kind === 'file') fs.mkdirSync(path.dirname(location.file), { recursive: true });
  const db = new Database(location.kind === 'memory' ? ':memory:' : location.file, {
    timeout: busyTimeoutMs,
  });
  try {
    // WAL: readers never block the writer nor the writer the readers, across processes too.
    if (location.kind === 'file') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, ...): another connection holds the lock. */
function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function describe(location: SqliteLocation): string {
  return location.kind === 'memory' ? ':memory:' : location.file;
}
