import { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore, EventStoreOptions } from '@cartes-badges/eventsourcing';
import type { StoreHarness, StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { createEventStoreDBStore } from '../src';
import type { EventStoreDBStoreOptions } from '../src';
import type { StandInOptions } from './stand-in/stand-in-server';
import type { StandIn } from './stand-in/stand-in-thread';
import { StandInHost } from './stand-in/stand-in-thread';

/** A store on the real client, talking to its own fresh stand-in server over loopback. */
export interface StandInStore {
  readonly store: EventStore;
  readonly server: StandIn;
  readonly client: EventStoreDBClient;
  /** Closes the store, the client's connection and the server. */
  dispose(): Promise<void>;
}

let sharedHost: Promise<StandInHost> | undefined;

/** The stand-in thread of this test file (started on first use). */
export function standInHost(): Promise<StandInHost> {
  sharedHost ??= StandInHost.start();
  return sharedHost;
}

/** Starts a stand-in server and a client, and builds the adapter on them. */
export async function startStandInStore(
  options: EventStoreDBStoreOptions = {},
  serverOptions: StandInOptions = {},
  /** More connection-string settings of the client, e.g. `throwOnAppendFailure=false`. */
  clientSettings = '',
): Promise<StandInStore> {
  const server = await (await standInHost()).startServer(serverOptions);
  const client = EventStoreDBClient.connectionString(
    server.connectionString + (clientSettings ? `&${clientSettings}` : ''),
  );
  const store = createEventStoreDBStore(client, { retryDelayMs: 10, ...options });
  return {
    store,
    server,
    client,
    async dispose() {
      await store.close();
      await client.dispose();
      await server.stop();
    },
  };
}

/** Tampers with the stand-in's memory (on its thread), bypassing the protocol. */
export function tamperWithStandIn(server: StandIn): StoreTamperer {
  return {
    alterEvent: (streamId, version, newData) => server.alterData(streamId, version, JSON.stringify(newData)),
    removeEvent: (streamId, version) => server.remove(streamId, version),
    swapEvents: (streamId, version1, version2) => server.swap(streamId, version1, version2),
  };
}

/** The contract suite's harness: one fresh stand-in server per store, stopped when the store closes. */
export function standInHarness(): StoreHarness {
  const servers = new WeakMap<EventStore, StandIn>();
  const open = new Set<StandInStore>();
  return {
    async create(options?: EventStoreOptions) {
      const started = await startStandInStore(options);
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
      servers.set(store, started.server);
      return store;
    },
    tamper(store) {
      const server = servers.get(store);
      if (!server) throw new Error('Not a store of this harness');
      return tamperWithStandIn(server);
    },
    returnsAppendedEvents: true,
    async teardown() {
      await Promise.all([...open].map((started) => started.dispose()));
      await (await standInHost()).close();
    },
  };
}
