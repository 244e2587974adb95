import type {
  AllStreamResolvedEvent,
  EventStoreDBClient,
  Filter,
  JSONType,
  ResolvedEvent,
} from '@eventstore/db-client';
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NotLeaderError,
  START,
  streamNameFilter,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ClientCalls, WireFilter, WireItem, WireRecord, WireSubscription } from './client-port';
import { WrongExpectedRevision } from './client-port';

/**
 * Every call the adapter makes to `@eventstore/db-client` (6.x) lives in this file, so that a
 * file of the same shape can put the adapter on its renamed successor, `@kurrent/kurrentdb-client`.
 */
export function eventStoreDbCalls(client: EventStoreDBClient): ClientCalls {
  const calls: ClientCalls = {
    async append(streamName, events, expected) {
      try {
        const result = await client.appendToStream(
          streamName,
          events.map((event) =>
            jsonEvent({
              id: event.id,
              type: event.type,
              data: event.data as JSONType,
              metadata: event.metadata,
            }),
          ),
          { expectedRevision: expected },
        );
        // A client built with `throwOnAppendFailure=false` answers a refused write instead of
        // throwing: nothing was written, whatever else the answer holds. Its revision is not to be
        // trusted either (the 6.x BatchAppend path gives 1 for any existing stream): ask the stream.
        if (!result.success)
          throw new WrongExpectedRevision(streamName, await headRevisionOf(calls, streamName));
        return { nextRevision: Number(result.nextExpectedRevision), position: result.position };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          const actual = error.actualVersion;
          throw new WrongExpectedRevision(streamName, typeof actual === 'bigint' ? Number(actual) : -1);
        }
        throw error;
      }
    },

    // A page is read whole (bounded by maxCount): the call always runs to its end, and the
    // adapter walks the page without one more asynchronous step per event.
    async readStream(streamName, options) {
      const page: WireRecord[] = [];
      try {
        const read = client.readStream(streamName, {
          fromRevision:
            options.from === 'start' ? START : options.from === 'end' ? END : BigInt(options.from),
          direction: options.direction === 'backwards' ? BACKWARDS : FORWARDS,
          maxCount: options.maxCount,
        });
        for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
          const record = toWireRecord(resolved);
          if (record) page.push(record);
        }
      } catch (error) {
        // The client reports a missing stream while iterating: for the port it is an empty stream.
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return page;
    },

    async readAll(options) {
      const page: WireRecord[] = [];
      const read = client.readAll({
        fromPosition: options.from === 'start' ? START : options.from,
        direction: FORWARDS,
        maxCount: options.maxCount,
      });
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        const record = toWireRecord(resolved);
        if (record) page.push(record);
      }
      return page;
    },

    subscribeToAll(options) {
      const subscription = client.subscribeToAll({
        fromPosition: options.after ?? START,
        filter: toClientFilter(options.filter),
      });
      return orderedSubscription(subscription);
    },

    async setMaxCount(streamName, maxCount) {
      await client.setStreamMetadata(streamName, { maxCount });
    },

    isTransient(error) {
      return (
        error instanceof UnavailableError ||
        error instanceof CancelledError ||
        error instanceof DeadlineExceededError ||
        error instanceof NotLeaderError
      );
    },
  };
  return calls;
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

function toClientFilter(filter: WireFilter): Filter {
  switch (filter.kind) {
    case 'stream-prefixes':
      return streamNameFilter({ prefixes: [...filter.prefixes] });
    case 'event-type-regex':
      return eventTypeFilter({ regex: filter.regex });
    case 'exclude-system-events':
      return excludeSystemEvents();
  }
}

type ClientSubscription = ReturnType<EventStoreDBClient['subscribeToAll']>;

/**
 * The client signals "caught up" as an event of the stream object, possibly while events read
 * before it still wait in the stream's buffer. This puts the signal back in its place among the
 * events, and pulls one event at a time so that the client's backpressure holds (a slow reader
 * stops the server, nothing piles up here).
 */
function orderedSubscription(subscription: ClientSubscription): WireSubscription {
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
      if (failure !== undefined) throw failure;
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
