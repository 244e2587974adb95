import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore } from '@cartes-badges/eventsourcing';
import type { ClientLibrary } from './calls-on-client';
import { callsOnClient, errorsOf } from './calls-on-client';
import type { ClientCalls } from './client-port';
import { createStoreOnCalls } from './eventstoredb-store';
import type { EventStoreDBStoreOptions } from './store-context';

/**
 * The adapter's calls on `@kurrent/kurrentdb-client` (1.x), the renamed successor of
 * `@eventstore/db-client`. The module is loaded on the first call only (an optional peer
 * dependency; a process must not load both clients, whose generated protobuf classes share globals).
 */
export function kurrentDbCalls(client: KurrentDBClient): ClientCalls {
  // The 1.x client keeps the 6.x methods, events and errors; `streamState` and `actualState` are
  // the two renamed fields, handled by its library below.
  return callsOnClient(client as unknown as EventStoreDBClient, kurrentDbLibrary());
}

/** The kernel's event store on KurrentDB (or EventStoreDB), through `@kurrent/kurrentdb-client`. */
export function createKurrentDBStore(
  client: KurrentDBClient,
  options: EventStoreDBStoreOptions = {},
): EventStore {
  return createStoreOnCalls(kurrentDbCalls(client), options);
}

let library: ClientLibrary | undefined;

function kurrentDbLibrary(): ClientLibrary {
  if (library) return library;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('@kurrent/kurrentdb-client') as typeof import('@kurrent/kurrentdb-client');
  // The same functions as 6.x, typed with the 1.x client's own (identical) types.
  const builders = {
    jsonEvent: lib.jsonEvent,
    streamNameFilter: lib.streamNameFilter,
    eventTypeFilter: lib.eventTypeFilter,
    excludeSystemEvents: lib.excludeSystemEvents,
  } as unknown as Pick<
    ClientLibrary,
    'jsonEvent' | 'streamNameFilter' | 'eventTypeFilter' | 'excludeSystemEvents'
  >;
  const kurrent: ClientLibrary = {
    ...builders,
    START: lib.START,
    END: lib.END,
    FORWARDS: lib.FORWARDS,
    BACKWARDS: lib.BACKWARDS,
    // Its BatchAppend keeps one map of waiting appends per stream: safe under load.
    append: (client, streamName, events, expected) =>
      client.appendToStream(streamName, events, { streamState: expected } as never),
    actualRevisionOf(error) {
      if (!(error instanceof lib.WrongExpectedVersionError)) return undefined;
      const actual = error.actualState;
      return typeof actual === 'bigint' ? Number(actual) : -1;
    },
    errors: errorsOf(lib, [lib.StreamTombstonedError]),
  };
  library = kurrent;
  return kurrent;
}
