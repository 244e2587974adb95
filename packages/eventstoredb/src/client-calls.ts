import type { EventStoreDBClient } from '@eventstore/db-client';
import type { ClientLibrary } from './calls-on-client';
import { callsOnClient, errorsOf } from './calls-on-client';
import { appendClassic } from './classic-append';
import type { ClientCalls } from './client-port';

/**
 * The adapter's calls on `@eventstore/db-client` (6.x). The client module is loaded here, on the
 * first call, never when this package is imported: it is an optional peer dependency, and its
 * generated protobuf classes share globals with those of `@kurrent/kurrentdb-client`, so a
 * process must load only one of the two.
 */
export function eventStoreDbCalls(client: EventStoreDBClient): ClientCalls {
  return callsOnClient(client, eventStoreDbLibrary());
}

let library: ClientLibrary | undefined;

function eventStoreDbLibrary(): ClientLibrary {
  if (library) return library;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('@eventstore/db-client') as typeof import('@eventstore/db-client');
  library = {
    jsonEvent: lib.jsonEvent,
    streamNameFilter: lib.streamNameFilter,
    eventTypeFilter: lib.eventTypeFilter,
    excludeSystemEvents: lib.excludeSystemEvents,
    START: lib.START,
    END: lib.END,
    FORWARDS: lib.FORWARDS,
    BACKWARDS: lib.BACKWARDS,
    // Never its BatchAppend: one failing connection crashes the process (classic-append.ts).
    append: (client, streamName, events, expected) =>
      appendClassic(client, streamName, events, { expectedRevision: expected }),
    actualRevisionOf(error) {
      if (!(error instanceof lib.WrongExpectedVersionError)) return undefined;
      const actual = error.actualVersion;
      return typeof actual === 'bigint' ? Number(actual) : -1;
    },
    errors: errorsOf(lib),
  };
  return library;
}
