import type {
  AppendResult,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
} from '@eventstore/db-client';

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
 * its `dist` (the one `appendToStream` itself calls) stays where it is.
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

function loadClassicAppend(): ClassicAppend {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('@eventstore/db-client/dist/streams/appendToStream/append') as {
    append: ClassicAppend;
  };
  return module.append;
}
