import type { EventStoreDBClient } from '@eventstore/db-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { ClientCalls } from '../src';
import { eventStoreDbCalls, kurrentDbCalls } from '../src';

/** The two official clients the adapter runs on. A test file loads only one (they share protobuf globals). */
export type ClientKind = 'eventstoredb' | 'kurrentdb';

/** A connected client, as the adapter's calls, with a way to close it. */
export interface TestClient {
  readonly kind: ClientKind;
  readonly calls: ClientCalls;
  /** Deletes a stream for good (a tombstone: its name can never be written again). */
  tombstone(streamName: string): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Connects the named client to `esdb://...` (the Kurrent client is given `kurrentdb://...`, its
 * own scheme). The client module is required here, so only the one named is loaded.
 */
export function connectClient(kind: ClientKind, connectionString: string): TestClient {
  if (kind === 'eventstoredb') {
    const { EventStoreDBClient: Client } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@eventstore/db-client') as typeof import('@eventstore/db-client');
    const client: EventStoreDBClient = Client.connectionString(connectionString);
    return {
      kind,
      calls: eventStoreDbCalls(client),
      tombstone: async (streamName) => void (await client.tombstoneStream(streamName)),
      dispose: () => client.dispose(),
    };
  }
  const { KurrentDBClient: Client } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@kurrent/kurrentdb-client') as typeof import('@kurrent/kurrentdb-client');
  const client: KurrentDBClient = Client.connectionString(connectionString.replace(/^esdb:/, 'kurrentdb:'));
  return {
    kind,
    calls: kurrentDbCalls(client),
    tombstone: async (streamName) => void (await client.tombstoneStream(streamName)),
    dispose: () => client.dispose(),
  };
}

/** A connection string with more settings (`name=value&...`) added to its query. */
export function withSettings(connectionString: string, settings: string | undefined): string {
  if (!settings) return connectionString;
  return connectionString + (connectionString.includes('?') ? '&' : '?') + settings;
}
