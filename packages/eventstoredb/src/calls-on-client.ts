import type {
  AllStreamResolvedEvent,
  AppendResult,
  EventData,
  EventStoreDBClient,
  Filter,
  JSONType,
  ResolvedEvent,
} from '@eventstore/db-client';
import type {
  ClientCalls,
  WireExpectedRevision,
  WireFilter,
  WireItem,
  WireRecord,
  WireSubscription,
} from './client-port';
import { WrongExpectedRevision } from './client-port';
import {
  EventStoreAccessDeniedError,
  EventStoreAppendTooLargeError,
  EventStoreNotAuthenticatedError,
  EventStoreStreamDeletedError,
} from './errors';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * What differs between the official clients, `@eventstore/db-client` 6.x and its renamed
 * successor `@kurrent/kurrentdb-client` 1.x: the module's values (loaded only by the file of the
 * client in use) and two renamed fields. Both have the same methods, events and error classes.
 */
export interface ClientLibrary {
  readonly jsonEvent: typeof import('@eventstore/db-client').jsonEvent;
  readonly streamNameFilter: typeof import('@eventstore/db-client').streamNameFilter;
  readonly eventTypeFilter: typeof import('@eventstore/db-client').eventTypeFilter;
  readonly excludeSystemEvents: typeof import('@eventstore/db-client').excludeSystemEvents;
  readonly START: 'start';
  readonly END: 'end';
  readonly FORWARDS: 'forwards';
  readonly BACKWARDS: 'backwards';
  /**
   * Sends one append with the expected revision (`expectedRevision`, later `streamState`), on
   * the path that is safe with this client (see classic-append.ts).
   */
  append(
    client: EventStoreDBClient,
    streamName: string,
    events: EventData[],
    expected: WireExpectedRevision,
  ): Promise<AppendResult>;
  /** The stream's revision a wrong-expected-version error reports (-1: no stream); undefined for other errors. */
  actualRevisionOf(error: unknown): number | undefined;
  readonly errors: {
    readonly streamNotFound: ErrorClass;
    /** Worth another try: unavailable, cancelled, deadline exceeded, server timeout, not leader. */
    readonly transient: readonly ErrorClass[];
    readonly streamDeleted: readonly ErrorClass[];
    readonly accessDenied: ErrorClass;
    readonly maxAppendSizeExceeded: ErrorClass;
  };
}

/** The error classes both clients export, under the same names. */
export type ClientErrorClasses = Record<
  | 'StreamNotFoundError'
  | 'UnavailableError'
  | 'CancelledError'
  | 'DeadlineExceededError'
  | 'TimeoutError'
  | 'NotLeaderError'
  | 'StreamDeletedError'
  | 'AccessDeniedError'
  | 'MaxAppendSizeExceededError',
  ErrorClass
>;

/** How the adapter sorts a client's errors; `deleted` adds the client's other deleted-stream errors. */
export function errorsOf(
  lib: ClientErrorClasses,
  deleted: readonly ErrorClass[] = [],
): ClientLibrary['errors'] {
  return {
    streamNotFound: lib.StreamNotFoundError,
    transient: [
      lib.UnavailableError,
      lib.CancelledError,
      lib.DeadlineExceededError,
      lib.TimeoutError,
      lib.NotLeaderError,
    ],
    streamDeleted: [lib.StreamDeletedError, ...deleted],
    accessDenied: lib.AccessDeniedError,
    maxAppendSizeExceeded: lib.MaxAppendSizeExceededError,
  };
}

const isOneOf = (error: unknown, classes: readonly ErrorClass[]): boolean =>
  classes.some((errorClass) => error instanceof errorClass);

/**
 * The adapter's client calls on either official client (the two have the same methods; the
 * client object is typed as the 6.x one). Every call to the client is here.
 */
