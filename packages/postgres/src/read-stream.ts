import type { ReadStreamOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import { isStorableText, MAX_TIMER_DELAY_MS } from '@cartes-badges/eventsourcing';
import type { Pool } from 'pg';
import type { EventRow } from './event-row';
import { EVENT_COLUMNS, toStoredEvent } from './event-row';
import { quoteIdent } from './schema-name';

/** Default number of events fetched per query. */
export const DEFAULT_BATCH_SIZE = 500;

/** `readStream` one event at a time, over `readStreamPages`. */
export async function* readStreamEvents(
  pool: Pool,
  schema: string,
  pipeline: ReadPipeline,
  streamId: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  for await (const page of readStreamPages(pool, schema, pipeline, streamId, options)) yield* page;
}

/**
 * Reads one stream page by page (keyset paging on the version). No snapshot guard is needed
 * here: writers of a stream hold its lock until they commit, so its committed versions are
 * always a prefix 0..n without holes.
 */
export async function* readStreamPages(
  pool: Pool,
  schema: string,
  pipeline: ReadPipeline,
  streamId: string,
  options: ReadStreamOptions,
): AsyncGenerator<readonly RecordedEvent[]> {
  // No stream is stored under such an id (appends refuse it), and PostgreSQL would throw on
  // NUL or read a lone surrogate as U+FFFD, another stream's id: a stream that does not exist.
  if (!isStorableText(streamId)) return;
  const backwards = options.direction === 'backwards';
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  let remaining = options.maxCount ?? Infinity;
  // Backwards without fromVersion starts at the last event: any version bound above it will do.
  let from = options.fromVersion ?? (backwards ? 2147483647 : 0);
  const sql = `SELECT ${EVENT_COLUMNS} FROM ${quoteIdent(schema)}.events e
    WHERE e.stream_id = $1 AND e.version ${backwards ? '<=' : '>='} $2
    ORDER BY e.version ${backwards ? 'DESC' : 'ASC'} LIMIT $3`;
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const { rows } = await pool.query<EventRow>(sql, [streamId, clampVersion(from), limit]);
    const events: RecordedEvent[] = [];
    for (const row of rows) events.push(pipeline.read(toStoredEvent(row)));
    remaining -= rows.length;
    if (events.length > 0) yield events;
    if (rows.length < limit) return;
    const last = rows[rows.length - 1].version;
    from = backwards ? last - 1 : last + 1;
    if (from < 0) return;
  }
}

// Versions are PostgreSQL integers: a bound outside their range reads as the nearest end.
function clampVersion(version: number): number {
  return Math.max(-1, Math.min(2147483647, Math.trunc(version)));
}

/**
 * A time between polls or waits, or its default: a positive integer of ms a timer keeps (Node
 * fires a longer one after 1 ms, which would poll the database with no pause).
 */
export function timerMs(value: number | undefined, fallback: number, name: string): number {
  const ms = positiveInteger(value, fallback, name);
  if (ms > MAX_TIMER_DELAY_MS)
    throw new Error(`${name} must be a positive integer of at most ${MAX_TIMER_DELAY_MS} (got ${ms})`);
  return ms;
}

/** A positive integer option, or its default; anything else is refused, naming the option. */
export function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer (got ${String(value)})`);
  }
  return value;
}
