import type {
  AppendResult,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
} from '@eventstore/db-client';
import { CLASSIC_APPEND_MODULE, EventStoreClientUnsupportedError } from './errors';

type ClassicAppend = (
  this: EventStoreDBClient,
  streamName: string,
  events: EventData[],
  options: AppendToStreamOptions & {
    readonly expectedRevision: NonNullable<AppendToStreamOptions['expectedRevision']>;
  },
) => Promise<AppendResult>;

let classicAppend: ClassicAppend | undefined;

/**
 * An append through the classic Append call of `@eventstore/db-client` 6.x, whatever the server
 * lists. Its BatchAppend keeps the appends waiting for an answer in ONE map for the whole
 * process, shared by every client and connection: when any connection's BatchAppend stream
 * fails, every client's appends in flight are rejected with that error (written ones too), and
 * their answers, arriving next on their own streams, find nothing in the map and throw
 * `TypeError: undefined is not iterable` (its batchAppend.ts:61) inside gRPC's receive path: an
 * uncaught exception, which ends a Node process, and that stream delivers no answer again, so
 * every later append on it waits forever (the BatchAppend call has no deadline). The 1.x client
 * keeps one map per stream and drops unknown answers. The classic call is one gRPC call per
 * append, with the client's default deadline; 6.2.1 is the last 6.x release, so this module of
 * its `dist` (the one `appendToStream` itself calls) should stay where it is; if an install has
 * it elsewhere, the first append says so (EventStoreClientUnsupportedError), writing nothing.
 */
export function appendClassic(
  client: EventStoreDBClient,
  streamName: string,
  events: EventData[],
  options: Parameters<ClassicAppend>[2],
): Promise<AppendResult> {
  classicAppend ??= loadClassicAppend();
  return classicAppend.call(client, streamName, events, options);
}

/**
 * The classic Append of the installed 6.x client, through `load` (`require`, or a stand-in in
 * tests). A client whose `dist` is laid out otherwise gets a clear error naming the supported
 * range, not the loader's bare MODULE_NOT_FOUND (or ERR_PACKAGE_PATH_NOT_EXPORTED behind an
 * `exports` map) on its first append.
 */
export function loadClassicAppend(load: (id: string) => unknown = require): ClassicAppend {
  let found: unknown;
  try {
    found = (load(CLASSIC_APPEND_MODULE) as { append?: unknown } | undefined)?.append;
  } catch (error) {
    throw new EventStoreClientUnsupportedError(installedVersion(load), error);
  }
  if (typeof found !== 'function') throw new EventStoreClientUnsupportedError(installedVersion(load));
  return found as ClassicAppend;
}

function installedVersion(load: (id: string) => unknown): string | undefined {
  try {
    const version = (load('@eventstore/db-client/package.json') as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
