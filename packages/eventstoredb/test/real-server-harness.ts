import { v4 as uuidV4 } from 'uuid';
import type { EventStore, EventStoreOptions, JsonValue } from '@cartes-badges/eventsourcing';
import type { StoredEventChange, StoreHarness, StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { changedMetadata } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../src';
import { toWireEvent } from '../src/event-mapping';
import type { ClientCalls, EventStoreDBStoreOptions, WirePosition, WireRecord } from '../src';
import type { StoreSetup, StoreUnderTest } from './store-under-test';
import type { ClientKind } from './test-clients';
import { connectClient, withSettings } from './test-clients';

/** A namespace no other store of any run uses, so that tests on one server never see each other. */
export const freshNamespace = (): string => `t${uuidV4().slice(0, 8)}.`;

/**
 * A store on the real server of `connectionString`, in a fresh namespace unless
 * `options.namespace` names one (`''`: the default store, which sees the whole database).
 */
export async function startRealServerStore(
  connectionString: string,
  kind: ClientKind,
  options: EventStoreDBStoreOptions = {},
  setup: StoreSetup = {},
): Promise<StoreUnderTest> {
  const namespace = options.namespace ?? freshNamespace();
  const client = connectClient(kind, withSettings(connectionString, setup.clientSettings));
  const store = createStoreOnCalls(client.calls, { ...options, namespace });
  return {
    store,
    client,
    calls: client.calls,
    namespace,
    connectionString,
    standIn: undefined,
    eventCount: () => countOwnEvents(client.calls, namespace),
    tombstone: (streamId) => client.tombstone(namespace + streamId),
    async dispose() {
      await store.close();
      await client.dispose();
    },
  };
}

/**
 * Counts the events of a namespace in `$all` with raw client reads (not through the adapter
 * under test): records of `$`-streams and `$`-types are the server's own.
 */
async function countOwnEvents(calls: ClientCalls, namespace: string): Promise<number> {
  const PAGE = 1000;
  let count = 0;
  let from: WirePosition | 'start' = 'start';
  for (;;) {
    const page = await calls.readAll({ from, maxCount: PAGE });
    // A read from a position includes the record at it: the last one of the previous page.
    const fresh = from === 'start' ? page : page.slice(1);
    for (const record of fresh) {
      const system = record.streamName.startsWith('$') || record.type.startsWith('$');
      if (!system && record.streamName.startsWith(namespace)) count += 1;
    }
    const last = page[page.length - 1]?.position;
    if (page.length < PAGE || !last) return count;
    from = last;
  }
}

/**
 * Harness for a real EventStoreDB (EVENTSTORE_URL): each store gets a namespace of its own, so
 * runs and tests never see each other's events. A real server's events cannot be edited, so the
 * forger stands between the database and the reader: its edits apply to what the server sends
 * back, which is what `verifyStream` has to catch.
 */
export function realServerHarness(connectionString: string, kind: ClientKind = 'eventstoredb'): StoreHarness {
  const client = connectClient(kind, connectionString);
  const forgers = new WeakMap<EventStore, Forger>();
  return {
    async create(options?: EventStoreOptions) {
      const namespace = freshNamespace();
      const forger = new Forger(client.calls, namespace);
      const store = createStoreOnCalls(forger.calls, { ...options, namespace });
      forgers.set(store, forger);
      return store;
    },
    tamper(store) {
      const forger = forgers.get(store);
      if (!forger) throw new Error('Not a store of this harness');
      return forger.tamperer;
    },
    returnsAppendedEvents: true,
    async teardown() {
      await client.dispose();
    },
  };
}

/** Alters, hides and swaps events in what the server's stream reads return. */
class Forger {
  private readonly altered = new Map<string, JsonValue>();
  private readonly rewritten = new Map<string, StoredEventChange>();
  private readonly removed = new Set<string>();
  private readonly swapped = new Map<string, number>();
  readonly calls: ClientCalls;
  readonly tamperer: StoreTamperer;

  constructor(
    inner: ClientCalls,
    private readonly namespace: string,
  ) {
    const key = (stream: string, revision: number): string => `${stream}@${revision}`;
    const forge = async (stream: string, record: WireRecord): Promise<WireRecord | undefined> => {
      if (this.removed.has(key(stream, record.revision))) return undefined;
      let result = record;
      const other = this.swapped.get(key(stream, record.revision));
      if (other !== undefined) {
        const [found] = await inner.readStream(stream, { from: other, direction: 'forwards', maxCount: 1 });
        if (found) result = found;
      }
      const data = this.altered.get(key(stream, result.revision));
      if (data !== undefined) result = { ...result, data };
      const change = this.rewritten.get(key(stream, result.revision));
      if (change === undefined) return result;
      return {
        ...result,
        type: change.type ?? result.type,
        data: change.data !== undefined ? change.data : result.data,
        id: change.eventId ?? result.id,
        // The adapter keeps the kernel's recordedAt in the custom metadata.
        metadata: changedMetadata(result.metadata as object, {
          ...change.metadata,
          ...(change.recordedAt !== undefined ? { recordedAt: change.recordedAt } : {}),
        }),
      };
    };
    this.calls = {
      ...inner,
      async readStream(stream, options) {
        const forged: WireRecord[] = [];
        for (const record of await inner.readStream(stream, options)) {
          const kept = await forge(stream, record);
          if (kept) forged.push(kept);
        }
        return forged;
      },
    };
    const name = (streamId: string): string => this.namespace + streamId;
    this.tamperer = {
      alterEvent: (streamId, version, newData) =>
        void this.altered.set(key(name(streamId), version), newData),
      rewriteEvent: (streamId, version, change) =>
        void this.rewritten.set(key(name(streamId), version), change),
      removeEvent: (streamId, version) => void this.removed.add(key(name(streamId), version)),
      swapEvents: (streamId, version1, version2) => {
        this.swapped.set(key(name(streamId), version1), version2);
        this.swapped.set(key(name(streamId), version2), version1);
      },
      appendRaw: async (streamId, events) => {
        await inner.append(name(streamId), events.map(toWireEvent), 'any');
      },
    };
  }
}
