import type { DomainEvent, RecordedEvent } from './events';
import type { EventStore } from './store';

/** Where to stop folding a stream: at a version, as of an instant, or both (whichever comes first). */
export interface TimeTravelOptions {
  /** Last version to include. */
  readonly toVersion?: number;
  /**
   * ISO-8601 instant: events that occurred after it are left out (by metadata.occurredAt,
   * recordedAt when absent). The fold stops at the first such event, so that the state is
   * always that of a prefix of the stream, as `evolve` expects.
   */
  readonly asOf?: string;
  /** Events fetched per page. */
  readonly batchSize?: number;
}

/** One step of a replay: the event and the state right after it. */
export interface ReplayStep<Event extends DomainEvent, State> {
  readonly event: RecordedEvent<Event>;
  readonly stateAfter: State;
}

/**
 * Replays a stream event by event with the state after each one: the auditor's timeline.
 * Reads page by page, so a long stream never sits in memory.
 */
export async function* replayStream<Event extends DomainEvent, State>(
  store: EventStore,
  evolve: (state: State, event: RecordedEvent<Event>) => State,
  initialState: State,
  streamId: string,
  options: TimeTravelOptions = {},
): AsyncGenerator<ReplayStep<Event, State>> {
  const asOf = options.asOf === undefined ? undefined : parseInstant(options.asOf, 'asOf');
  if (options.toVersion !== undefined && !(Number.isInteger(options.toVersion) && options.toVersion >= -1)) {
    throw new RangeError(`toVersion must be an integer of at least -1, got ${String(options.toVersion)}`);
  }
  let state = initialState;
  for await (const read of store.readStream(streamId, { batchSize: options.batchSize })) {
    const event = read as RecordedEvent<Event>;
    if (options.toVersion !== undefined && event.version > options.toVersion) return;
    if (asOf !== undefined && instantOf(event) > asOf) return;
    state = evolve(state, event);
    yield { event, stateAfter: state };
  }
}

/** The state of a stream at a version or as of an instant (the whole stream by default), and its version. */
export async function aggregateStream<Event extends DomainEvent, State>(
  store: EventStore,
  evolve: (state: State, event: RecordedEvent<Event>) => State,
  initialState: State,
  streamId: string,
  options: TimeTravelOptions = {},
): Promise<{ readonly state: State; readonly version: number }> {
  let state = initialState;
  let version = -1;
  for await (const step of replayStream(store, evolve, initialState, streamId, options)) {
    state = step.stateAfter;
    version = step.event.version;
  }
  return { state, version };
}

function instantOf(event: RecordedEvent): number {
  return Date.parse(event.metadata.occurredAt || event.recordedAt);
}

function parseInstant(value: string, name: string): number {
  const instant = Date.parse(value);
  if (Number.isNaN(instant))
    throw new RangeError(`${name} must be an ISO-8601 instant, got ${JSON.stringify(value)}`);
  return instant;
}
