import { v4 as uuidV4 } from 'uuid';
import { freezeParsed } from './freeze-parsed';
import type { Actor, EventMetadata, EventToAppend, MetadataToAppend, RecordedEvent } from './events';
import { CHAIN_VERSION, chainV2Text, metadataText } from './chain-format';
import { sha256Hex, signedMetadata, SYSTEM_ACTOR } from './hash-chain';
import type { Signer } from './signing';
import type { CheckedEvent } from './validate-events';

const NO_METADATA: MetadataToAppend = Object.freeze({});
const SYSTEM_ACTOR_TEXT = JSON.stringify({ role: SYSTEM_ACTOR.role, userId: SYSTEM_ACTOR.userId });

/**
 * What a store remembers from its last append so that the events it keeps share what is equal
 * instead of holding copies: the frozen actor (with its canonical text) and the last instant
 * written (consecutive appends within one millisecond share one recordedAt string, and an
 * occurredAt equal to it is kept as that same string).
 */
export interface RecordMemo {
  actor?: { readonly text: string; readonly actor: Actor };
  instant?: { readonly time: number; readonly text: string };
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
  /** Per store, updated here. */
  readonly memo: RecordMemo;
  /** Signs the batch through its last event, as `prepareEventsForAppend` does. */
  readonly signer?: Signer;
}

/**
 * Builds the frozen recorded events of a checked batch in one pass per event: the stored data is
 * `JSON.parse` of its canonical text (a deep copy nobody else holds), the hash is SHA-256 over
 * the same canonical text as `prepareEventsForAppend` (chain format `CHAIN_VERSION`), and each object is built
 * once, then frozen.
 */
export function recordEvents(input: RecordEventsInput): RecordedEvent[] {
  const { streamId, events, checked, memo } = input;
  const recordedAt = instantText(memo, input.now);
  const keyId = input.signer?.keyId;
  const last = events.length - 1;
  const recorded: RecordedEvent[] = new Array<RecordedEvent>(events.length);
  let prevHash = input.prevHash;
  let position = input.firstPosition;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const given = event.metadata ?? NO_METADATA;
    const version = input.firstVersion + i;
    const occurredAt =
      given.occurredAt === undefined || given.occurredAt === recordedAt ? recordedAt : given.occurredAt;
    const actorText = checked[i].actorText ?? SYSTEM_ACTOR_TEXT;
    const actor = sharedActor(memo, actorText);
    const dataText = checked[i].dataText;
    const eventId = event.eventId ?? uuidV4();
    const commandId = given.commandId ?? null;
    const correlationId = given.correlationId ?? null;
    const causationId = given.causationId ?? null;
    const schemaVersion = given.schemaVersion ?? 1;
    const chainedText = metadataText({
      actorText,
      keyId,
      commandId,
      correlationId,
      causationId,
      schemaVersion,
      occurredAt,
      prevHash,
    });
    const hash = sha256Hex(
      chainV2Text({
        streamId,
        version,
        eventId,
        type: event.type,
        dataText,
        recordedAt,
        metadataText: chainedText,
      }),
    );
    const unsigned: EventMetadata = {
      actor,
      commandId,
      correlationId,
      causationId,
      schemaVersion,
      occurredAt,
      chainVersion: CHAIN_VERSION,
      prevHash,
      ...(keyId === undefined ? {} : { keyId }),
      hash,
    };
    const metadata = Object.freeze(
      input.signer !== undefined && i === last ? signedMetadata(unsigned, input.signer) : unsigned,
    );
    recorded[i] = Object.freeze({
      eventId,
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

function sharedActor(memo: RecordMemo, text: string): Actor {
  if (memo.actor?.text === text) return memo.actor.actor;
  const actor = freezeParsed(JSON.parse(text) as Actor);
  memo.actor = { text, actor };
  return actor;
}

function instantText(memo: RecordMemo, now: Date): string {
  const time = now.getTime();
  if (memo.instant?.time === time) return memo.instant.text;
  const text = now.toISOString();
  memo.instant = { time, text };
  return text;
}
