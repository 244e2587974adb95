import { canonicalJson } from './canonical-json';
import type { Actor, EventMetadata, RecordedEvent } from './events';
import type { JsonObject, JsonValue } from './json';

/**
 * The hash chain format new events are written in (`metadata.chainVersion`). docs/audit.md lists
 * what each format covers:
 * - 1 (events without `chainVersion`, written before it existed): streamId, version, type,
 *   data, occurredAt, actor, prevHash;
 * - 2: everything an event stores but its global position and its own hash: streamId, version,
 *   eventId, type, data, recordedAt, and the whole metadata (actor, occurredAt, schemaVersion,
 *   commandId, correlationId, causationId, prevHash, chainVersion, and any key added later);
 * - 3: as format 2, less the metadata's `signature`, which signs the hash and so cannot be inside
 *   it (the `keyId` that names the signing key is covered).
 */
export const CHAIN_VERSION = 3;

/** The chain formats this code verifies. */
export type ChainFormat = 1 | 2 | 3;

/** The chain format an event was hashed in, or undefined when it names one this code does not know. */
export function chainFormatOf(metadata: EventMetadata): ChainFormat | undefined {
  const given = (metadata as { readonly chainVersion?: unknown }).chainVersion;
  if (given === undefined) return 1;
  return given === 2 || given === 3 ? given : undefined;
}

/** The fields format 1 covers. */
export interface ChainedFields {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonValue;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly prevHash: string;
}

/**
 * The text a format-1 hash covers: the canonical JSON of its seven fields, written directly in
 * sorted key order around the canonical texts of the data and the actor.
 */
export function chainV1Text(
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

/** What a format-2 (or 3) hash covers, with the data and the metadata (less its hash) already canonical. */
export interface ChainV2Texts {
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly dataText: string;
  readonly recordedAt: string;
  readonly metadataText: string;
}

/**
 * The text a format-2 (or 3) hash covers: the canonical JSON of
 * `{ data, eventId, metadata (without hash, and in format 3 without signature), recordedAt,
 * streamId, type, version }`. The event id
 * is a UUID, compared in lower case (PostgreSQL gives UUIDs back in lower case).
 */
export function chainV2Text(texts: ChainV2Texts): string {
  return (
    `{"data":${texts.dataText},"eventId":${JSON.stringify(String(texts.eventId).toLowerCase())}` +
    `,"metadata":${texts.metadataText},"recordedAt":${JSON.stringify(texts.recordedAt)}` +
    `,"streamId":${JSON.stringify(texts.streamId)},"type":${JSON.stringify(texts.type)}` +
    `,"version":${JSON.stringify(texts.version)}}`
  );
}

/** The metadata fields an append writes, before its hash. */
export interface MetadataFields {
  readonly actorText: string;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly prevHash: string;
  /** The id of the key that signs the append (absent when the store signs nothing). */
  readonly keyId?: string;
}

/**
 * The canonical JSON of the metadata an append writes, less its hash and signature, in format
 * `CHAIN_VERSION`: the same text as `canonicalJson` of that object (a test holds them equal),
 * written without walking it.
 */
export function metadataText(fields: MetadataFields): string {
  return (
    `{"actor":${fields.actorText},"causationId":${JSON.stringify(fields.causationId)}` +
    `,"chainVersion":${CHAIN_VERSION},"commandId":${JSON.stringify(fields.commandId)}` +
    `,"correlationId":${JSON.stringify(fields.correlationId)}` +
    (fields.keyId === undefined ? '' : `,"keyId":${JSON.stringify(fields.keyId)}`) +
    `,"occurredAt":${JSON.stringify(fields.occurredAt)},"prevHash":${JSON.stringify(fields.prevHash)}` +
    `,"schemaVersion":${JSON.stringify(fields.schemaVersion)}}`
  );
}

/**
 * The text an event's hash covers, in the format its metadata names (undefined for a format this
 * code does not know). Format 2 covers every metadata key but the hash, whatever keys there are;
 * format 3 every key but the hash and the signature.
 */
export function chainedTextOf(event: RecordedEvent): string | undefined {
  const metadata = event.metadata;
  switch (chainFormatOf(metadata)) {
    case 1:
      return chainV1Text(
        event.streamId,
        event.version,
        event.type,
        canonicalJson(event.data),
        metadata.occurredAt,
        canonicalJson(metadata.actor),
        metadata.prevHash,
      );
    case 2:
    case 3: {
      const { hash: _hash, ...withSignature } = metadata;
      const { signature: _signature, ...withoutSignature } = withSignature as { signature?: unknown };
      const chained = chainFormatOf(metadata) === 3 ? withoutSignature : withSignature;
      return chainV2Text({
        streamId: event.streamId,
        version: event.version,
        eventId: event.eventId,
        type: event.type,
        dataText: canonicalJson(event.data),
        recordedAt: event.recordedAt,
        metadataText: canonicalJson(chained as unknown as JsonObject),
      });
    }
    default:
      return undefined;
  }
}
