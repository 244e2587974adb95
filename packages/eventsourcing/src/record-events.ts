import { randomUUID } from 'node:crypto';
import { freezeParsed } from './canonical-data';
import type { Actor, EventMetadata, EventToAppend, MetadataToAppend, RecordedEvent } from './events';
import { chainedText, sha256Hex, SYSTEM_ACTOR } from './hash-chain';
import type { CheckedEvent } from './validate-events';

const NO_METADATA: MetadataToAppend = Object.freeze({});
const SYSTEM_ACTOR_TEXT = JSON.stringify({ role: SYSTEM_ACTOR.role, userId: SYSTEM_ACTOR.userId });

/**
 * The frozen copy of the last actor a store recorded, with its canonical text: consecutive
 * events by the same actor (every event of a command, the commands of one user) share one copy.
 */
export interface ActorMemo {
  text: string;
  actor: Actor;
}

/** Input of `recordEvents`. */
export interface RecordEventsInput {
  readonly streamId: string;
  readonly firstVersion: number;
  readonly prevHash: string;
  readonly firstPosition: bigint;
  /** The events as given, and what `checkEventsToAppend` made of them (same indexes). */
  readonly events: readonly EventToAppend[];
  readonly checked: readonly CheckedEvent[];
  readonly now: Date;
  /** Per store: the last actor recorded (updated here). */
  readonly actorMemo: { last?: ActorMemo };
}

/**
 * Builds the frozen recorded events of a checked batch in one pass per event: the stored data is
 * `JSON.parse` of its canonical text (a deep copy nobody else holds), the hash is SHA-256 over
 * the same canonical text as `computeEventHash`, and each object is built once, then frozen.
 */
export function recordEvents(input: RecordEventsInput): RecordedEvent[] {
  const { streamId, events, checked, actorMemo } = input;
  const recordedAt = input.now.toISOString();
  const recorded: RecordedEvent[] = new Array<RecordedEvent>(events.length);
  let prevHash = input.prevHash;
  let position = input.firstPosition;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const given = event.metadata ?? NO_METADATA;
    const version = input.firstVersion + i;
    const occurredAt = given.occurredAt ?? recordedAt;
    const actorText = checked[i].actorText ?? SYSTEM_ACTOR_TEXT;
    const actor = sharedActor(actorMemo, actorText);
    const dataText = checked[i].dataText;
    const hash = sha256Hex(
      chainedText(streamId, version, event.type, dataText, occurredAt, actorText, prevHash),
    );
    const metadata: EventMetadata = Object.freeze({
      actor,
      commandId: given.commandId ?? null,
      correlationId: given.correlationId ?? null,
      causationId: given.causationId ?? null,
      schemaVersion: given.schemaVersion ?? 1,
      occurredAt,
      prevHash,
      hash,
    });
    recorded[i] = Object.freeze({
      eventId: event.eventId ?? randomUUID(),
      type: event.type,
      data: freezeParsed(JSON.parse(dataText) as unknown),
      version,
      recordedAt,
      metadata,
      streamId,
      globalPosition: position,
    }) as RecordedEvent;
    prevHash = hash;
    position += 1n;
  }
  return recorded;
}

function sharedActor(memo: { last?: ActorMemo }, text: string): Actor {
  if (memo.last?.text === text) return memo.last.actor;
  const actor = freezeParsed(JSON.parse(text) as Actor);
  memo.last = { text, actor };
  return actor;
}
