import type { EventStore, EventStoreOptions } from '@cartes-badges/eventsourcing';
import type { StoreHarness, StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../src';
import { toWireEvent } from '../src/event-mapping';
import type { ClientCalls, EventStoreDBStoreOptions } from '../src';
import type { FeaturesMode } from './stand-in/server-features';
import type { StandIn } from './stand-in/stand-in-thread';
import { StandInHost } from './stand-in/stand-in-thread';
import { startRealServerStore } from './real-server-harness';
import type { StartStore, StoreSetup, StoreUnderTest, SuiteTarget, Target } from './store-under-test';
import type { ClientKind } from './test-clients';
import { connectClient, withSettings } from './test-clients';

/** The two append paths of the clients, as the server features select them. */
export const APPEND_PATHS: readonly (readonly [string, FeaturesMode])[] = [
  ['BatchAppend', 'batch'],
  ['classic Append', 'classic'],
];

/** A store on a real client, talking to its own fresh stand-in server over loopback. */
export interface StandInStore extends StoreUnderTest {
  readonly server: StandIn;
  readonly standIn: StandIn;
}

let sharedHost: Promise<StandInHost> | undefined;

/** The stand-in thread of this test file (started on first use). */
export function standInHost(): Promise<StandInHost> {
  sharedHost ??= StandInHost.start();
  return sharedHost;
}

/** Ends the stand-in thread of this test file, if one was started. */
export async function closeStandInHost(): Promise<void> {
  const host = sharedHost;
  sharedHost = undefined;
  if (host) await (await host).close();
}

/** Where and how a test's store connects. */
export interface StandInSetup extends StoreSetup {
  readonly client?: ClientKind;
  /** `user:password` put in the connection string (the stand-in checks them when it has users). */
  readonly credentials?: string;
}

/** The stand-in targets: one per append path. */
export const STAND_IN_TARGETS: readonly Target[] = APPEND_PATHS.map(([label, features]) => ({
  kind: 'stand-in',
  label: `stand-in, ${label}`,
  features,
}));

/** Starts a stand-in server and a client, and builds the adapter on them. */
export async function startStandInStore(
  options: EventStoreDBStoreOptions = {},
  setup: StandInSetup = {},
): Promise<StandInStore> {
  const server = await (await standInHost()).startServer(setup.server ?? {});
  const connectionString = setup.credentials
    ? server.connectionString.replace('://', `://${setup.credentials}@`)
    : server.connectionString;
  const client = connectClient(
    setup.client ?? 'eventstoredb',
    withSettings(connectionString, setup.clientSettings),
  );
  const store = createStoreOnCalls(client.calls, { retryDelayMs: 10, ...options });
  const namespace = options.namespace ?? '';
  return {
    store,
    server,
    standIn: server,
    client,
    calls: client.calls,
    namespace,
    connectionString,
    eventCount: () => server.eventCount(),
    // Through the protocol's Tombstone call, as on a real server.
    tombstone: (streamId) => client.tombstone(namespace + streamId),
    async dispose() {
      await store.close();
      await client.dispose();
      await server.stop();
    },
  };
}

/** How a suite starts its stores on a target, with one client. */
export function storeStarter({ client, target }: SuiteTarget): StartStore {
  if (target.kind === 'real-server') {
    return (options, setup) => startRealServerStore(target.url, client, options, setup);
  }
  return (options, setup = {}) =>
    startStandInStore(options, { ...setup, client, server: { features: target.features, ...setup.server } });
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
export function disposedAfterEachTest(): <S extends StoreUnderTest>(started: S) => S {
  const open: StoreUnderTest[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((started) => started.dispose()));
  });
  afterAll(closeStandInHost);
  return (started) => {
    open.push(started);
    return started;
  };
}
