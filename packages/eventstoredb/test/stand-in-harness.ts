import type { EventStore, EventStoreOptions } from '@cartes-badges/eventsourcing';
import type { StoreHarness, StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../src';
import { toWireEvent } from '../src/event-mapping';
import type { ClientCalls, EventStoreDBStoreOptions } from '../src';
import type { FeaturesMode } from './stand-in/server-features';
import type { StandInOptions } from './stand-in/stand-in-server';
import type { StandIn } from './stand-in/stand-in-thread';
import { StandInHost } from './stand-in/stand-in-thread';
import type { ClientKind, TestClient } from './test-clients';
import { connectClient } from './test-clients';

/** The two append paths of the clients, as the server features select them. */
export const APPEND_PATHS: readonly (readonly [string, FeaturesMode])[] = [
  ['BatchAppend', 'batch'],
  ['classic Append', 'classic'],
];

/** A store on a real client, talking to its own fresh stand-in server over loopback. */
export interface StandInStore {
  readonly store: EventStore;
  readonly server: StandIn;
  readonly client: TestClient;
  /** The client's calls, as the store uses them. */
  readonly calls: ClientCalls;
  /** Closes the store, the client's connection and the server. */
  dispose(): Promise<void>;
}

let sharedHost: Promise<StandInHost> | undefined;

/** The stand-in thread of this test file (started on first use). */
export function standInHost(): Promise<StandInHost> {
  sharedHost ??= StandInHost.start();
  return sharedHost;
}

/** Where and how a test's store connects. */
export interface StandInSetup {
  readonly client?: ClientKind;
  readonly server?: StandInOptions;
  /** More connection-string settings of the client, e.g. `throwOnAppendFailure=false`. */
  readonly clientSettings?: string;
}

/** Starts a stand-in server and a client, and builds the adapter on them. */
export async function startStandInStore(
  options: EventStoreDBStoreOptions = {},
  setup: StandInSetup = {},
): Promise<StandInStore> {
  const server = await (await standInHost()).startServer(setup.server ?? {});
  const client = connectClient(
    setup.client ?? 'eventstoredb',
    server.connectionString + (setup.clientSettings ? `&${setup.clientSettings}` : ''),
  );
  const store = createStoreOnCalls(client.calls, { retryDelayMs: 10, ...options });
  return {
    store,
    server,
    client,
    calls: client.calls,
    async dispose() {
      await store.close();
      await client.dispose();
      await server.stop();
    },
  };
}

/**
 * Tampers with the stand-in's memory (on its thread), bypassing the protocol; appends go
 * through the client's raw calls, bypassing the adapter (and its signer).
 */
export function tamperWithStandIn(server: StandIn, calls: ClientCalls): StoreTamperer {
  return {
    alterEvent: (streamId, version, newData) => server.alterData(streamId, version, JSON.stringify(newData)),
    rewriteEvent: (streamId, version, change) =>
      server.rewrite(streamId, version, {
        type: change.type,
        json: change.data !== undefined ? JSON.stringify(change.data) : undefined,
        eventId: change.eventId,
        // The adapter keeps the kernel's recordedAt in the custom metadata.
        metadata: {
          ...change.metadata,
          ...(change.recordedAt !== undefined ? { recordedAt: change.recordedAt } : {}),
        },
      }),
    removeEvent: (streamId, version) => server.remove(streamId, version),
    swapEvents: (streamId, version1, version2) => server.swap(streamId, version1, version2),
    appendRaw: async (streamId, events) => {
      await calls.append(streamId, events.map(toWireEvent), 'any');
    },
  };
}

/** The contract suite's harness: one fresh stand-in server per store, stopped when the store closes. */
export function standInHarness(setup: StandInSetup = {}): StoreHarness {
  const servers = new WeakMap<EventStore, StandInStore>();
  const open = new Set<StandInStore>();
  return {
    async create(options?: EventStoreOptions) {
      const started = await startStandInStore(options, setup);
      open.add(started);
      const store: EventStore = {
        appendToStream: (...args) => started.store.appendToStream(...args),
        readStream: (...args) => started.store.readStream(...args),
        readAll: (...args) => started.store.readAll(...args),
        subscribe: (...args) => started.store.subscribe(...args),
        async close() {
          open.delete(started);
          await started.dispose();
        },
      };
      servers.set(store, started);
      return store;
    },
    tamper(store) {
      const started = servers.get(store);
      if (!started) throw new Error('Not a store of this harness');
      return tamperWithStandIn(started.server, started.calls);
    },
    returnsAppendedEvents: true,
    async teardown() {
      await Promise.all([...open].map((started) => started.dispose()));
    },
  };
}

/**
 * For a test file whose tests start their own stores: registers them, closes each after its
 * test, and the stand-in thread after the file. Returns the function that registers one.
 */
export function disposedAfterEachTest(): (started: StandInStore) => StandInStore {
  const open: StandInStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((started) => started.dispose()));
  });
  afterAll(async () => {
    await (await standInHost()).close();
  });
  return (started) => {
    open.push(started);
    return started;
  };
}
