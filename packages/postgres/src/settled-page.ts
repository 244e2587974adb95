import type { EventFilter, RecordedEvent } from '@cartes-badges/eventsourcing';
import { isStorableText } from '@cartes-badges/eventsourcing';
import { streamPrefixes } from '@cartes-badges/eventsourcing/adapter';
import type { Pool } from 'pg';
import type { EventRow } from './event-row';
import type { EventStatistics } from './event-statistics';
import { EVENT_COLUMNS, toStoredEvent } from './event-row';
import { quoteIdent } from './schema-name';

/** One page of the global order, cut where it stops being safe to deliver. */
export interface SettledPage {
  /** Stored events (before the read pipeline) that may be delivered, in global order. */
  readonly events: readonly RecordedEvent[];
  /**
   * True when the page stopped at a committed event that must still wait: an older transaction
   * is open, which may yet commit events placed before it.
   */
  readonly heldBack: boolean;
  /** True when nothing more is stored after the page (within the bound). */
  readonly exhausted: boolean;
  /**
   * With `withLastPosition`, and when the page read any row: the last global position stored,
   * seen by the same statement (so no row of the page lies beyond it).
   */
  readonly lastPosition?: bigint;
}

/** Where a page starts and what it may contain. */
export interface PageQuery {
  /** Exclusive lower bound. */
  readonly after: bigint;
  /** Inclusive upper bound, when the read is bounded. */
  readonly upTo?: bigint;
  readonly limit: number;
  /** Pushed into SQL; the read pipeline still checks each event. */
  readonly filter?: EventFilter;
  /** The store's: a filtered page first makes sure the planner has statistics. */
  readonly statistics?: EventStatistics;
  /** Also reads the last global position stored, in the same statement (saves a round trip). */
  readonly withLastPosition?: boolean;
}

/**
 * Reads the next page of the global order. A row is delivered only when its transaction id is
 * below the oldest transaction still running (`pg_snapshot_xmin`): every transaction that could
 * still commit a row has a larger id, and (because append_events takes the id and the positions
 * under one lock) larger positions too. So what is delivered is final, in order, with no hole
 * that a late commit could fill. The first row not yet settled ends the page.
 */
export async function readSettledPage(pool: Pool, schema: string, query: PageQuery): Promise<SettledPage> {
  const { upTo } = query;
  // Positions are unique integers: (after, upTo] holds at most upTo - after rows, so a bounded
  // read never fetches rows past its bound.
  const limit =
    upTo !== undefined && upTo - query.after < BigInt(query.limit)
      ? Math.max(0, Number(upTo - query.after))
      : query.limit;
  if (limit === 0) return { events: [], heldBack: false, exhausted: true };
  if (query.filter !== undefined) await query.statistics?.ensure();
  const values: unknown[] = [query.after.toString(), limit];
  // The upper bound is checked below, not in SQL: with both bounds (and no statistics yet, as
  // on a freshly filled table) the planner estimates a few rows, scans the whole rest of the
  // range and sorts it on every page; with one bound it walks the primary key and stops at LIMIT.
  const where = ['e.global_position > $1'];
  // A prefix or a type holding NUL or a lone surrogate names no stored event (appends refuse
  // them) and PostgreSQL would throw on NUL: left out, so that it matches nothing, as it should.
  const prefixes = streamPrefixes(query.filter)?.filter(isStorableText);
  if (prefixes) {
    const likes = prefixes.map((prefix) => {
      values.push(`${escapeLike(prefix)}%`);
      return `e.stream_id LIKE $${values.length}`;
    });
    where.push(likes.length > 0 ? `(${likes.join(' OR ')})` : 'false');
  }
  if (query.filter?.eventTypes) {
    values.push(query.filter.eventTypes.filter(isStorableText));
    where.push(`e.type = ANY($${values.length}::text[])`);
  }
  const lastPosition = query.withLastPosition
    ? `, (SELECT coalesce(max(global_position), 0) FROM ${quoteIdent(schema)}.events)::text AS last_position`
    : '';
  const { rows } = await pool.query<EventRow & { settled: boolean; last_position?: string }>(
    `SELECT ${EVENT_COLUMNS}, e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AS settled${lastPosition}
     FROM ${quoteIdent(schema)}.events e
     WHERE ${where.join(' AND ')}
     ORDER BY e.global_position
     LIMIT $2`,
    values,
  );
  const last = rows[0]?.last_position;
  const extra = last === undefined ? {} : { lastPosition: BigInt(last) };
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    const event = toStoredEvent(row);
    if (upTo !== undefined && event.globalPosition > upTo)
      return { events, heldBack: false, exhausted: true, ...extra };
    if (!row.settled) return { events, heldBack: true, exhausted: false, ...extra };
    events.push(event);
  }
  return { events, heldBack: false, exhausted: rows.length < limit, ...extra };
}

// LIKE treats % and _ as wildcards: a prefix must match them literally.
function escapeLike(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (character) => `\\${character}`);
}
