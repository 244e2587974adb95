import { v4 as uuidV4 } from 'uuid';
import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { CHAIN_VERSION, chainedTextOf, chainV1Text, chainV2Text, metadataText } from './chain-format';
import type { ChainedFields } from './chain-format';
import type { Actor, EventMetadata, EventToAppend, MetadataToAppend, RecordedEvent } from './events';
import { freezeParsed } from './freeze-parsed';
import type { CheckedEvent } from './validate-events';
import type { JsonValue } from './json';
import type { Signer } from './signing';
import { eventSignatureMessage } from './signing';

/** The actor recorded when a caller appends without saying who acted. */
export const SYSTEM_ACTOR: Actor = { role: 'system', userId: 'system' };

/** SHA-256 (hex) over the canonical JSON of the fields chain format 1 covers. */
export function computeEventHash(fields: ChainedFields): string {
  return sha256Hex(
    chainV1Text(
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

// Node's one-shot hash (20.12+) skips the Hash object; older versions go through createHash.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Recomputes the hash of a recorded event from what it stores, in the chain format its metadata
 * names; undefined when it names a format this code does not know (which verification reports).
 */
export function recomputeHash(event: RecordedEvent): string | undefined {
  const text = chainedTextOf(event);
  return text === undefined ? undefined : sha256Hex(text);
}

/** An event ready to be written: everything but the global position, which the store assigns. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  /** The canonical JSON of `data`, as hashed (a store may write it as is). */
  readonly dataText: string;
  readonly version: number;
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
  /**
   * The canonical JSON of `metadata` less its hash and signature, as hashed: a store may write it
   * with those two added instead of writing the metadata again.
   */
  readonly metadataText: string;
}

/**
 * What a store may keep from one append to the next so that the events it holds share what is
 * equal instead of holding copies: the frozen actor (with its canonical text) and the last
 * instant written (appends within one millisecond share one recordedAt string). The in-memory
 * store keeps one; a store that writes its events away has no use for it.
 */
export interface AppendMemo {
  actor?: { readonly text: string; readonly actor: Actor };
  instant?: { readonly time: number; readonly text: string };
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
  /**
   * What `checkEventsToAppend` made of `events` (same indexes): their canonical texts are used
   * as they are instead of being written again.
   */
  readonly checked?: readonly CheckedEvent[];
  /** The store's clock reading for this append: recordedAt, and occurredAt when not given. */
  readonly now: Date;
  /** Signs the batch (its last event's hash, which covers the batch through the chain). */
  readonly signer?: Signer;
  /** Kept by the store across appends (see `AppendMemo`); the actors are then frozen copies. */
  readonly memo?: AppendMemo;
}

const NO_METADATA: MetadataToAppend = Object.freeze({});
const SYSTEM_ACTOR_TEXT = canonicalJson(SYSTEM_ACTOR);

/**
 * Fills versions, event ids, metadata defaults and the hash chain (format `CHAIN_VERSION`) of a
 * batch, signed by `signer` when given. Every store calls it inside its append (after
 * validating, once it knows the stream's head), so that every store chains events identically
 * and the same history verifies the same everywhere: this is the only place an append is
 * prepared.
 */
export function prepareEventsForAppend(input: PrepareAppendInput): PreparedEvent[] {
  const { events, checked, memo } = input;
  const recordedAt = memo ? instantText(memo, input.now) : input.now.toISOString();
  const keyId = input.signer?.keyId;
  const last = events.length - 1;
  const prepared = new Array<PreparedEvent>(events.length);
  let prevHash = input.prevHash;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const given = event.metadata ?? NO_METADATA;
    const version = input.firstVersion + i;
    const eventId = event.eventId ?? uuidV4();
    const actorText = checked
      ? (checked[i].actorText ?? SYSTEM_ACTOR_TEXT)
      : given.actor === undefined
        ? SYSTEM_ACTOR_TEXT
        : canonicalJson(given.actor);
    const actor = memo ? sharedActor(memo, actorText) : (given.actor ?? SYSTEM_ACTOR);
    // An occurredAt equal to recordedAt is kept as that same string.
    const occurredAt =
      given.occurredAt === undefined || given.occurredAt === recordedAt ? recordedAt : given.occurredAt;
    const commandId = given.commandId ?? null;
    const correlationId = given.correlationId ?? null;
    const causationId = given.causationId ?? null;
    const schemaVersion = given.schemaVersion ?? 1;
    const dataText = checked ? checked[i].dataText : canonicalJson(event.data);
    const unhashedMetadataText = metadataText({
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
        streamId: input.streamId,
        version,
        eventId,
        type: event.type,
        dataText,
        recordedAt,
        metadataText: unhashedMetadataText,
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
    const metadata =
      input.signer !== undefined && i === last ? signedMetadata(unsigned, input.signer) : unsigned;
    prepared[i] = {
      eventId,
      type: event.type,
      data: event.data,
      dataText,
      version,
      recordedAt,
      metadata,
      metadataText: unhashedMetadataText,
    };
    prevHash = hash;
  }
  return prepared;
}

function sharedActor(memo: AppendMemo, text: string): Actor {
  if (memo.actor?.text === text) return memo.actor.actor;
  const actor = freezeParsed(JSON.parse(text) as Actor);
  memo.actor = { text, actor };
  return actor;
}

function instantText(memo: AppendMemo, now: Date): string {
  const time = now.getTime();
  if (memo.instant?.time === time) return memo.instant.text;
  const text = now.toISOString();
  memo.instant = { time, text };
  return text;
}

/** The metadata of a batch's last event with the signature of its hash (chain format 3). */
export function signedMetadata(metadata: EventMetadata, signer: Signer): EventMetadata {
  return { ...metadata, signature: signer.sign(eventSignatureMessage(metadata.hash)) };
}
