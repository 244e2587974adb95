import type { DomainEvent, EventToAppend, GlobalPosition, RecordedEvent } from './events';

/**
 * What the writer believes the stream's current version is.
 * - a number: the version of the stream's last event (0-based); the append fails unless it is so;
 * - 'no_stream': the stream must not exist yet;
 * - 'stream_exists': the stream must hold at least one event;
 * - 'any': no check.
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

/** Options of `appendToStream`. */
export interface AppendOptions {
  /** Defaults to 'any'. */
  readonly expectedVersion?: ExpectedVersion;
}

/** What a successful append returns. */
export interface AppendResult {
  /** Version of the last event appended: pass it as `expectedVersion` on the next append. */
  readonly nextExpectedVersion: number;
  /** Global position of the last event appended. */
  readonly globalPosition: GlobalPosition;
  /**
   * The events just recorded, as a read would give them (upcast and decoded), so that a caller
   * need not read them back. Optional: a store may leave it out (then read the stream).
   */
  readonly events?: readonly RecordedEvent[];
}

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /**
   * First version to read (inclusive). Defaults to 0 forwards and to the last event backwards.
   */
  readonly fromVersion?: number;
  /** Maximum number of events to yield in all. Defaults to no limit. */
  readonly maxCount?: number;
  /** Defaults to 'forwards'. */
  readonly direction?: 'forwards' | 'backwards';
  /** How many events a store fetches at a time (never the whole stream at once). */
  readonly batchSize?: number;
}

/** Which events a reader wants; an event must match every criterion given. */
export interface EventFilter {
  /** Stream ids starting with one of these prefixes (e.g. 'dossier-'). */
  readonly streamPrefix?: string | readonly string[];
  /** Event types among these. */
  readonly eventTypes?: readonly string[];
}

/** Options of `readAll`. */
export interface ReadAllOptions {
  /**
   * Exclusive lower bound: only events whose global position is strictly greater are read.
   * Pass the checkpoint of the last event you processed; omit it to read from the start.
   */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  /** Stop after this many events. */
  readonly maxCount?: number;
  /** How many events a store fetches at a time. */
  readonly batchSize?: number;
}

/** Options of `subscribe`: catch up from `after`, then follow live appends. */
export interface SubscribeOptions {
  /** Exclusive lower bound, as in `readAll`. */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  /** Called each time the subscription has delivered every event stored so far. */
  readonly onCaughtUp?: () => void;
}

/**
 * A live subscription: an async iterable of events in global order, with no gap and no
 * duplicate across the switch from catch-up to live. A failure of the store ends the
 * iteration by throwing it; `close()` ends it normally.
 */
export interface Subscription<E extends DomainEvent = DomainEvent> extends AsyncIterable<RecordedEvent<E>> {
  close(): Promise<void>;
}

/** The event store port: every store (memory, SQLite, PostgreSQL, EventStoreDB) implements it. */
export interface EventStore {
  /**
   * Appends events atomically: all are visible or none is. Fills versions, global positions,
   * event ids, recordedAt and the hash chain. Rejects with a `ConcurrencyError` when the
   * expected version does not hold, and with an `InvalidEventError` for malformed events.
   */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Reads one stream page by page; a stream that does not exist yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Reads every event of every stream in global order, page by page. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * Optional: `readStream` one page (of at most `batchSize` events) at a time, so that a fold
   * awaits once per page. Call it through `readStreamInPages`, which falls back to `readStream`.
   */
  readStreamPages?(streamId: string, options?: ReadStreamOptions): AsyncIterable<readonly RecordedEvent[]>;
  /** Optional: `readAll` one page at a time (through `readAllInPages`, which falls back to `readAll`). */
  readAllPages?(options?: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]>;
  /** Catch-up then live subscription to all events matching the filter. */
  subscribe(options?: SubscribeOptions): Subscription;
  /** Releases connections, timers and subscriptions. */
  close(): Promise<void>;
}
