import type { EventMetadata, JsonValue, RecordedEvent } from '@cartes-badges/eventsourcing';
import { UnreadableEventError } from '@cartes-badges/eventsourcing';

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
    data: parseColumn(row, 'data') as JsonValue,
    streamId: row.stream_id,
    version: Number(row.version),
    globalPosition: row.global_position,
    eventId: row.event_id,
    recordedAt: row.recorded_at,
    metadata: parseColumn(row, 'metadata') as EventMetadata,
  } as RecordedEvent;
}

// A row damaged or written by another program: a typed error naming the event, so that a
// verification reports it (stream, version) instead of "Unexpected end of JSON input".
function parseColumn(row: EventRow, column: 'data' | 'metadata'): unknown {
  try {
    return JSON.parse(row[column]);
  } catch (error) {
    throw new UnreadableEventError(
      row.stream_id,
      Number(row.version),
      row.global_position,
      `${column} is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
