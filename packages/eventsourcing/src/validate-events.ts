import { validate as isUuid } from 'uuid';
import { canonicalJsonIfJson } from './canonical-json';
import { InvalidEventError } from './errors';
import { findNonJson, isPlainObject } from './json-check';
import { isIsoInstant } from './iso-instant';
import { unstorableReason } from './storable-text';

type JsonProblem = { path: string; reason: string } | undefined;

// Checks that a value is JSON; gets the path the value sits at, for the error.
interface JsonCheck {
  check(value: unknown, path: string): JsonProblem;
}

const PLAIN_CHECK: JsonCheck = { check: findNonJson };

// Checks the data and actor of one event after the other while writing their canonical JSON.
// The events of one command share one actor object: its text is written once.
class CanonicalCheck implements JsonCheck {
  dataText = '';
  actorText: string | undefined = undefined;
  private lastActor: unknown = undefined;
  private lastActorText: string | undefined = undefined;

  check(value: unknown, path: string): JsonProblem {
    const isData = path === 'data';
    if (!isData && value === this.lastActor && this.lastActorText !== undefined) {
      this.actorText = this.lastActorText;
      return undefined;
    }
    const text = canonicalJsonIfJson(value);
    if (text === undefined) return findNonJson(value, path) ?? { path, reason: 'is not JSON' };
    if (isData) {
      this.dataText = text;
    } else {
      this.actorText = text;
      this.lastActor = value;
      this.lastActorText = text;
    }
    return undefined;
  }

  /** The texts of the event just checked; resets for the next one. */
  take(): CheckedEvent {
    const checked: CheckedEvent = { dataText: this.dataText, actorText: this.actorText };
    this.dataText = '';
    this.actorText = undefined;
    return checked;
  }
}

/**
 * Checks a batch given to `appendToStream` before anything is written: each event must be
 * `{ type: non-empty string, data: JSON }` with well-formed optional eventId and metadata.
 * Throws an `InvalidEventError` naming the event's index and the offending field.
 */
export function validateEventsToAppend(streamId: string, events: unknown): void {
  checkBatch(streamId, events);
  const batch = events as unknown[];
  for (let index = 0; index < batch.length; index++) validateOne(streamId, batch[index], index, PLAIN_CHECK);
}

/** What `checkEventsToAppend` keeps of each event: the canonical JSON of its data and actor. */
export interface CheckedEvent {
  readonly dataText: string;
  /** Undefined when the event names no actor. */
  readonly actorText: string | undefined;
}

/**
 * The same checks as `validateEventsToAppend` (same errors, in the same order), made in the
 * same walk that writes the canonical JSON of each event's data and actor, so that a store
 * hashing and copying the batch need not walk the data again.
 */
export function checkEventsToAppend(streamId: string, events: unknown): CheckedEvent[] {
  checkBatch(streamId, events);
  const batch = events as unknown[];
  const checked = new Array<CheckedEvent>(batch.length);
  const json = new CanonicalCheck();
  for (let index = 0; index < batch.length; index++) {
    validateOne(streamId, batch[index], index, json);
    checked[index] = json.take();
  }
  return checked;
}

function checkBatch(streamId: string, events: unknown): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidEventError(String(streamId), -1, 'streamId', 'must be a non-empty string');
  }
  const unstorable = unstorableReason(streamId);
  if (unstorable !== undefined) throw new InvalidEventError(streamId, -1, 'streamId', unstorable);
  if (!Array.isArray(events)) {
    throw new InvalidEventError(streamId, -1, 'events', 'must be an array of events');
  }
}

// Who failed where: stream and index of the event being checked.
interface At {
  readonly streamId: string;
  readonly index: number;
}

function failAt(at: At, field: string, reason: string): never {
  throw new InvalidEventError(at.streamId, at.index, field, reason);
}

// Ids, types and metadata are columns or JSON that stores read (PostgreSQL refuses NUL there).
function checkStorable(at: At, field: string, value: unknown): void {
  if (typeof value !== 'string') return;
  const unstorable = unstorableReason(value);
  if (unstorable !== undefined) failAt(at, field, unstorable);
}

function validateOne(streamId: string, event: unknown, index: number, json: JsonCheck): void {
  const at: At = { streamId, index };
  if (!isPlainObject(event)) return failAt(at, 'event', 'must be an object { type, data }');
  if (typeof event.type !== 'string' || event.type.trim().length === 0) {
    failAt(at, 'type', 'must be a non-empty string');
  }
  checkStorable(at, 'type', event.type);
  if (!('data' in event)) failAt(at, 'data', 'is missing');
  const dataProblem = json.check(event.data, 'data');
  if (dataProblem) failAt(at, dataProblem.path, dataProblem.reason);
  if (event.eventId !== undefined && (typeof event.eventId !== 'string' || !isUuid(event.eventId))) {
    failAt(at, 'eventId', 'must be a UUID string');
  }
  if (event.metadata !== undefined) validateMetadata(event.metadata, at, json);
}

function validateMetadata(metadata: unknown, at: At, json: JsonCheck): void {
  if (!isPlainObject(metadata)) return failAt(at, 'metadata', 'must be an object');
  if (metadata.actor !== undefined) {
    const actor = metadata.actor;
    if (!isPlainObject(actor)) return failAt(at, 'metadata.actor', 'must be an object { role, userId }');
    for (const key of ['role', 'userId'] as const) {
      if (typeof actor[key] !== 'string' || actor[key].length === 0) {
        failAt(at, `metadata.actor.${key}`, 'must be a non-empty string');
      }
    }
    for (const [key, value] of Object.entries(actor)) checkStorable(at, `metadata.actor.${key}`, value);
    const problem = json.check(actor, 'metadata.actor');
    if (problem) failAt(at, problem.path, problem.reason);
  }
  for (const key of ['commandId', 'correlationId', 'causationId'] as const) {
    const value = metadata[key];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length === 0)) {
      failAt(at, `metadata.${key}`, 'must be a non-empty string or null');
    }
    checkStorable(at, `metadata.${key}`, value);
  }
  const schemaVersion = metadata.schemaVersion;
  if (schemaVersion !== undefined && (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1)) {
    failAt(at, 'metadata.schemaVersion', 'must be an integer of at least 1');
  }
  const occurredAt = metadata.occurredAt;
  if (occurredAt !== undefined && !isIsoInstant(occurredAt)) {
    failAt(at, 'metadata.occurredAt', 'must be an ISO-8601 instant such as 2024-05-01T08:30:00.000Z');
  }
}
