import type { JsonObject, JsonValue } from './json';

/** A domain event: what happened, named in the past tense, with JSON data. */
export interface DomainEvent<Type extends string = string, Data extends JsonValue = JsonValue> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Who did it. The kernel only requires a role and a user id; a domain adds what it needs
 * (the SIREN/SIRET the user acts for, say) as further JSON fields.
 */
export interface Actor extends JsonObject {
  role: string;
  userId: string;
}

/** Global position of an event across all streams: a bigint, so it sorts and never loses precision. */
export type GlobalPosition = bigint;

/** The hash that stands before version 0 of every stream in the hash chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Metadata every recorded event carries, on every store. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  /** Version of the event's data schema, used by upcasters (1 for a first version). */
  readonly schemaVersion: number;
  /** ISO-8601 instant the business fact happened. */
  readonly occurredAt: string;
  /**
   * Format of the hash chain this event's hash is computed in (`CHAIN_VERSION`, 3, for events
   * written now); absent on events written in format 1, before the field existed.
   */
  readonly chainVersion?: number;
  /** Hash of the previous event of the stream (GENESIS_HASH for version 0). */
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of what this event's chain format covers (docs/audit.md). */
  readonly hash: string;
  /** The key that signs the append this event belongs to (chain format 3, covered by the hash). */
  readonly keyId?: string;
  /**
   * On the last event of a signed append: the signature (base64) of its hash by `keyId`, which
   * covers the whole batch through the chain. Outside what the hash covers (format 3).
   */
  readonly signature?: string;
}

/** What a store adds to a domain event when it records it. */
export interface RecordedEventFields {
  readonly streamId: string;
  /** 0-based position of the event within its stream, the same on every store (as in EventStoreDB). */
  readonly version: number;
  readonly globalPosition: GlobalPosition;
  /** UUID; a retried append with the same event ids is recognised by stores that dedupe on it. */
  readonly eventId: string;
  /** ISO-8601 instant the store recorded the event. */
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/**
 * An event as a store gives it back. Distributes over a union of event types, so that
 * `switch (event.type)` narrows `event.data` as it does on the domain events.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & RecordedEventFields
  : never;

/** Metadata a caller may give with an event to append; the store fills the rest. */
export interface MetadataToAppend {
  readonly actor?: Actor;
  readonly commandId?: string | null;
  readonly correlationId?: string | null;
  readonly causationId?: string | null;
  readonly schemaVersion?: number;
  readonly occurredAt?: string;
}

/** What a caller gives to `appendToStream`: the store fills versions, positions and the hash chain. */
export type EventToAppend<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & {
      /** Defaults to a fresh random UUID. Command handling derives it from the command id. */
      readonly eventId?: string;
      readonly metadata?: MetadataToAppend;
    }
  : never;
