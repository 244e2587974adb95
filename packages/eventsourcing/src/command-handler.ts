import type { Either } from 'fp-ts/Either';
import { isLeft, left, right } from 'fp-ts/Either';
import type { CommandResult, HandleCommandOptions } from './command';
import type { Decider } from './decider';
import { ConcurrencyError, DeciderBugError } from './errors';
import type { DomainEvent, EventToAppend, MetadataToAppend, RecordedEvent } from './events';
import { commandEventId } from './name-based-uuid';
import { readStreamInPages } from './paged-read';
import type { EventStore } from './store';
import type { CachedStream, StreamStateCache } from './stream-state-cache';

const DEFAULT_MAX_RETRIES = 5;
const READ_BATCH = 500;

/**
 * Handles one command on one stream: read and fold the stream, decide, append with the version
 * read. A command id already present in the stream returns the earlier outcome and appends
 * nothing; a concurrency conflict re-reads and re-decides, `maxRetries` times at most, then
 * comes back as Left(ConcurrencyError). A decider that throws is a bug: `DeciderBugError` is thrown.
 */
export async function handleCommand<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  command: Command,
  options: HandleCommandOptions<State, Context>,
): Promise<Either<Err | ConcurrencyError, CommandResult<Event, State>>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadStream(store, decider, streamId, options.commandId, options.stateCache);
    if (loaded.ownEvents.length > 0) {
      return right({
        streamId,
        nextExpectedVersion: loaded.version,
        events: loaded.ownEvents,
        state: loaded.state,
        alreadyHandled: true,
      });
    }
    const context =
      options.context !== undefined || !options.resolveContext
        ? (options.context as Context)
        : await options.resolveContext(loaded.state);
    const decision = decide(decider, streamId, command, loaded.state, context);
    if (isLeft(decision)) {
      remember(options.stateCache, streamId, loaded);
      return decision;
    }
    const newEvents = decision.right;
    if (newEvents.length === 0) {
      remember(options.stateCache, streamId, loaded);
      return right({
        streamId,
        nextExpectedVersion: loaded.version,
        events: [],
        state: loaded.state,
        alreadyHandled: false,
      });
    }
    let appended: readonly RecordedEvent[] | undefined;
    try {
      const result = await store.appendToStream(streamId, toAppend(decider, streamId, newEvents, options), {
        expectedVersion: loaded.version === -1 ? 'no_stream' : loaded.version,
      });
      appended = result.events;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt >= maxRetries) return left(error);
      continue;
    }
    // A store that gives back what it recorded saves reading it again.
    const events =
      appended !== undefined && appended.length === newEvents.length
        ? (appended as readonly RecordedEvent<Event>[])
        : await readAppended<Event>(store, streamId, loaded.version, newEvents.length);
    const outcome = appendedOutcome(decider, streamId, loaded, events, newEvents.length);
    loaded.commandIds.add(options.commandId);
    remember(options.stateCache, streamId, {
      state: outcome.state,
      version: outcome.nextExpectedVersion,
      commandIds: loaded.commandIds,
    });
    return right(outcome);
  }
}

function remember<State>(
  cache: StreamStateCache<State> | undefined,
  streamId: string,
  { state, version, commandIds }: CachedStream<State>,
): void {
  cache?.set(streamId, { state, version, commandIds });
}

interface LoadedStream<Event extends DomainEvent, State> {
  readonly state: State;
  readonly version: number;
  readonly ownEvents: RecordedEvent<Event>[];
  /** The command ids of the events folded (a superset when it came from the cache). */
  readonly commandIds: Set<string>;
}

/**
 * Folds the stream page by page, collecting the events this command id already wrote. With a
 * cache, starts from the state cached for the stream and reads only the events after it, unless
 * the command id is among those the cached state folded (a retry): then the whole stream is read,
 * to give back the earlier outcome.
 */
