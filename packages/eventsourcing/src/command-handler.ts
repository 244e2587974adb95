import type { Either } from 'fp-ts/Either';
import { isLeft, left, right } from 'fp-ts/Either';
import type { CommandResult, HandleCommandOptions } from './command';
import type { Decider } from './decider';
import { CommandIdReusedError, ConcurrencyError, DeciderBugError } from './errors';
import type { DomainEvent, EventToAppend, MetadataToAppend, RecordedEvent } from './events';
import { commandEventId } from './name-based-uuid';
import { isNoChangeMarker, NO_CHANGE_EVENT } from './no-change-marker';
import { readStreamInPages } from './paged-read';
import type { AppendResult, EventStore } from './store';
import type { CachedStream, StreamStateCache } from './stream-state-cache';
import { commandOutcome, commandTypeOf } from './telemetry/command-outcome';
import { countCommandRetry } from './telemetry/metrics';
import { TELEMETRY } from './telemetry/names';
import { inSpan, type SpanScope, type SpanStart } from './telemetry/spans';

const DEFAULT_MAX_RETRIES = 5;
const READ_BATCH = 500;

/**
 * Handles one command on one stream: read and fold the stream, decide, append with the version
 * read. A command that decides no event appends the kernel's no-change marker (on an existing
 * stream), so that its id is remembered too. A command id already present in the stream
 * returns the earlier outcome and appends nothing, once `authoriseRetry` accepts the caller and
 * only if the command has the same fingerprint (else Left(CommandIdReusedError)). A
 * concurrency conflict re-reads and re-decides, `maxRetries` times at most, then comes back as
 * Left(ConcurrencyError). A decider that throws is a bug: `DeciderBugError` is thrown.
 */
export async function handleCommand<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  command: Command,
  options: HandleCommandOptions<State, Context, Err>,
): Promise<Either<Err | ConcurrencyError | CommandIdReusedError, CommandResult<Event, State>>> {
  const start = (): SpanStart => {
    const commandType = commandTypeOf(command);
    return {
      name: `${TELEMETRY.spans.command} ${commandType}`,
      attributes: {
        [TELEMETRY.attributes.commandType]: commandType,
        [TELEMETRY.attributes.stream]: streamId,
      },
    };
  };
  return inSpan(start, async (span) => {
    const outcome = await decideAndAppend(store, decider, streamId, command, options, span);
    if (span.recording) {
      const { name, code } = commandOutcome(outcome);
      span.set(TELEMETRY.attributes.outcome, name);
      if (code !== undefined) span.set(TELEMETRY.attributes.errorCode, code);
    }
    return outcome;
  });
}

// handleCommand's work, inside its span.
async function decideAndAppend<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  streamId: string,
  command: Command,
  options: HandleCommandOptions<State, Context, Err>,
  span: SpanScope,
): Promise<Either<Err | ConcurrencyError | CommandIdReusedError, CommandResult<Event, State>>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    span.set(TELEMETRY.attributes.retries, attempt);
    const loaded = await inSpan(
      () => ({ name: TELEMETRY.spans.readStream, attributes: { [TELEMETRY.attributes.stream]: streamId } }),
      async (read) => {
        const stream = await loadStream(store, decider, streamId, options.commandId, options.stateCache);
        read.set(TELEMETRY.attributes.position, stream.version);
        return stream;
      },
      span,
    );
    if (loaded.firstOwnEvent !== undefined) return earlierOutcome(streamId, loaded, options);
    const resolved =
      options.context !== undefined || !options.resolveContext
        ? right(options.context as Context)
        : await options.resolveContext(loaded.state);
    const decision = isLeft(resolved)
      ? resolved
      : decide(decider, streamId, command, loaded.state, resolved.right);
    if (isLeft(decision)) {
      remember(options.stateCache, streamId, loaded);
      return decision;
    }
    const newEvents = decision.right;
    // A no-op on a stream that does not exist creates nothing: there is no later change to undo.
    if (newEvents.length === 0 && loaded.version === -1) {
      return right({
        streamId,
        nextExpectedVersion: -1,
        events: [],
        state: loaded.state,
        alreadyHandled: false,
      });
    }
    const written: readonly DomainEvent[] = newEvents.length === 0 ? [NO_CHANGE_EVENT] : newEvents;
    let result: AppendResult;
    try {
      result = await appendInSpan(
        store,
        streamId,
        toAppend(decider, streamId, written, options),
        loaded.version,
        span,
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt >= maxRetries) return left(error);
      countCommandRetry(commandTypeOf(command));
      continue;
    }
    loaded.commandIds.add(options.commandId);
    if (newEvents.length === 0) {
      const version = loaded.version + 1;
      remember(options.stateCache, streamId, { state: loaded.state, version, commandIds: loaded.commandIds });
      return right({
        streamId,
        nextExpectedVersion: version,
        events: [],
        state: loaded.state,
        alreadyHandled: false,
      });
    }
    // A store that gives back what it recorded saves reading it again.
    const appended = result.events;
    const events =
      appended !== undefined && appended.length === newEvents.length
        ? (appended as readonly RecordedEvent<Event>[])
        : await readAppended<Event>(store, streamId, loaded.version, newEvents.length);
    const outcome = appendedOutcome(decider, streamId, loaded, events, newEvents.length);
    remember(options.stateCache, streamId, {
      state: outcome.state,
      version: outcome.nextExpectedVersion,
      commandIds: loaded.commandIds,
    });
    return right(outcome);
  }
}

