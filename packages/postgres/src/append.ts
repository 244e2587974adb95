import {
  ConcurrencyError,
  GENESIS_HASH,
  expectedVersionHolds,
  prepareEventsForAppend,
  readAppended,
  withAppendedEvents,
  validateEventsToAppend,
} from '@cartes-badges/eventsourcing';
import type {
  AppendOptions,
  AppendResult,
  EventToAppend,
  EventMetadata,
  ExpectedVersion,
  JsonValue,
  PreparedEvent,
  ReadPipeline,
  RecordedEvent,
  Signer,
} from '@cartes-badges/eventsourcing';
import type { Pool } from 'pg';
import { toStoredEvent } from './event-row';
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
}

/** A stream head as SQL returns it. */
export interface HeadColumns {
  readonly head_version: number | null;
  readonly head_hash: string | null;
  readonly head_position: string | null;
}

// A writer with 'any' or 'stream_exists' retries when the head moves under it; each miss means
// another writer succeeded, so this bound is only reached under pathological contention.
const MAX_ATTEMPTS = 100;

/**
 * Appends a batch: take the stream's head (from this store's cache when it agrees with the
 * expected version, else read it), check the expected version, chain the hashes with the
 * kernel's function, then one statement in one transaction (append_events) locks the stream,
 * confirms the head is the one the hashes were chained on, inserts the whole batch and
 * notifies. When the head was another, nothing is written and the function answers with the
 * actual head, which decides: a conflict, or (for 'any' and 'stream_exists') another try.
 */
export async function appendEvents(
  context: AppendContext,
  streamId: string,
  events: readonly EventToAppend[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  validateEventsToAppend(streamId, events);
  const expected = options.expectedVersion ?? 'any';
  // Copy now: the caller may change their objects while we wait for the database.
  const batch = structuredClone(events);
  const cached = context.heads.get(streamId);
  // The cache may be stale: trust it only to try, never to refuse, nor to answer an empty batch.
  let head: StreamHead | null | undefined =
    cached && batch.length > 0 && expectedVersionHolds(expected, cached.version) ? cached : undefined;
  for (let attempt = 1; ; attempt++) {
    if (head === undefined) head = await readHead(context, streamId);
    const current = head ? head.version : -1;
    if (!expectedVersionHolds(expected, current)) throw new ConcurrencyError(streamId, expected, current);
    if (batch.length === 0)
      return { nextExpectedVersion: current, globalPosition: head ? head.position : 0n };
    const prepared = prepareEventsForAppend({
      streamId,
      firstVersion: current + 1,
      prevHash: head ? head.hash : GENESIS_HASH,
      events: batch,
      now: context.clock(),
      signer: context.signer,
    });
    const texts = storedTexts(prepared);
    const outcome = await insertPrepared(context, streamId, head, prepared, texts, expected);
    if (outcome.written) {
      context.heads.set(streamId, outcome.head);
      const { version, position } = outcome.head;
      return withAppendedEvents({ nextExpectedVersion: version, globalPosition: position }, () =>
        readAppended(context.pipeline, appendedEvents(streamId, prepared, texts, position)),
      );
    }
    // The head was another: nothing was written. The answer is authoritative (read under lock).
    head = outcome.head;
    context.heads.set(streamId, head ?? undefined);
    if (attempt >= MAX_ATTEMPTS) {
      throw new Error(
        `Stream ${streamId}: gave up appending after ${MAX_ATTEMPTS} attempts under contention`,
      );
    }
  }
}

async function readHead(context: AppendContext, streamId: string): Promise<StreamHead | null> {
  const { rows } = await context.pool.query<HeadColumns>(
    `SELECT head_version, head_hash, head_position::text AS head_position
     FROM ${quoteIdent(context.schema)}.stream_head($1)`,
    [streamId],
  );
  return rows[0] ? toHead(rows[0]) : null;
}

type InsertOutcome =
  | { readonly written: true; readonly head: StreamHead }
  | { readonly written: false; readonly head: StreamHead | null };

async function insertPrepared(
  context: AppendContext,
  streamId: string,
  head: StreamHead | null,
  prepared: readonly PreparedEvent[],
  texts: StoredTexts,
  expected: ExpectedVersion,
): Promise<InsertOutcome> {
  try {
    // pool.query closes the connection on any error, so nothing (not even a lock) outlives a failure.
    const { rows } = await context.pool.query<AppendRow>(
      appendStatement(context.schema),
      appendParameters(streamId, head, prepared, context.notifyInTransaction, texts),
    );
    const row = rows[0];
    const actual = row.head_version === null ? null : toHead(row);
    if (row.last_position !== null && actual) return { written: true, head: actual };
    return { written: false, head: actual };
  } catch (error) {
    if (isStreamVersionConflict(error)) {
      // Another writer got the version without taking the stream lock (a manual insert, an
      // older release): report it as the conflict it is.
      context.heads.set(streamId, undefined);
      throw new ConcurrencyError(streamId, expected, await currentVersion(context, streamId));
    }
    throw error;
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
