import type { Either } from 'fp-ts/Either';
import type { DomainEvent, RecordedEvent } from './events';

/**
 * An aggregate as a decider: pure and total functions, no clock, no uuid, no I/O inside.
 * What `decide` needs from outside (now, new ids, reference data) comes in `context`.
 */
export interface Decider<Command, Event extends DomainEvent, State, Context = void, Err = unknown> {
  readonly initialState: () => State;
  /** Folds one event into the state. Receives recorded events, so metadata is at hand when needed. */
  readonly evolve: (state: State, event: RecordedEvent<Event>) => State;
  /** Returns the events the command produces, or why it is refused. */
  readonly decide: (command: Command, state: State, context: Context) => Either<Err, readonly Event[]>;
  /** Schema version written in the metadata of each new event of this type (defaults to 1). */
  readonly schemaVersion?: (eventType: Event['type']) => number;
}
