import type { DomainEvent, RecordedEvent } from './events';
import { isNoChangeMarker } from './no-change-marker';
import { readStreamInPages } from './paged-read';
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
 * Reads page by page, so a long stream never sits in memory. The no-change markers of commands
 * that changed nothing are left out.
 */
export async function* replayStream<Event extends DomainEvent, State>(
  store: EventStore,
  evolve: (state: State, event: RecordedEvent<Event>) => State,
  initialState: State,
  streamId: string,
  options: TimeTravelOptions = {},
): AsyncGenerator<ReplayStep<Event, State>> {
  const stop = stopCondition(options);
  let state = initialState;
  for await (const page of readStreamInPages(store, streamId, { batchSize: options.batchSize })) {
    for (const read of page) {
      const event = read as RecordedEvent<Event>;
      if (stop(event)) return;
      // A command that changed nothing is no step of the history's states.
      if (isNoChangeMarker(event)) continue;
      state = evolve(state, event);
      yield { event, stateAfter: state };
    }
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
  const stop = stopCondition(options);
  let state = initialState;
  let version = -1;
  // Page by page in a plain loop: one await per page, not one per event.
  for await (const page of readStreamInPages(store, streamId, { batchSize: options.batchSize })) {
    for (let i = 0; i < page.length; i++) {
      const event = page[i] as RecordedEvent<Event>;
      if (stop(event)) return { state, version };
      if (!isNoChangeMarker(event)) state = evolve(state, event);
      version = event.version;
    }
  }
  return { state, version };
}

// True for the first event past `toVersion` or `asOf`; checks both options first.
function stopCondition(options: TimeTravelOptions): (event: RecordedEvent) => boolean {
  const asOf = options.asOf === undefined ? undefined : parseInstant(options.asOf, 'asOf');
  const toVersion = options.toVersion;
  if (toVersion !== undefined && !(Number.isInteger(toVersion) && toVersion >= -1)) {
    throw new RangeError(`toVersion must be an integer of at least -1, got ${String(toVersion)}`);
  }
  if (toVersion === undefined && asOf === undefined) return () => false;
  return (event) =>
    (toVersion !== undefined && event.version > toVersion) || (asOf !== undefined && instantOf(event) > asOf);
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
