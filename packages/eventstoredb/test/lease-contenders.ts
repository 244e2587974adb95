import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { ClientCalls, EventStoreDBLeases, EventStoreDBLeasesOptions, WireRecord } from '../src';
import { createEventStoreDBLeases } from '../src';
import type { StoreUnderTest } from './store-under-test';
import type { ClientKind, TestClient } from './test-clients';
import { connectClient } from './test-clients';

/** An instance competing for leases: its own client (its own connection) and leases. */
export interface Contender {
  readonly client: TestClient;
  readonly leases: EventStoreDBLeases;
  /** Failures its leases reported through `onError`. */
  readonly reported: unknown[];
}

/** Instances on the database of `started`, in its namespace; `dispose` closes their leases and clients. */
export function contenders(
  started: StoreUnderTest,
  kind: ClientKind,
): {
  add(
    holder: string,
    options?: EventStoreDBLeasesOptions,
    wrap?: (calls: ClientCalls) => ClientCalls,
  ): Contender;
  dispose(): Promise<void>;
} {
  const all: Contender[] = [];
  return {
    add(holder, options = {}, wrap = (calls) => calls) {
      const client = connectClient(kind, started.connectionString);
      const reported: unknown[] = [];
      const leases = createEventStoreDBLeases(wrap(client.calls), {
        namespace: started.namespace,
        holder,
        onError: (_name, error) => void reported.push(error),
        ...options,
      });
      const contender = { client, leases, reported };
      all.push(contender);
      return contender;
    },
    async dispose() {
      for (const { leases, client } of all.splice(0)) {
        // Releases are tested where they matter; here an append that never answers must not
        // keep the client open (seen on the 6.x client's BatchAppend, which one failing
        // connection left unanswering: src/classic-append.ts; the adapter no longer uses it).
        await Promise.race([leases.close().catch(() => undefined), pause(scaledTimeout(5000))]);
        await client.dispose();
      }
    },
  };
}

/** The last event of a lease stream. */
export async function lastLeaseEvent(started: StoreUnderTest, stream: string): Promise<WireRecord> {
  const [last] = await started.calls.readStream(stream, { from: 'end', direction: 'backwards', maxCount: 1 });
  if (!last) throw new Error(`No event in ${stream}`);
  return last;
}

/** The events a lease stream still shows (once its `$maxCount` 1 is set: the last one only). */
export async function leaseEvents(started: StoreUnderTest, stream: string): Promise<WireRecord[]> {
  return started.calls.readStream(stream, { from: 'start', direction: 'forwards', maxCount: 100 });
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
