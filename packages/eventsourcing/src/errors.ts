import type { ExpectedVersion } from './store';

/**
 * The stream's version was not the one the writer expected. `actualVersion` is -1 when the
 * stream does not exist. Nothing of the failed append is visible.
 */
export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      `Stream ${streamId}: expected version ${String(expectedVersion)}, actual version ${actualVersion === -1 ? 'no stream' : actualVersion}`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** An event given to `appendToStream` is not `{ type: non-empty string, data: JSON }`. Nothing was written. */
export class InvalidEventError extends Error {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly streamId: string,
    /** Index of the offending event in the batch. */
    readonly eventIndex: number,
    /** Path of the offending field, e.g. `data.lines[2].amount`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Stream ${streamId}, event #${eventIndex}: ${field} ${reason}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * The store stayed locked by another writer (another process on the same SQLite file) for
 * longer than the store waits. Nothing was written: the same call may be retried later.
 */
export class StoreBusyError extends Error {
  readonly code = 'STORE_BUSY';
  /** Always true: the same call may succeed once the other writer is done. */
  readonly retryable = true;
  constructor(
    /** What could not be done, e.g. "append to stream dossier-…". */
    readonly operation: string,
    /** How long the store waited for the lock before giving up. */
    readonly waitedMs: number,
    override readonly cause?: unknown,
  ) {
    super(
      `${operation}: the store is locked by another writer (waited ${waitedMs} ms); nothing was written, retry later`,
    );
    this.name = 'StoreBusyError';
  }
}

/** A stored event does not decode (after upcasting). Names where it is and what was expected. */
export class EventDecodeError extends Error {
  readonly code = 'EVENT_DECODE_FAILED';
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly eventType: string,
    /** Each failing path with what was expected there. */
    readonly problems: readonly { readonly path: string; readonly expected: string }[],
    /** Where the event is in the global order, when the store said so. */
    readonly globalPosition?: bigint,
  ) {
    super(
      `Stream ${streamId}, version ${version} (${eventType}) does not decode: ` +
        problems.map((p) => `${p.path}: expected ${p.expected}`).join('; '),
    );
    this.name = 'EventDecodeError';
  }
}

/**
 * A stored event cannot be read at all: its data or metadata is not JSON (a row damaged or
 * written by something else). Names the stream, the version and the global position, so that
 * a verification can report it and a full scan can resume after it.
 */
export class UnreadableEventError extends Error {
  readonly code = 'EVENT_UNREADABLE';
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly globalPosition: bigint,
    /** What cannot be read, e.g. "data is not JSON (Unexpected end of JSON input)". */
    readonly reason: string,
  ) {
    super(
      `Stream ${streamId}, version ${version} (global position ${globalPosition}) cannot be read: ${reason}`,
    );
    this.name = 'UnreadableEventError';
  }
}

/** Where an event that cannot be read or decoded is, when `error` is one of those; else undefined. */
export function unreadableEventOf(
  error: unknown,
): { streamId: string; version: number; globalPosition?: bigint; reason: string } | undefined {
  if (error instanceof UnreadableEventError) return error;
  if (error instanceof EventDecodeError) {
    return {
      streamId: error.streamId,
      version: error.version,
      ...(error.globalPosition !== undefined ? { globalPosition: error.globalPosition } : {}),
      reason: `${error.eventType} does not decode: ${error.problems.map((p) => `${p.path}: expected ${p.expected}`).join('; ')}`,
    };
  }
  return undefined;
}

/** A decider threw instead of returning Left: a bug in the decider, reported with the command. */
export class DeciderBugError extends Error {
  readonly code = 'DECIDER_BUG';
  constructor(
    readonly streamId: string,
    readonly command: unknown,
    override readonly cause: unknown,
  ) {
    super(
      `Bug: the decider threw on stream ${streamId} for command ${safeJson(command)}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'DeciderBugError';
  }
}

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/**
 * A command id the stream already holds came back with another command (another type or
 * payload, as told by the command fingerprint): refused, nothing written. A retry must resend
 * the very same command; a new command needs a new id.
 */
export class CommandIdReusedError extends Error {
  readonly code = 'COMMAND_ID_REUSED';
  constructor(
    readonly streamId: string,
    readonly commandId: string,
  ) {
    super(
      `Stream ${streamId}: command id ${JSON.stringify(commandId.slice(0, 200))} was already used by another command`,
    );
    this.name = 'CommandIdReusedError';
  }
}
