import type { Either } from 'fp-ts/Either';
import type { RecordedEvent } from './events';
import type { Signer } from './signing';
import type { UpcasterRegistry } from './upcasting';

/** One place where a stored event does not match what the reader expects. */
export interface DecodeProblem {
  readonly path: string;
  readonly expected: string;
}

/**
 * Checks (and may refine) an event once upcast, e.g. with the domain's io-ts codecs.
 * Left lists each failing path; the store then throws an `EventDecodeError`.
 */
export type EventDecoder = (event: RecordedEvent) => Either<readonly DecodeProblem[], RecordedEvent>;

/** Options every store factory accepts. */
export interface EventStoreOptions {
  /** Applied to every event read, on every read path; stored events are never rewritten. */
  readonly upcasters?: UpcasterRegistry;
  /** Applied after upcasting, on every read path. */
  readonly decoder?: EventDecoder;
  /** The store's clock (recordedAt, and occurredAt when the caller gives none). */
  readonly clock?: () => Date;
  /**
   * Signs each append (chain format 3): the service holds the key, the database does not.
   * Without it the store writes unsigned events, which `verify` reports as such.
   */
  readonly signer?: Signer;
}
