import { AssertionError, deepStrictEqual } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import type { Either } from 'fp-ts/Either';
import { isLeft } from 'fp-ts/Either';
import type { Decider } from '../decider';
import type { DomainEvent, EventMetadata, RecordedEvent } from '../events';
import { GENESIS_HASH } from '../events';
import { testActor } from './fixtures';

/** A past event for `given`: a domain event, optionally with some of its metadata. */
export type GivenEvent<Event extends DomainEvent> = Event & { readonly metadata?: Partial<EventMetadata> };

/**
 * The outcome checks of a given/when/then test. They throw node's `AssertionError` (with the
 * expected and actual values, which jest, vitest and `node:test` all show as a diff) and use no
 * test runner's globals, so a team on any runner can use them. No method is called `then`: an
 * object with one would be taken for a promise by `await`.
 */
export interface DeciderThen<Event extends DomainEvent, State, Err> {
  /** The command is accepted and produces exactly these events (in order). */
  thenEvents(expected: readonly Event[]): void;
  /** The command is accepted and produces no event. */
  thenNothing(): void;
  /**
   * The command is refused: the error has these fields with these values (others are not
   * looked at: `{ code, message }` is the usual check), or passes this check.
   */
  thenError(matcher: Partial<Err> | ((error: Err) => void)): void;
  /** The command is accepted; the state once its events are folded in equals this one, or passes this check. */
  thenState(expected: State | ((state: State) => void)): void;
  /** The events produced, for a test that goes on from them (throws when the command is refused). */
  events(): readonly Event[];
}

/** given(past events).when(command, context) for one decider. */
export interface DeciderGiven<Command, Event extends DomainEvent, State, Context, Err> {
  given(events: readonly GivenEvent<Event>[]): {
    when(command: Command, context: Context): DeciderThen<Event, State, Err>;
  };
}

const STREAM = 'given-when-then';

/** Options of `givenWhenThen`. */
export interface GivenWhenThenOptions<Event extends DomainEvent> {
  /**
   * How past events become recorded ones (default `recordedForTest`): a domain whose `evolve`
   * reads metadata (who acted, when) gives its own stream id, actor and dates.
   */
  readonly record?: (events: readonly GivenEvent<Event>[]) => RecordedEvent<Event>[];
}

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
  options: GivenWhenThenOptions<Event> = {},
): DeciderGiven<Command, Event, State, Context, Err> {
  const record = options.record ?? ((events: readonly GivenEvent<Event>[]) => recordedForTest(events));
  return {
    given(events) {
      const history = record(events);
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
              throw new AssertionError({
                message: `Expected the command to be accepted, it was refused: ${JSON.stringify(result.left)}`,
                actual: result.left,
                operator: 'accepted',
              });
            }
            return result.right;
          };
          return {
            thenEvents(expected) {
              deepStrictEqual(accepted(), expected, 'The command produced other events than expected');
            },
            thenNothing() {
              deepStrictEqual(accepted(), [], 'Expected the command to produce no event');
            },
            events: accepted,
            thenError(matcher) {
              const result = run();
              if (!isLeft(result)) {
                throw new AssertionError({
                  message: `Expected the command to be refused, it produced: ${JSON.stringify(result.right)}`,
                  actual: result.right,
                  operator: 'refused',
                });
              }
              if (typeof matcher === 'function') return matcher(result.left);
              assertHasFields(result.left, matcher as Partial<Err>);
            },
            thenState(expected) {
              const produced = record([
                ...events,
                ...(accepted() as GivenEvent<Event>[]),
              ] as GivenEvent<Event>[]).slice(events.length);
              const after = produced.reduce((current, event) => decider.evolve(current, event), state);
              if (typeof expected === 'function') (expected as (state: State) => void)(after);
              else
                deepStrictEqual(after, expected, 'The state after the command differs from the expected one');
            },
          };
        },
      };
    },
  };
}

// The error's fields named by the matcher, compared deeply; a field the matcher does not name
// is not looked at (errors carry details a test need not repeat).
function assertHasFields<Err>(error: Err, expected: Partial<Err>): void {
  const actual = error as Record<string, unknown>;
  const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
  if (!isDeepStrictEqual(picked, expected)) {
    throw new AssertionError({
      message: 'The command was refused with another error than expected',
      actual: picked,
      expected,
      operator: 'thenError',
    });
  }
}