async function loadStream<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  commandId: string,
  cache: StreamStateCache<State> | undefined,
): Promise<LoadedStream<Event, State>> {
  const cached = cache?.get(streamId);
  const start = cached !== undefined && !cached.commandIds.has(commandId) ? cached : undefined;
  let state = start ? start.state : decider.initialState();
  let version = start ? start.version : -1;
  // Ids are only added, so sharing the cached set with another command in flight is harmless.
  const commandIds = start ? start.commandIds : new Set<string>();
  const ownEvents: RecordedEvent<Event>[] = [];
  for await (const page of readStreamInPages(store, streamId, {
    fromVersion: version + 1,
    batchSize: READ_BATCH,
  })) {
    for (let i = 0; i < page.length; i++) {
      const event = page[i] as RecordedEvent<Event>;
      state = decider.evolve(state, event);
      version = event.version;
      const eventCommandId = event.metadata.commandId;
      if (eventCommandId !== null) {
        if (eventCommandId === commandId) ownEvents.push(event);
        if (cache) commandIds.add(eventCommandId);
      }
    }
  }
  return { state, version, ownEvents, commandIds };
}

function decide<Command, Event extends DomainEvent, State, Context, Err>(
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  command: Command,
  state: State,
  context: Context,
): Either<Err, readonly Event[]> {
  try {
    return decider.decide(command, state, context);
  } catch (error) {
    throw new DeciderBugError(streamId, command, error);
  }
}

function toAppend<Command, Event extends DomainEvent, State, Context, Err>(
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  events: readonly Event[],
  options: HandleCommandOptions<State, Context>,
): EventToAppend[] {
  const occurredAt = options.occurredAt ?? (options.clock ? options.clock() : new Date()).toISOString();
  // The events of one command share one metadata object (per schema version).
  let metadata: MetadataToAppend | undefined;
  const batch = new Array<EventToAppend>(events.length);
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const schemaVersion = decider.schemaVersion?.(event.type) ?? 1;
    if (metadata?.schemaVersion !== schemaVersion) {
      metadata = {
        actor: options.actor,
        commandId: options.commandId,
        correlationId: options.correlationId ?? options.commandId,
        causationId: options.causationId ?? options.commandId,
        schemaVersion,
        occurredAt,
      };
    }
    batch[index] = {
      type: event.type,
      data: event.data,
      eventId: commandEventId(streamId, options.commandId, index),
      metadata,
    } as EventToAppend;
  }
  return batch;
}

// Reads back what was appended (versions, positions, hashes are the store's), for a store
// whose append does not return the recorded events.
async function readAppended<Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  versionBefore: number,
  count: number,
): Promise<RecordedEvent<Event>[]> {
  const events: RecordedEvent<Event>[] = [];
  for await (const page of readStreamInPages(store, streamId, {
    fromVersion: versionBefore + 1,
    maxCount: count,
    batchSize: count,
  })) {
    for (const event of page) events.push(event as RecordedEvent<Event>);
  }
  return events;
}

// Folds the appended events onto the state the decision was made on.
function appendedOutcome<Command, Event extends DomainEvent, State, Context, Err>(
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  loaded: LoadedStream<Event, State>,
  events: readonly RecordedEvent<Event>[],
  count: number,
): CommandResult<Event, State> {
  let state = loaded.state;
  for (const event of events) state = decider.evolve(state, event);
  return {
    streamId,
    nextExpectedVersion: loaded.version + count,
    events,
    state,
    alreadyHandled: false,
  };
}

/** Defaults shared by every command a handler runs (everything but the command id). */
export type CommandHandlerDefaults<State, Context> = Partial<
  Omit<HandleCommandOptions<State, Context>, 'commandId'>
>;

/** A `handleCommand` bound to one store and one decider, with default options. */
export function createCommandHandler<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  defaults: CommandHandlerDefaults<State, Context> = {},
) {
  return (
    streamId: string,
    command: Command,
    options: Partial<HandleCommandOptions<State, Context>> & { readonly commandId: string },
  ): Promise<Either<Err | ConcurrencyError, CommandResult<Event, State>>> => {
    const merged = { ...defaults, ...options };
    if (!merged.actor)
      throw new Error('handleCommand: an actor is required (in the defaults or the options)');
    return handleCommand(store, decider, streamId, command, { ...merged, actor: merged.actor });
  };
}
