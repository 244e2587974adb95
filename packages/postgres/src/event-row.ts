import type { EventMetadata, JsonValue, RecordedEvent } from '@cartes-badges/eventsourcing';

/**
 * The columns every read selects, in the shape `toStoredEvent` expects. The time comes as the
 * ISO text `Date#toISOString` gives (milliseconds, UTC): cheaper than a Date parsed then printed.
 */
export const EVENT_COLUMNS = `e.global_position::text AS global_position, e.stream_id, e.version,
  e.event_id::text AS event_id, e.type, e.data, e.metadata,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`;

/** One row of the events table as `pg` returns it (json columns already parsed). */
export interface EventRow {
  readonly global_position: string;
  readonly stream_id: string;
  readonly version: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  readonly recorded_at: string;
}

/** The event exactly as stored, before the read pipeline (upcast, decode) applies. */
export function toStoredEvent(row: EventRow): RecordedEvent {
  return {
    type: row.type,
    data: row.data,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: BigInt(row.global_position),
    eventId: row.event_id,
    recordedAt: row.recorded_at,
    metadata: row.metadata,
  };
}
