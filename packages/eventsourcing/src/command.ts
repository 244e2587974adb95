import type { Either } from 'fp-ts/Either';
import type { Actor, DomainEvent, RecordedEvent } from './events';
import type { StreamStateCache } from './stream-state-cache';

/** Options of `handleCommand` (implemented in command-handler.ts). */
export interface HandleCommandOptions<State, Context, Err = never> {
  /**
   * Idempotency key, per stream: a command whose id the stream already holds (no-ops included)
   * returns its earlier outcome and appends nothing, after `authoriseRetry` and the
   * `fingerprint` check.
   */
  readonly commandId: string;
  /**
   * What makes the command the one it is (e.g. a SHA-256 of the canonical JSON of its type and
   * payload). It goes into the ids of the events the command writes, so that a command id the
   * stream holds under another fingerprint is refused with `CommandIdReusedError`, nothing
   * written. Without it a known command id is taken to be the same command.
   */
  readonly fingerprint?: string;
  /**
   * Asked before an earlier outcome is given back (the command id is already in the stream),
   * with the stream's current state: a refusal (Left value) is returned as is. Without it the
   * earlier outcome goes to any caller: give one whenever callers are not all trusted to read
   * every stream.
   */
  readonly authoriseRetry?: (state: State) => Promise<Err | undefined>;
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** ISO-8601 instant of the command; defaults to the handler's clock. */
  readonly occurredAt?: string;
  /** Fixed context given to `decide`. */
  readonly context?: Context;
  /**
   * Or a context computed from the current state, again on each retry; a refusal found while
   * gathering it (a Left value) is returned as is, nothing written, like one from `decide`.
   */
  readonly resolveContext?: (state: State) => Promise<Either<Err, Context>>;
  /** How many times to re-read and re-decide after a concurrency conflict (default 5). */
  readonly maxRetries?: number;
  /** Clock giving `occurredAt` when none is given (defaults to the system clock). */
  readonly clock?: () => Date;
  /**
   * Folded states of recently used streams (`createStreamStateCache`): the command then reads
   * only the events after the state cached for its stream. Share one per decider and store.
   */
  readonly stateCache?: StreamStateCache<State>;
}

/** What a handled command gives back. */
export interface CommandResult<Event extends DomainEvent, State> {
  readonly streamId: string;
  /** Version of the stream's last event after the command (-1 if the stream is still empty). */
  readonly nextExpectedVersion: number;
  /** The events the command appended (or had appended, when `alreadyHandled`). */
  readonly events: readonly RecordedEvent<Event>[];
  /** The state after the command. */
  readonly state: State;
  /** True when the command id was found in the stream: nothing was appended this time. */
  readonly alreadyHandled: boolean;
}
