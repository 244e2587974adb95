import type { JsonValue } from '@cartes-badges/eventsourcing';

/**
 * What the adapter needs from an EventStoreDB client, in the client's own terms but with none
 * of its types. `client-calls.ts` implements it on `@eventstore/db-client`; a file of the same
 * shape can implement it on `@kurrent/kurrentdb-client`.
 */
export interface ClientCalls {
  /** Appends with the server's expected-revision check; throws `WrongExpectedRevision` on a mismatch. */
  append(
    streamName: string,
    events: readonly WireEvent[],
    expected: WireExpectedRevision,
  ): Promise<WireAppendResult>;
  /** One page of a stream (at most `maxCount` events); empty when the stream does not exist. */
  readStream(streamName: string, options: WireStreamRead): Promise<WireRecord[]>;
  /** One page of `$all` (at most `maxCount` events) forwards from a position (inclusive) or from the start. */
  readAll(options: {
    readonly from: WirePosition | 'start';
    readonly maxCount: number;
  }): Promise<WireRecord[]>;
  /** A catch-up subscription to `$all`, strictly after `after` (or from the start). */
  subscribeToAll(options: { readonly after?: WirePosition; readonly filter: WireFilter }): WireSubscription;
  /** Sets a stream's `$maxCount` (older events become invisible to reads). */
  setMaxCount(streamName: string, maxCount: number): Promise<void>;
  /** True for failures worth another try: server unavailable, connection dropped, leader change. */
  isTransient(error: unknown): boolean;
}

/** A position in `$all`: EventStoreDB's commit/prepare pair. */
export interface WirePosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Expected revision as the server takes it. */
export type WireExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** An event to write as JSON, with its id (the server dedupes a retried write on it). */
export interface WireEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonValue;
  /**
   * The custom metadata as JSON text (of an object), sent as its UTF-8 bytes: the adapter has
   * the text at hand, and the clients would otherwise write an object's JSON as base64 text and
   * decode it again (see calls-on-client.ts).
   */
  readonly metadataJson: string;
}

/** What a successful append returns. */
export interface WireAppendResult {
  /** Revision of the stream's last event after the write. */
  readonly nextRevision: number;
  /** The write's position, when the server gives one. */
  readonly position?: WirePosition;
}

/** Options of one stream read. */
export interface WireStreamRead {
  readonly from: number | 'start' | 'end';
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount: number;
}

/** A stored event as the server gives it back. */
export interface WireRecord {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  /** Parsed JSON data, or undefined when the event is not JSON. */
  readonly data: unknown;
  readonly isJson: boolean;
  /** Parsed JSON metadata, or undefined. */
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: WirePosition;
}

/** A server-side filter of a subscription. */
export type WireFilter =
  | { readonly kind: 'stream-prefixes'; readonly prefixes: readonly string[] }
  | { readonly kind: 'event-type-regex'; readonly regex: string }
  | { readonly kind: 'exclude-system-events' };

/** What a subscription yields, in order: events, and the moment it has caught up. */
export type WireItem =
  | { readonly kind: 'event'; readonly record: WireRecord }
  | { readonly kind: 'caught-up' };

/** A live subscription on the wire; iteration throws the client's error when it drops. */
export interface WireSubscription extends AsyncIterable<WireItem> {
  close(): Promise<void>;
}

/** The server refused an append: the stream is not at the expected revision. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamName: string,
    /** The stream's actual revision, -1 when it does not exist. */
    readonly actualRevision: number,
  ) {
    super(`Stream ${streamName} is at revision ${actualRevision}`);
    this.name = 'WrongExpectedRevision';
  }
}
