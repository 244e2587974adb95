/**
 * EventStoreDB could not be reached (or the connection dropped) while appending, even after the
 * adapter's own retries. The append may or may not have been written: append the same events
 * again (same event ids) and the server recognises a write it already has.
 */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENTSTORE_UNAVAILABLE';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(
      `EventStoreDB unavailable while appending to stream ${streamId} (${attempts} attempt${attempts > 1 ? 's' : ''}): ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        'The append is all or nothing; retrying it with the same event ids cannot write it twice.',
    );
    this.name = 'EventStoreUnavailableError';
  }
}

/** A subscription lost its connection and could not get it back within its resubscribe attempts. */
export class SubscriptionDroppedError extends Error {
  readonly code = 'SUBSCRIPTION_DROPPED';
  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(
      `EventStoreDB subscription dropped and ${attempts} resubscribe attempts failed: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'SubscriptionDroppedError';
  }
}