export function callsOnClient(client: EventStoreDBClient, lib: ClientLibrary): ClientCalls {
  // The client's errors the adapter has its own for (clear messages, never retried).
  const translate = (error: unknown, operation: string, streamName?: string): unknown => {
    if (isOneOf(error, lib.errors.streamDeleted))
      return new EventStoreStreamDeletedError(streamName ?? operation, error);
    if (error instanceof lib.errors.accessDenied) {
      // Both clients give UNAUTHENTICATED (credentials refused) as access denied too, with the
      // gRPC status beside it; the 1.x client's reads (its native bridge) give no status at all.
      const { code } = error as { code?: unknown };
      if (code === UNAUTHENTICATED) return new EventStoreNotAuthenticatedError(operation, error);
      return new EventStoreAccessDeniedError(operation, error, code !== undefined);
    }
    if (error instanceof lib.errors.maxAppendSizeExceeded) {
      const maximum = (error as { maxAppendSize?: unknown }).maxAppendSize;
      return new EventStoreAppendTooLargeError(
        streamName ?? operation,
        typeof maximum === 'number' && Number.isFinite(maximum) ? maximum : undefined,
        error,
      );
    }
    return error;
  };

  const calls: ClientCalls = {
    async append(streamName, events, expected) {
      let result: AppendResult;
      try {
        result = await lib.append(
          client,
          streamName,
          events.map((event) =>
            lib.jsonEvent({
              id: event.id,
              type: event.type,
              data: event.data as JSONType,
              metadata: utf8Bytes(event.metadataJson),
            }),
          ),
          expected,
        );
      } catch (error) {
        const actual = lib.actualRevisionOf(error);
        if (actual !== undefined) throw new WrongExpectedRevision(streamName, actual);
        throw translate(error, `append to ${streamName}`, streamName);
      }
      // A client built with `throwOnAppendFailure=false` answers a refused write instead of
      // throwing: nothing was written, whatever else the answer holds. Its revision is not to be
      // trusted either (the BatchAppend path of both clients gives 1 for any existing stream).
      if (!result.success)
        throw new WrongExpectedRevision(streamName, await headRevisionOf(calls, streamName));
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position };
    },

    // A page is read whole (bounded by maxCount): the call always runs to its end, and the
    // adapter walks the page without one more asynchronous step per event.
    async readStream(streamName, options) {
      const page: WireRecord[] = [];
      try {
        const read = client.readStream(streamName, {
          fromRevision:
            options.from === 'start' ? lib.START : options.from === 'end' ? lib.END : BigInt(options.from),
          direction: options.direction === 'backwards' ? lib.BACKWARDS : lib.FORWARDS,
          maxCount: options.maxCount,
        });
        for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
          const record = toWireRecord(resolved);
          if (record) page.push(record);
        }
      } catch (error) {
        // The client reports a missing stream while iterating: for the port it is an empty stream.
        if (error instanceof lib.errors.streamNotFound) return [];
        throw translate(error, `read ${streamName}`, streamName);
      }
      return page;
    },

    async readAll(options) {
      const page: WireRecord[] = [];
      try {
        const read = client.readAll({
          fromPosition: options.from === 'start' ? lib.START : options.from,
          direction: lib.FORWARDS,
          maxCount: options.maxCount,
        });
        for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
          const record = toWireRecord(resolved);
          if (record) page.push(record);
        }
      } catch (error) {
        throw translate(error, 'read $all');
      }
      return page;
    },

    subscribeToAll(options) {
      const subscription = client.subscribeToAll({
        fromPosition: options.after ?? lib.START,
        filter: toClientFilter(lib, options.filter),
      });
      return orderedSubscription(subscription, (error) => translate(error, 'subscribe to $all'));
    },

    async setMaxCount(streamName, maxCount) {
      try {
        await client.setStreamMetadata(streamName, { maxCount });
      } catch (error) {
        throw translate(error, `set the metadata of ${streamName}`, streamName);
      }
    },

    isTransient(error) {
      return isOneOf(error, lib.errors.transient) || isRawTransient(error);
    },
  };
  return calls;
}

// gRPC status codes: 4 DEADLINE_EXCEEDED, 10 ABORTED, 14 UNAVAILABLE, 16 UNAUTHENTICATED.
const DEADLINE_EXCEEDED = 4;
const ABORTED = 10;
const UNAVAILABLE = 14;
const UNAUTHENTICATED = 16;

