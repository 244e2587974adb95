import type { Database, Statement } from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow } from './event-row';
import type { FilterSql } from './filter-sql';

const MAX_CACHED_FILTERS = 64;

/** The stream's last event: its version, position and hash (to chain the next one on). */
export const STREAM_HEAD_SQL = `SELECT version, global_position, json_extract(metadata, '$.hash') AS hash
  FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1`;
/**
 * The version of the stream's last event, for reads: no JSON is parsed, so a row whose metadata
 * was damaged is still found (and then reported by its own read as unreadable).
 */
export const STREAM_HEAD_VERSION_SQL = `SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1`;
/** One page of a stream, forwards, bounded by the head seen when the read began. */
export const STREAM_FORWARDS_SQL = `SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = ? AND version >= ? AND version <= ? ORDER BY version ASC LIMIT ?`;
/** One page of a stream, backwards. */
export const STREAM_BACKWARDS_SQL = `SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = ? AND version <= ? ORDER BY version DESC LIMIT ?`;

/** The stream's last event: what an append needs to check the expected version and chain on. */
export interface StreamHead {
  readonly version: bigint;
  readonly global_position: bigint;
  readonly hash: string | null;
}

/** A row to insert, already versioned and hash-chained. */
export interface EventInsert {
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/**
 * The prepared statements of the store, compiled once. Every statement reads integers as
 * bigints, so global positions keep their precision whatever their size.
 */
export class EventQueries {
  private readonly head: Statement<[string], StreamHead>;
  private readonly headVersion: Statement<[string], bigint>;
  private readonly insertRow: Statement<[string, number, string, string, string, string, string]>;
  private readonly forwards: Statement<[string, number, number, number], EventRow>;
  private readonly backwards: Statement<[string, number, number], EventRow>;
  private readonly maxPosition: Statement<[], { p: bigint | null }>;
  private readonly allPages = new Map<string, Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database) {
    this.head = db.prepare<[string], StreamHead>(STREAM_HEAD_SQL).safeIntegers(true);
    this.headVersion = db.prepare<[string], bigint>(STREAM_HEAD_VERSION_SQL).pluck().safeIntegers(true);
    this.insertRow = db
      .prepare<[string, number, string, string, string, string, string]>(
        `INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true);
    this.forwards = db
      .prepare<[string, number, number, number], EventRow>(STREAM_FORWARDS_SQL)
      .safeIntegers(true);
    this.backwards = db.prepare<[string, number, number], EventRow>(STREAM_BACKWARDS_SQL).safeIntegers(true);
    this.maxPosition = db
      .prepare<[], { p: bigint | null }>('SELECT MAX(global_position) AS p FROM events')
      .safeIntegers(true);
  }

  /** The stream's last event, or undefined when the stream does not exist. */
  streamHead(streamId: string): StreamHead | undefined {
    return this.head.get(streamId);
  }

  /** The version of the stream's last event, or undefined when the stream does not exist. */
  streamHeadVersion(streamId: string): bigint | undefined {
    return this.headVersion.get(streamId);
  }

  /** Inserts one event and returns the global position SQLite gave it. */
  insert(row: EventInsert): bigint {
    const result = this.insertRow.run(
      row.streamId,
      row.version,
      row.eventId,
      row.type,
      row.data,
      row.metadata,
      row.recordedAt,
    );
    return BigInt(result.lastInsertRowid);
  }

  /** Up to `limit` events of a stream with `fromVersion <= version <= toVersion`, ascending. */
  streamForwards(streamId: string, fromVersion: number, toVersion: number, limit: number): EventRow[] {
    return this.forwards.all(streamId, fromVersion, toVersion, limit);
  }

  /** Up to `limit` events of a stream at or below `fromVersion`, descending. */
  streamBackwards(streamId: string, fromVersion: number, limit: number): EventRow[] {
    return this.backwards.all(streamId, fromVersion, limit);
  }

  /** The position of the last event stored, or 0 when there is none. */
  lastPosition(): bigint {
    return this.maxPosition.get()?.p ?? 0n;
  }

  /**
   * Up to `limit` events with `after < global_position <= upTo` matching the filter, in global
   * order. Statements are cached by filter shape (a handful in practice).
   */
  allPage(after: bigint, upTo: bigint, filter: FilterSql, limit: number): EventRow[] {
    let statement = this.allPages.get(filter.where);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[], EventRow>(allPageSql(filter)).safeIntegers(true);
      // Filter shapes are few in practice; the bound only guards against a caller generating many.
      if (this.allPages.size >= MAX_CACHED_FILTERS) this.allPages.clear();
      this.allPages.set(filter.where, statement);
    }
    return statement.all(after, upTo, ...filter.params, limit);
  }
}

/** The query of one page of `allPage`: rows after a position, up to another, in global order. */
export function allPageSql(filter: FilterSql): string {
  const clauses = ['global_position > ?', 'global_position <= ?'];
  if (filter.where !== '') clauses.push(filter.where);
  return `SELECT ${EVENT_COLUMNS} FROM events WHERE ${clauses.join(' AND ')} ORDER BY global_position ASC LIMIT ?`;
}