function appendInSpan(
  store: EventStore,
  streamId: string,
  events: readonly EventToAppend[],
  versionRead: number,
  parent: SpanScope,
): Promise<AppendResult> {
  return inSpan(
    () => ({
      name: TELEMETRY.spans.append,
      attributes: {
        [TELEMETRY.attributes.stream]: streamId,
        [TELEMETRY.attributes.eventCount]: events.length,
        [TELEMETRY.attributes.expectedVersion]: versionRead,
      },
    }),
    () =>
      store.appendToStream(streamId, events, {
        expectedVersion: versionRead === -1 ? 'no_stream' : versionRead,
      }),
    parent,
  );
}

/**
 * The outcome of a command id the stream already holds: refused when `authoriseRetry` refuses
 * this caller on the current state, or when the stored command had another fingerprint; else
 * its events (none for a no-op) and the current state, nothing appended.
 */
async function earlierOutcome<Event extends DomainEvent, State, Context, Err>(
  streamId: string,
  loaded: LoadedStream<Event, State>,
  options: HandleCommandOptions<State, Context, Err>,
): Promise<Either<Err | CommandIdReusedError, CommandResult<Event, State>>> {
  if (options.authoriseRetry) {
    const refusal = await options.authoriseRetry(loaded.state);
    if (refusal !== undefined) return left(refusal);
  }
  if (!sameCommand(streamId, loaded.firstOwnEvent!, options.commandId, options.fingerprint)) {
    return left(new CommandIdReusedError(streamId, options.commandId));
  }
  return right({
    streamId,
    nextExpectedVersion: loaded.version,
    events: loaded.ownEvents,
    state: loaded.state,
    alreadyHandled: true,
  });
}

/**
 * True when the first stored event of the command id came from a command with this
 * fingerprint: its id is derived from it. An event written before fingerprints existed (its id
 * derived from stream, command id and index only) is taken as the same command; an event whose
 * id is neither (written by other means) is not.
 */
function sameCommand(
  streamId: string,
  first: RecordedEvent,
  commandId: string,
  fingerprint: string | undefined,
): boolean {
  if (fingerprint === undefined) return true;
  if (first.eventId === commandEventId(streamId, commandId, 0, fingerprint)) return true;
  return first.eventId === commandEventId(streamId, commandId, 0);
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
  /** The domain events this command id already wrote (none for a no-op). */
  readonly ownEvents: RecordedEvent<Event>[];
  /** The first event this command id wrote (its no-change marker for a no-op), if any. */
  readonly firstOwnEvent: RecordedEvent | undefined;
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
  let firstOwnEvent: RecordedEvent | undefined;
  for await (const page of readStreamInPages(store, streamId, {
    fromVersion: version + 1,
    batchSize: READ_BATCH,
  })) {
    for (let i = 0; i < page.length; i++) {
      const event = page[i] as RecordedEvent<Event>;
      const marker = isNoChangeMarker(event);
      if (!marker) state = decider.evolve(state, event);
      version = event.version;
      const eventCommandId = event.metadata.commandId;
      if (eventCommandId !== null) {
        if (eventCommandId === commandId) {
          firstOwnEvent ??= event;
          if (!marker) ownEvents.push(event);
        }
        if (cache) commandIds.add(eventCommandId);
      }
    }
  }
  return { state, version, ownEvents, firstOwnEvent, commandIds };
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
  events: readonly DomainEvent[],
  options: HandleCommandOptions<State, Context, Err>,
): EventToAppend[] {
  const occurredAt = options.occurredAt ?? (options.clock ? options.clock() : new Date()).toISOString();
  // The events of one command share one metadata object (per schema version).
  let metadata: MetadataToAppend | undefined;
  const batch = new Array<EventToAppend>(events.length);
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const schemaVersion = isNoChangeMarker(event)
      ? 1
      : (decider.schemaVersion?.(event.type as Event['type']) ?? 1);
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
      eventId: commandEventId(streamId, options.commandId, index, options.fingerprint),
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
export type CommandHandlerDefaults<State, Context, Err = never> = Partial<
  Omit<HandleCommandOptions<State, Context, Err>, 'commandId'>
>;

/** A `handleCommand` bound to one store and one decider, with default options. */
export function createCommandHandler<Command, Event extends DomainEvent, State, Context, Err>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context, Err>,
  defaults: CommandHandlerDefaults<State, Context, Err> = {},
) {
  return (
    streamId: string,
    command: Command,
    options: Partial<HandleCommandOptions<State, Context, Err>> & { readonly commandId: string },
  ): Promise<Either<Err | ConcurrencyError | CommandIdReusedError, CommandResult<Event, State>>> => {
    const merged = { ...defaults, ...options };
    if (!merged.actor)
      throw new Error('handleCommand: an actor is required (in the defaults or the options)');
    return handleCommand(store, decider, streamId, command, { ...merged, actor: merged.actor });
  };
}
