import { v4 as uuidV4 } from 'uuid';
import type { EventStore, EventStoreOptions, JsonValue } from '@cartes-badges/eventsourcing';
import type { StoredEventChange, StoreHarness, StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { changedMetadata } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls } from '../src';
import { toWireEvent } from '../src/event-mapping';
import type { ClientCalls, WireRecord } from '../src';
import type { ClientKind } from './test-clients';
import { connectClient } from './test-clients';

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
      const namespace = `t${uuidV4().slice(0, 8)}.`;
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
