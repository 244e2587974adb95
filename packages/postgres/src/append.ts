import { ConcurrencyError, GENESIS_HASH } from '@cartes-badges/eventsourcing';
import {
  checkAppendOptions,
  expectedVersionHolds,
  prepareEventsForAppend,
  readAppended,
  withAppendedEvents,
  validateEventsToAppend,
} from '@cartes-badges/eventsourcing/adapter';
import type {
  AppendOptions,
  AppendResult,
  EventToAppend,
  EventMetadata,
  ExpectedVersion,
  JsonValue,
  RecordedEvent,
  Signer,
} from '@cartes-badges/eventsourcing';
import type { PreparedEvent, ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { ClientBase, Pool } from 'pg';
import { toStoredEvent } from './event-row';
import { inPoolTransaction } from './pool-transaction';
import type { StoreStatement } from './prepared-statements';
import { storeStatement } from './prepared-statements';
import { quoteIdent } from './schema-name';
import type { StreamHead, StreamHeadCache } from './stream-heads';

/** What an append needs from its store. */
export interface AppendContext {
  readonly pool: Pool;
  readonly schema: string;
  readonly clock: () => Date;
  /** Signs each append (EventStoreOptions.signer). */
  readonly signer?: Signer;
  readonly heads: StreamHeadCache;
  /** Send the NOTIFY inside the append transaction (else the store sends it after commit). */
  readonly notifyInTransaction: boolean;
  /** The store's read pipeline: the appended events are returned as a read gives them. */
  readonly pipeline: ReadPipeline;
  /** The append's two statements, made once per store (`appendStatements`). */
  readonly statements: AppendStatements;
}

/** The statements an append sends: the append itself and the head's read. */
export interface AppendStatements {
  readonly append: StoreStatement;
  readonly head: StoreStatement;
}

/** The append statements of a schema, named (prepared once per connection) when `prepared`. */
export function appendStatements(schema: string, prepared: boolean): AppendStatements {
  return {
    append: storeStatement(appendStatement(schema), prepared),
    head: storeStatement(
      `SELECT head_version, head_hash, head_position::text AS head_position
       FROM ${quoteIdent(schema)}.stream_head($1)`,
      prepared,
    ),
  };
}

/** A stream head as SQL returns it. */
export interface HeadColumns {
  readonly head_version: number | null;
  readonly head_hash: string | null;
  readonly head_position: string | null;
}

/**
 * Appends a batch: take the stream's head (from this store's cache when it agrees with the
 * expected version, else read it), check the expected version, chain the hashes with the
 * kernel's function, then one statement in one transaction (append_events) locks the stream,
 * confirms the head is the one the hashes were chained on, inserts the whole batch and
 * notifies. When the head was another, nothing is written and the function answers with the
 * actual head: a conflict when the expected version no longer holds, else (a stale cached head,
 * or 'any' and 'stream_exists' behind another writer) the append is made again under the
 * stream's lock, where the head it chains on cannot move: contention never fails it. For a
 * second after such a miss, this store's appends to that stream take the lock at once.
 */
export async function appendEvents(
  context: AppendContext,
  streamId: string,
  events: readonly EventToAppend[],
  options?: AppendOptions,
): Promise<AppendResult> {
  validateEventsToAppend(streamId, events);
  const expected = checkAppendOptions(options);
  // Copy now: the caller may change their objects while we wait for the database.
  const batch = structuredClone(events);
  if (batch.length > 0 && context.heads.isContended(streamId))
    return versionClashAsConflict(context, streamId, expected, () =>
      appendUnderStreamLock(context, streamId, batch, expected),
    );
  const cached = context.heads.get(streamId);
  // The cache may be stale: trust it only to try, never to refuse, nor to answer an empty batch.
  // A batch that expects no stream is tried on no head at all: a new stream (every first
  // append) then costs one statement, not two; an existing one is refused by append_events,
  // which answers its actual head, read under the stream's lock.
  const head =
    batch.length > 0 && cached && expectedVersionHolds(expected, cached.version)
      ? cached
      : batch.length > 0 && expected === 'no_stream'
        ? null
        : await readHead(context, context.pool, streamId);
  const outcome = await versionClashAsConflict(context, streamId, expected, () =>
    appendOnHead(context, context.pool, streamId, head, batch, expected),
  );
  if (outcome.written) return outcome.result;
  // The head was another: nothing was written. The answer is authoritative (read under lock).
  context.heads.set(streamId, outcome.head ?? undefined);
  const actual = outcome.head ? outcome.head.version : -1;
  if (!expectedVersionHolds(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
  context.heads.markContended(streamId);
  return versionClashAsConflict(context, streamId, expected, () =>
    appendUnderStreamLock(context, streamId, batch, expected),
  );
}

type AppendOutcome =
  | { readonly written: true; readonly result: AppendResult }
  | { readonly written: false; readonly head: StreamHead | null };

/** What runs SQL: the pool (a statement in its own transaction) or a connection in one. */
type Queryable = Pick<ClientBase, 'query'>;

/**
 * Checks the expected version against `head`, chains the batch onto it and writes it if the
 * stream's head is still that one. An empty batch writes nothing and answers the head.
 */
async function appendOnHead(
  context: AppendContext,
  db: Queryable,
  streamId: string,
  head: StreamHead | null,
  batch: readonly EventToAppend[],
  expected: ExpectedVersion,
): Promise<AppendOutcome> {
  const current = head ? head.version : -1;
  if (!expectedVersionHolds(expected, current)) throw new ConcurrencyError(streamId, expected, current);
  if (batch.length === 0)
    return {
      written: true,
      result: { nextExpectedVersion: current, globalPosition: head ? head.position : 0n },
    };
  const prepared = prepareEventsForAppend({
    streamId,
    firstVersion: current + 1,
    prevHash: head ? head.hash : GENESIS_HASH,
    events: batch,
    now: context.clock(),
    signer: context.signer,
  });
  const texts = storedTexts(prepared);
  const { rows } = await db.query<AppendRow>({
    ...context.statements.append,
    values: appendParameters(streamId, head, prepared, context.notifyInTransaction, texts),
  });
  const row = rows[0];
  const actual = row.head_version === null ? null : toHead(row);
  if (row.last_position === null || !actual) return { written: false, head: actual };
  context.heads.set(streamId, actual);
  const { version, position } = actual;
  return {
    written: true,
    result: withAppendedEvents({ nextExpectedVersion: version, globalPosition: position }, () =>
      readAppended(context.pipeline, appendedEvents(streamId, prepared, texts, position)),
    ),
  };
}

/**
 * The append after a miss: one transaction takes the stream's lock (the key append_events
 * takes, so that optimistic writers queue behind it too), reads the head in a statement after
 * the wait (READ COMMITTED: it sees the previous holder's commit), chains onto it and writes.
 * Writers of a hot stream then wait their turn in the lock's queue instead of losing round
 * after round to whoever reaches the lock first. The lock is held over one more round trip
 * (hashing and signing happen here, not in SQL): only contended appends pay it.
 */
async function appendUnderStreamLock(
  context: AppendContext,
  streamId: string,
  batch: readonly EventToAppend[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  const known = context.heads.get(streamId);
  return inPoolTransaction(
    context.pool,
    async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 0))`, [
        context.schema,
        streamId,
      ]);
      const head = await readHead(context, client, streamId);
      // Another writer moved the head since this store last saw it: the stream is still contended.
      if (head?.version !== known?.version) context.heads.markContended(streamId);
      context.heads.set(streamId, head ?? undefined);
      const outcome = await appendOnHead(context, client, streamId, head, batch, expected);
      // Only a writer that ignores the lock (a manual insert) can have moved the head.
      if (!outcome.written) throw new Error(`Stream ${streamId}: its head moved under the stream's lock`);
      return outcome.result;
    },
    { fenced: false },
  );
}

async function readHead(context: AppendContext, db: Queryable, streamId: string): Promise<StreamHead | null> {
  const { rows } = await db.query<HeadColumns>({ ...context.statements.head, values: [streamId] });
  return rows[0] ? toHead(rows[0]) : null;
}

/**
 * Runs an append, reporting a clash on the (stream, version) key as the conflict it is: another
 * writer got the version without taking the stream lock (a manual insert, an older release).
 * Called around a whole transaction, so that the version is read once the connection is free.
 */
async function versionClashAsConflict<T>(
  context: AppendContext,
  streamId: string,
  expected: ExpectedVersion,
  append: () => Promise<T>,
): Promise<T> {
  try {
    return await append();
  } catch (error) {
    if (!isStreamVersionConflict(error)) throw error;
    context.heads.set(streamId, undefined);
    throw new ConcurrencyError(streamId, expected, await currentVersion(context, streamId));
  }
}

/** What append_events answers (all null but head_* when nothing was written). */
export interface AppendRow extends HeadColumns {
  readonly last_position: string | null;
}

/** The one statement that writes events (exported so that tests write exactly as the store does). */
export function appendStatement(schema: string): string {
  return `SELECT head_version, head_hash, head_position::text AS head_position, last_position::text AS last_position
    FROM ${quoteIdent(schema)}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
}

/** The parameters of `appendStatement` for a batch chained onto `head` (null: a new stream). */
export function appendParameters(
  streamId: string,
  head: StreamHead | null,
  prepared: readonly PreparedEvent[],
  notifyInTransaction: boolean,
  texts: StoredTexts = storedTexts(prepared),
): unknown[] {
  return [
    streamId,
    head ? head.version : -1,
    head ? head.hash : null,
    prepared.map((event) => event.eventId),
    prepared.map((event) => event.type),
    texts.data,
    texts.metadata,
    prepared[0].recordedAt,
    notifyInTransaction,
  ];
}

/** The JSON text of each event's data and metadata, as the json columns keep it. */
export interface StoredTexts {
  readonly data: readonly string[];
  readonly metadata: readonly string[];
}

function storedTexts(prepared: readonly PreparedEvent[]): StoredTexts {
  return {
    data: prepared.map((event) => JSON.stringify(event.data)),
    metadata: prepared.map((event) => JSON.stringify(event.metadata)),
  };
}

/**
 * The events just written as a read of their rows gives them (before the read pipeline). Their
 * positions are the batch's last one and those right before it: append_events inserts a batch
 * under the schema's append-order lock, which every append takes, so no other insert takes a
 * position in between.
 */
function appendedEvents(
  streamId: string,
  prepared: readonly PreparedEvent[],
  texts: StoredTexts,
  lastPosition: bigint,
): RecordedEvent[] {
  const first = lastPosition - BigInt(prepared.length - 1);
  return prepared.map((event, i) =>
    toStoredEvent({
      global_position: String(first + BigInt(i)),
      stream_id: streamId,
      version: event.version,
      // The uuid column gives ids back in lower case.
      event_id: event.eventId.toLowerCase(),
      type: event.type,
      data: JSON.parse(texts.data[i]) as JsonValue,
      metadata: JSON.parse(texts.metadata[i]) as EventMetadata,
      recorded_at: event.recordedAt,
    }),
  );
}

function toHead(row: HeadColumns): StreamHead {
  return {
    version: row.head_version ?? -1,
    hash: row.head_hash ?? '',
    position: BigInt(row.head_position ?? 0),
  };
}

/** The version of a stream's last event, -1 when it has none. */
export async function currentVersion(context: AppendContext, streamId: string): Promise<number> {
  const { rows } = await context.pool.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${quoteIdent(context.schema)}.events WHERE stream_id = $1`,
    [streamId],
  );
  return rows[0].version ?? -1;
}

function isStreamVersionConflict(error: unknown): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError.code === '23505' && pgError.constraint === 'events_stream_version_key';
}
