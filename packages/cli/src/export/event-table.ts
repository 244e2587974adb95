import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { TableColumn, TableRow } from './table-columns';

/** Every event as one row: one column per metadata field, the data as JSON. */
export const EVENT_COLUMNS: readonly TableColumn[] = [
  { name: 'global_position', type: 'bigint' },
  { name: 'stream_id', type: 'text' },
  { name: 'version', type: 'integer' },
  { name: 'type', type: 'text' },
  { name: 'occurred_at', type: 'timestamptz' },
  { name: 'recorded_at', type: 'timestamptz' },
  { name: 'actor_role', type: 'text' },
  { name: 'actor_user_id', type: 'text' },
  { name: 'actor_siren', type: 'text' },
  { name: 'actor_siret', type: 'text' },
  { name: 'command_id', type: 'text' },
  { name: 'correlation_id', type: 'text' },
  { name: 'causation_id', type: 'text' },
  { name: 'event_id', type: 'text' },
  { name: 'schema_version', type: 'integer' },
  { name: 'chain_version', type: 'integer' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
  { name: 'key_id', type: 'text' },
  { name: 'signature', type: 'text' },
  { name: 'data', type: 'json' },
];

// The kernel's actor is open (a domain adds fields): SIREN and SIRET are read only when they are strings.
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The row of one event, in the order of EVENT_COLUMNS. */
export function eventRow(event: RecordedEvent): TableRow {
  const { metadata } = event;
  return [
    event.globalPosition,
    event.streamId,
    event.version,
    event.type,
    metadata.occurredAt,
    event.recordedAt,
    metadata.actor.role,
    metadata.actor.userId,
    textOrNull(metadata.actor.siren),
    textOrNull(metadata.actor.siret),
    metadata.commandId,
    metadata.correlationId,
    metadata.causationId,
    event.eventId,
    metadata.schemaVersion,
    // Format 1 events store no chainVersion (docs/audit.md, chain formats).
    metadata.chainVersion ?? 1,
    metadata.prevHash,
    metadata.hash,
    // Signed history (chain format 3): the key on every event of a signed append, the signature
    // on its last one; null for unsigned events.
    textOrNull(metadata.keyId),
    textOrNull(metadata.signature),
    event.data,
  ];
}
