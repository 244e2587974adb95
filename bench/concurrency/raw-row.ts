import { randomUUID } from 'node:crypto';
import type { OneEvent } from './concurrent-target';

/**
 * A metadata object of the shape and size ours stores (actor, ids, schema version, time, the
 * previous and own hash as 64 hex digits), for the raw ceiling's rows: the same bytes go over
 * the wire and into the table, only nothing is computed or checked.
 */
function metadataLike(streamId: string, version: number): Record<string, unknown> {
  return {
    actor: { role: 'adherent', userId: 'u-bench' },
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    prevHash: '0'.repeat(64),
    hash: `${streamId}:${version}`.padEnd(64, '0').slice(0, 64),
  };
}

/**
 * The raw ceiling's rows, column by column (stream, version, event id, type, data, metadata),
 * the recorded time left to each engine. The hot stream's version is counted here: the ceiling
 * checks nothing.
 */
export function rawRows(): (streamId: string, event: OneEvent, eventsBefore: number | 'any') => unknown[] {
  const versions = new Map<string, number>();
  return (streamId, event, eventsBefore) => {
    const version = eventsBefore === 'any' ? (versions.get(streamId) ?? 0) : eventsBefore;
    versions.set(streamId, version + 1);
    return [
      streamId,
      version,
      randomUUID(),
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(metadataLike(streamId, version)),
    ];
  };
}
