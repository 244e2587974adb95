import { v4 as uuidV4 } from 'uuid';
import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { Actor, EventMetadata, EventToAppend, RecordedEvent } from './events';
import type { JsonValue } from './json';

/** The actor recorded when a caller appends without saying who acted. */
export const SYSTEM_ACTOR: Actor = { role: 'system', userId: 'system' };

/** The fields of an event that its hash covers. */
export interface ChainedFields {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonValue;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly prevHash: string;
}

/** SHA-256 (hex) over the canonical JSON of the chained fields. */
export function computeEventHash(fields: ChainedFields): string {
  return sha256Hex(
    chainedText(
      fields.streamId,
      fields.version,
      fields.type,
      canonicalJson(fields.data),
      fields.occurredAt,
      canonicalJson(fields.actor),
      fields.prevHash,
    ),
  );
}

/**
 * The text an event's hash covers: the canonical JSON of its chained fields, written directly
 * in sorted key order (actor, data, occurredAt, prevHash, streamId, type, version) around the
 * canonical texts of the data and the actor. The same text as `canonicalJson` of those fields.
 */
export function chainedText(
  streamId: string,
  version: number,
  type: string,
  dataText: string,
  occurredAt: string,
  actorText: string,
  prevHash: string,
): string {
  return (
    `{"actor":${actorText},"data":${dataText},"occurredAt":${JSON.stringify(occurredAt)}` +
    `,"prevHash":${JSON.stringify(prevHash)},"streamId":${JSON.stringify(streamId)}` +
    `,"type":${JSON.stringify(type)},"version":${JSON.stringify(version)}}`
  );
}

// Node's one-shot hash (20.12+) skips the Hash object; older versions go through createHash.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Recomputes the hash of a recorded event from its own fields (true when it still matches). */
export function recomputeHash(event: RecordedEvent): string {
  return computeEventHash({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    occurredAt: event.metadata.occurredAt,
    actor: event.metadata.actor,
    prevHash: event.metadata.prevHash,
  });
}

/** An event ready to be written: everything but the global position, which the store assigns. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly version: number;
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/** Input of `prepareEventsForAppend`. */
export interface PrepareAppendInput {
  readonly streamId: string;
  /** Version the first event of the batch gets: current stream version + 1 (0 for a new stream). */
  readonly firstVersion: number;
  /** Hash of the stream's last stored event, or GENESIS_HASH when the stream is new. */
  readonly prevHash: string;
  /** The (already validated) events to append. */
  readonly events: readonly EventToAppend[];
  /** The store's clock reading for this append: recordedAt, and occurredAt when not given. */
  readonly now: Date;
}

/**
 * Fills versions, event ids, metadata defaults and the hash chain of a batch. Every store calls
 * it inside its append (after validating, once it knows the stream's head), so that every store
 * chains events identically and the same history verifies the same everywhere.
 */
export function prepareEventsForAppend(input: PrepareAppendInput): PreparedEvent[] {
  const recordedAt = input.now.toISOString();
  let prevHash = input.prevHash;
  return input.events.map((event, index) => {
    const given = event.metadata ?? {};
    const version = input.firstVersion + index;
    const occurredAt = given.occurredAt ?? recordedAt;
    const actor = given.actor ?? SYSTEM_ACTOR;
    const hash = computeEventHash({
      streamId: input.streamId,
      version,
      type: event.type,
      data: event.data,
      occurredAt,
      actor,
      prevHash,
    });
    const metadata: EventMetadata = {
      actor,
      commandId: given.commandId ?? null,
      correlationId: given.correlationId ?? null,
      causationId: given.causationId ?? null,
      schemaVersion: given.schemaVersion ?? 1,
      occurredAt,
      prevHash,
      hash,
    };
    prevHash = hash;
    return {
      eventId: event.eventId ?? uuidV4(),
      type: event.type,
      data: event.data,
      version,
      recordedAt,
      metadata,
    };
  });
}
