import { v4 as uuidV4 } from 'uuid';
import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { CHAIN_VERSION, chainedTextOf, chainV1Text, chainV2Text, metadataText } from './chain-format';
import type { ChainedFields } from './chain-format';
import type { Actor, EventMetadata, EventToAppend, RecordedEvent } from './events';
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
  /** Signs the batch (its last event's hash, which covers the batch through the chain). */
  readonly signer?: Signer;
}

/**
 * Fills versions, event ids, metadata defaults and the hash chain (format `CHAIN_VERSION`) of a
 * batch, signed by `signer` when given. Every store calls it inside its append (after validating, once it knows the stream's
 * head), so that every store chains events identically and the same history verifies the same
 * everywhere.
 */
export function prepareEventsForAppend(input: PrepareAppendInput): PreparedEvent[] {
  const recordedAt = input.now.toISOString();
  const keyId = input.signer?.keyId;
  let prevHash = input.prevHash;
  const prepared = input.events.map((event, index): PreparedEvent => {
    const given = event.metadata ?? {};
    const version = input.firstVersion + index;
    const eventId = event.eventId ?? uuidV4();
    const chained = {
      actor: given.actor ?? SYSTEM_ACTOR,
      commandId: given.commandId ?? null,
      correlationId: given.correlationId ?? null,
      causationId: given.causationId ?? null,
      schemaVersion: given.schemaVersion ?? 1,
      occurredAt: given.occurredAt ?? recordedAt,
      chainVersion: CHAIN_VERSION,
      prevHash,
      ...(keyId === undefined ? {} : { keyId }),
    };
    const dataText = canonicalJson(event.data);
    const chainedText = metadataText({ ...chained, actorText: canonicalJson(chained.actor) });
    const hash = sha256Hex(
      chainV2Text({
        streamId: input.streamId,
        version,
        eventId,
        type: event.type,
        dataText,
        recordedAt,
        metadataText: chainedText,
      }),
    );
    const metadata: EventMetadata = { ...chained, hash };
    prevHash = hash;
    return { eventId, type: event.type, data: event.data, version, recordedAt, metadata };
  });
  if (input.signer === undefined || prepared.length === 0) return prepared;
  const last = prepared[prepared.length - 1];
  prepared[prepared.length - 1] = { ...last, metadata: signedMetadata(last.metadata, input.signer) };
  return prepared;
}

/** The metadata of a batch's last event with the signature of its hash (chain format 3). */
export function signedMetadata(metadata: EventMetadata, signer: Signer): EventMetadata {
  return { ...metadata, signature: signer.sign(eventSignatureMessage(metadata.hash)) };
}
