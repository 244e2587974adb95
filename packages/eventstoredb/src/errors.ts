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

/**
 * The stream was deleted for good (tombstoned, a hard delete): EventStoreDB refuses every write
 * to its name and every read of it, forever. Not retried.
 */
export class EventStoreStreamDeletedError extends Error {
  readonly code = 'EVENTSTORE_STREAM_DELETED';
  constructor(
    /** The stream's name in the database (namespace included). */
    readonly streamName: string,
    override readonly cause?: unknown,
  ) {
    super(
      `EventStoreDB stream ${streamName} was deleted for good (tombstoned): it can be neither written nor read`,
    );
    this.name = 'EventStoreStreamDeletedError';
  }
}

/**
 * The server refused the connection's user: reading `$all` (every `readAll` and subscription)
 * needs a user in `$admins` or `$ops` or an ACL granting `$all` reads; appends need write access
 * to the stream. Not retried: it will not pass by itself.
 */
export class EventStoreAccessDeniedError extends Error {
  readonly code = 'EVENTSTORE_ACCESS_DENIED';
  constructor(
    /** What was refused: `append to <stream>`, `read <stream>`, `read $all`, `subscribe to $all`. */
    readonly operation: string,
    override readonly cause?: unknown,
    /** False when the client did not say whether the rights or the credentials were refused. */
    readonly credentialsAccepted = true,
  ) {
    super(
      `EventStoreDB denied access (${operation}): ` +
        (credentialsAccepted
          ? ''
          : 'either the user name or password of the connection string was refused (the client does not tell which), or ') +
        "give the connection's user the right to it (reading $all needs $admins, $ops or an ACL on $all)",
    );
    this.name = 'EventStoreAccessDeniedError';
  }
}

/**
 * One append carried more than the server takes at once (its `MaxAppendSize`, 1 MiB by default):
 * nothing was written. Split the events over several commands, or raise the server's setting.
 */
export class EventStoreAppendTooLargeError extends Error {
  readonly code = 'EVENTSTORE_APPEND_TOO_LARGE';
  constructor(
    readonly streamName: string,
    /** The server's limit in bytes, when it said. */
    readonly maxAppendSize: number | undefined,
    override readonly cause?: unknown,
  ) {
    super(
      `EventStoreDB refused the append to ${streamName}: larger than the server's maximum append size` +
        (maxAppendSize === undefined ? '' : ` (${maxAppendSize} bytes)`) +
        '; nothing was written',
    );
    this.name = 'EventStoreAppendTooLargeError';
  }
}

/**
 * The server did not accept the connection's credentials (no user of that name, a wrong
 * password, or none given to a server that requires them). Not retried: fix the user name and
 * password of the connection string (`esdb://user:password@host:2113?tls=true`).
 */
export class EventStoreNotAuthenticatedError extends Error {
  readonly code = 'EVENTSTORE_NOT_AUTHENTICATED';
  constructor(
    /** What was refused: `append to <stream>`, `read <stream>`, `read $all`, `subscribe to $all`. */
    readonly operation: string,
    override readonly cause?: unknown,
  ) {
    super(
      `EventStoreDB did not accept the connection's credentials (${operation}): ` +
        'check the user name and password of the connection string',
    );
    this.name = 'EventStoreNotAuthenticatedError';
  }
}

/**
 * The installed `@eventstore/db-client` has no classic Append module where 6.2.1 keeps it, and
 * the adapter sends every 6.x append through that module (classic-append.ts). Thrown by the
 * first append; nothing was written. Install `@eventstore/db-client` 6.2.1, or move to
 * `@kurrent/kurrentdb-client` 1.x (`createKurrentDBStore`).
 */
export class EventStoreClientUnsupportedError extends Error {
  readonly code = 'EVENTSTORE_CLIENT_UNSUPPORTED';
  constructor(
    /** The installed client's version, when its package.json could be read. */
    readonly installedVersion: string | undefined,
    override readonly cause?: unknown,
  ) {
    super(
      `@eventstore/db-client ${installedVersion ?? '(version unknown)'} has no classic Append module at ` +
        `${CLASSIC_APPEND_MODULE}, where the adapter finds it in the supported range ^6.2.1 (6.2.1 is the ` +
        'last 6.x release); nothing was written. Install @eventstore/db-client@6.2.1, or use ' +
        '@kurrent/kurrentdb-client ^1.3.1 with createKurrentDBStore',
    );
    this.name = 'EventStoreClientUnsupportedError';
  }
}

/** Where `@eventstore/db-client` 6.2.1 keeps its classic Append (the adapter requires it directly). */
export const CLASSIC_APPEND_MODULE = '@eventstore/db-client/dist/streams/appendToStream/append';
