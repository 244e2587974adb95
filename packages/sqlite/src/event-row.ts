import type { EventMetadata, JsonValue, RecordedEvent } from '@cartes-badges/eventsourcing';

/** One row of the events table as read with safe integers (every INTEGER comes back a bigint). */
export interface EventRow {
  readonly global_position: bigint;
  readonly stream_id: string;
  readonly version: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/** The columns every read selects, in the order of `EventRow`. */
export const EVENT_COLUMNS =
  'global_position, stream_id, version, event_id, type, data, metadata, recorded_at';

/** The event exactly as stored, before the read pipeline (upcast, decode) sees it. */
export function rowToStoredEvent(row: EventRow): RecordedEvent {
  return {
    type: row.type,
    data: JSON.parse(row.data) as JsonValue,
    streamId: row.stream_id,
    version: Number(row.version),
    globalPosition: row.global_position,
    eventId: row.event_id,
    recordedAt: row.recorded_at,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  } as RecordedEvent;
}
