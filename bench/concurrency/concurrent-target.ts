/** One append of one event, as every writer of the concurrency benchmark makes it. */
export interface OneEvent {
  readonly type: 'DossierFieldUpdated';
  readonly data: { readonly field: 'holderName'; readonly value: string };
}

/** A store opened with `connections` separate connections, shared by the concurrent writers. */
export interface ConcurrentWriters {
  /**
   * Appends one event. `eventsBefore` is the stream's event count as this writer knows it
   * (checked as the expected version), or 'any' for the hot stream, where the writers race and
   * the store decides the order (retrying itself, or telling the caller to retry).
   */
  append(streamId: string, event: OneEvent, eventsBefore: number | 'any'): Promise<void>;
  close(): Promise<void>;
}

/** A library (or the raw ceiling) under test. */
export interface ConcurrentTarget {
  readonly name: string;
  readonly backend: 'postgres' | 'sqlite';
  /** Opens on a scratch database (`url` for PostgreSQL, a file path for SQLite). */
  open(where: string, connections: number): Promise<ConcurrentWriters>;
}

/** What a writer may throw when the hot stream moved under it: the caller tries again. */
export class RetryAppend extends Error {}
