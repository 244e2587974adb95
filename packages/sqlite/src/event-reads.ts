import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import { atMostSqlBigint, type ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { EventQueries } from './event-queries';
import { rowToStoredEvent } from './event-row';
import { filterToSql } from './filter-sql';
import { isStorableText, MAX_TIMER_DELAY_MS } from '@cartes-badges/eventsourcing';

/**
 * Reads one stream page by page (`batchSize` rows per query), so that a long stream never sits in
 * one array. The read is bounded by the stream's head when it starts, as a snapshot would be.
 */
export async function* readStreamPages(
  queries: EventQueries,
  pipeline: ReadPipeline,
  streamId: string,
  options: ReadStreamOptions,
  defaultBatchSize: number,
): AsyncGenerator<RecordedEvent> {
  // The options are checked by the store (checkReadStreamOptions) before this reads.
  const batchSize = options.batchSize ?? defaultBatchSize;
  let remaining = options.maxCount ?? Infinity;
  // No stream is stored under such an id (appends refuse it); the driver would read it as
  // another text (U+FFFD for a lone surrogate) and could find a stream that is not this one.
  if (!isStorableText(streamId)) return;
  const head = queries.streamHeadVersion(streamId);
  if (head === undefined || remaining === 0) return;
  const headVersion = Number(head);
  const backwards = options.direction === 'backwards';
  let next = options.fromVersion ?? (backwards ? headVersion : 0);
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const rows = backwards
      ? queries.streamBackwards(streamId, next, limit)
      : queries.streamForwards(streamId, next, headVersion, limit);
    for (const row of rows) {
      yield pipeline.read(rowToStoredEvent(row));
      remaining--;
    }
    if (rows.length < limit) return;
    const last = Number(rows[rows.length - 1].version);
    next = backwards ? last - 1 : last + 1;
    if (next < 0) return;
  }
}

/**
 * Reads every event after `options.after` in global order, page by page, with the filter pushed
 * into the query (stream prefixes, stored type names) and applied again after upcasting.
 * Bounded by the last position stored when it starts.
 */
export async function* readAllPages(
  queries: EventQueries,
  pipeline: ReadPipeline,
  options: ReadAllOptions,
  defaultBatchSize: number,
): AsyncGenerator<RecordedEvent> {
  // The options are checked by the store (checkReadAllOptions) before this reads.
  const batchSize = options.batchSize ?? defaultBatchSize;
  let remaining = options.maxCount ?? Infinity;
  const filterSql = filterToSql(pipeline.storageFilter(options.filter));
  if (filterSql === null || remaining === 0) return;
  const upTo = queries.lastPosition();
  let after = atMostSqlBigint(options.after ?? 0n);
  for (;;) {
    const rows = queries.allPage(after, upTo, filterSql, batchSize);
    for (const row of rows) {
      after = row.global_position;
      const event = pipeline.readMatching(rowToStoredEvent(row), options.filter);
      if (event === undefined) continue;
      yield event;
      if (--remaining === 0) return;
    }
    if (rows.length < batchSize) return;
  }
}

/** Checks a count option: an integer of at least 1. */
export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`SQLite store: ${name} must be an integer of at least 1, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks a time in ms: whole, from 0 to 2^31 - 1. What better-sqlite3 and its busy_timeout pragma
 * take for a lock wait (its own refusal did not name the option), and the longest wait a timer
 * keeps (a longer one fires after 1 ms).
 */
export function wholeMilliseconds(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_TIMER_DELAY_MS) {
    throw new RangeError(
      `SQLite store: ${name} must be a whole number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}, got ${String(value)}`,
    );
  }
  return value;
}