/**
 * A gRPC failure worth another try that the client passes on without its own error class: the
 * server-features probe, made again on the first call after a lost connection, rejects with the
 * raw `UNAVAILABLE` ("No connection established") while the server comes back; the 1.x client
 * gives the server's commit timeout (`ABORTED`, "Operation timed out") as an unknown error.
 */
function isRawTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === DEADLINE_EXCEEDED || code === UNAVAILABLE) return true;
  return code === ABORTED && typeof message === 'string' && /timed out/i.test(message);
}

/**
 * Metadata goes to the client as the UTF-8 bytes of its JSON (`Uint8Array`, exactly that class:
 * the client tests `constructor === Uint8Array`), which it sends as they are. Given an object,
 * the client writes its JSON as base64 text that the generated protobuf code decodes back to
 * bytes in JavaScript each time it serializes the message (twice per event on BatchAppend, which
 * measures each message first): about 20 µs of the client's CPU per event for the adapter's
 * 400-byte metadata (docs/benchmarks.md).
 *
 * The bytes are written by `Buffer.from` into Node's shared pool, which never hands the same
 * bytes out twice, and given as a plain `Uint8Array` view of them: `TextEncoder.encode` allocates
 * an ArrayBuffer of its own per event (about 0.43 against 0.23 µs per 430-byte text in a loop,
 * and fewer buffers for the collector; issue 18).
 */
function utf8Bytes(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The revision of a stream's last event, -1 when it has none. */
async function headRevisionOf(calls: ClientCalls, streamName: string): Promise<number> {
  const [head] = await calls.readStream(streamName, { from: 'end', direction: 'backwards', maxCount: 1 });
  return head?.revision ?? -1;
}

function toWireRecord(resolved: ResolvedEvent | AllStreamResolvedEvent): WireRecord | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  return {
    streamName: event.streamId,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : undefined,
    isJson: event.isJson,
    metadata: event.metadata instanceof Uint8Array ? undefined : event.metadata,
    created: event.created,
    position: event.position,
  };
}

function toClientFilter(lib: ClientLibrary, filter: WireFilter): Filter {
  switch (filter.kind) {
    case 'stream-prefixes':
      return lib.streamNameFilter({ prefixes: [...filter.prefixes] });
    case 'event-type-regex':
      return lib.eventTypeFilter({ regex: filter.regex });
    case 'exclude-system-events':
      return lib.excludeSystemEvents();
  }
}

type ClientSubscription = ReturnType<EventStoreDBClient['subscribeToAll']>;

/**
 * The client signals "caught up" as an event of the stream object, possibly while events read
 * before it still wait in the stream's buffer. This puts the signal back in its place among the
 * events, and pulls one event at a time so that the client's backpressure holds (a slow reader
 * stops the server, nothing piles up here).
 */
function orderedSubscription(
  subscription: ClientSubscription,
  translate: (error: unknown) => unknown,
): WireSubscription {
  // For each pending "caught up": how many buffered events must still be read before it.
  const pendingCaughtUps: number[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const wakeUp = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  subscription.on('caughtUp', () => {
    pendingCaughtUps.push(subscription.readableLength);
    wakeUp();
  });
  subscription.on('readable', wakeUp);
  subscription.on('error', (error: unknown) => {
    failure ??= error;
    wakeUp();
  });
  subscription.on('end', () => {
    ended = true;
    wakeUp();
  });
  subscription.on('close', () => {
    ended = true;
    wakeUp();
  });

  async function* items(): AsyncGenerator<WireItem> {
    for (;;) {
      while (pendingCaughtUps.length > 0 && pendingCaughtUps[0] <= 0) {
        pendingCaughtUps.shift();
        yield { kind: 'caught-up' };
      }
      const resolved = subscription.read() as AllStreamResolvedEvent | null;
      if (resolved !== null) {
        for (let i = 0; i < pendingCaughtUps.length; i++) pendingCaughtUps[i] -= 1;
        const record = toWireRecord(resolved);
        if (record) yield { kind: 'event', record };
        continue;
      }
      if (failure !== undefined) throw translate(failure);
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  const iterator = items();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      await subscription.unsubscribe();
      subscription.destroy();
      wakeUp();
    },
  };
}
