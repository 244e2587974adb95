/// <reference types="jest" />
import type { Either } from 'fp-ts/Either';
import { isLeft } from 'fp-ts/Either';
import type { Decider } from '../decider';
import type { DomainEvent, EventMetadata, RecordedEvent } from '../events';
import { GENESIS_HASH } from '../events';
import { testActor } from './fixtures';

/** A past event for `given`: a domain event, optionally with some of its metadata. */
export type GivenEvent<Event extends DomainEvent> = Event & { readonly metadata?: Partial<EventMetadata> };

/** The outcome checks of a given/when/then test. */
export interface DeciderThen<Event extends DomainEvent, State, Err> {
  /** The command is accepted and produces exactly these events (in order). */
  then(expected: readonly Event[]): void;
  /** The command is accepted and produces no event. */
  thenNothing(): void;
  /** The command is refused: the error matches this object (partially), or passes this check. */
  thenError(matcher: Partial<Err> | ((error: Err) => void)): void;
  /** The state once the produced events are folded in passes this check. */
  thenState(check: (state: State) => void): void;
}

/** given(past events).when(command, context) for one decider. */
export interface DeciderGiven<Command, Event extends DomainEvent, State, Context, Err> {
  given(events: readonly GivenEvent<Event>[]): {
    when(command: Command, context: Context): DeciderThen<Event, State, Err>;
  };
}

const STREAM = 'given-when-then';

/** Turns past domain events into recorded events, as a store would hand them to `evolve`. */
export function recordedForTest<Event extends DomainEvent>(
  events: readonly GivenEvent<Event>[],
  streamId = STREAM,
): RecordedEvent<Event>[] {
  return events.map((event, version) => {
    const { metadata, ...domainEvent } = event;
    return {
      ...domainEvent,
      streamId,
      version,
      globalPosition: BigInt(version + 1),
      eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
      recordedAt: metadata?.occurredAt ?? '2024-01-01T00:00:00.000Z',
      metadata: {
        actor: testActor,
        commandId: null,
        correlationId: null,
        causationId: null,
        schemaVersion: 1,
        occurredAt: '2024-01-01T00:00:00.000Z',
        prevHash: GENESIS_HASH,
        hash: GENESIS_HASH,
        ...metadata,
      },
    } as unknown as RecordedEvent<Event>;
  });
}

/**
 * Given/when/then for a decider: given past events, when a command (with its context), then
 * the events produced or the error. `decide` runs for real; nothing touches a store.
 */
export function givenWhenThen<Command, Event extends DomainEvent, State, Context, Err>(
  decider: Decider<Command, Event, State, Context, Err>,
): DeciderGiven<Command, Event, State, Context, Err> {
  return {
    given(events) {
      const history = recordedForTest(events);
      const state = history.reduce(
        (current, event) => decider.evolve(current, event),
        decider.initialState(),
      );
      return {
        when(command, context) {
          const run = (): Either<Err, readonly Event[]> => decider.decide(command, state, context);
          const accepted = (): readonly Event[] => {
            const result = run();
            if (isLeft(result)) {
              throw new Error(
                `Expected the command to be accepted, it was refused: ${JSON.stringify(result.left)}`,
              );
            }
            return result.right;
          };
          return {
            then(expected) {
              expect(accepted()).toEqual(expected);
            },
            thenNothing() {
              expect(accepted()).toEqual([]);
            },
            thenError(matcher) {
              const result = run();
              if (!isLeft(result)) {
                throw new Error(
                  `Expected the command to be refused, it produced: ${JSON.stringify(result.right)}`,
                );
              }
              if (typeof matcher === 'function') matcher(result.left);
              else expect(result.left).toMatchObject(matcher as object);
            },
            thenState(check) {
              const produced = recordedForTest([
                ...events,
                ...(accepted() as GivenEvent<Event>[]),
              ] as GivenEvent<Event>[]).slice(events.length);
              check(produced.reduce((current, event) => decider.evolve(current, event), state));
            },
          };
        },
      };
    },
  };
}
