import type { EventStore } from '@cartes-badges/eventsourcing';
import type { ClientCalls, EventStoreDBStoreOptions } from '../src';
import type { FeaturesMode } from './stand-in/server-features';
import type { StandInOptions } from './stand-in/stand-in-server';
import type { StandIn } from './stand-in/stand-in-thread';
import type { ClientKind, TestClient } from './test-clients';

/**
 * Where a suite runs: a fresh in-process stand-in per store, on one append path, or the real
 * server of `EVENTSTORE_URL` (whose features pick the path), each store in a namespace of its own.
 */
export type Target =
  | { readonly kind: 'stand-in'; readonly label: string; readonly features: FeaturesMode }
  | { readonly kind: 'real-server'; readonly label: string; readonly url: string };

/** A store on a real client, connected to the target's server. */
export interface StoreUnderTest {
  readonly store: EventStore;
  readonly client: TestClient;
  /** The client's calls, as the store uses them. */
  readonly calls: ClientCalls;
  /** The prefix of this store's streams in the database ('' for the default store). */
  readonly namespace: string;
  /** How another client reaches the same database. */
  readonly connectionString: string;
  /** The stand-in's controls; undefined on a real server. */
  readonly standIn: StandIn | undefined;
  /** How many events of this store `$all` holds (system events and other namespaces left out). */
  eventCount(): Promise<number>;
  /** Deletes one of this store's streams for good (a tombstone). */
  tombstone(streamId: string): Promise<void>;
  /** Closes the store and the client's connection (and the stand-in server). */
  dispose(): Promise<void>;
}

/** How a test's store connects, beyond the store's own options. */
export interface StoreSetup {
  /** Stand-in settings (ignored on a real server, which has its own). */
  readonly server?: StandInOptions;
  /** More connection-string settings of the client, e.g. `throwOnAppendFailure=false`. */
  readonly clientSettings?: string;
}

/** Starts a store on a target; `options.namespace: ''` asks for the default, un-namespaced store. */
export type StartStore = (options?: EventStoreDBStoreOptions, setup?: StoreSetup) => Promise<StoreUnderTest>;

/** The client kind and target a suite runs on. */
export interface SuiteTarget {
  readonly client: ClientKind;
  readonly target: Target;
}

/**
 * Declares `tests`, or reports them skipped when `reason` is given: with the reason in their
 * title and on stderr, never silently left out.
 */
export function unlessSkipped(label: string, reason: string | undefined, tests: () => void): void {
  if (reason === undefined) {
    tests();
    return;
  }
  describe.skip(`(skipped: ${reason})`, tests);
  console.warn(`${label}: tests skipped: ${reason}`);
}

/**
 * Declares tests that need what only the stand-in gives (faults injected on demand, a restart,
 * the server's own counters); on a real server they are reported skipped with the reason.
 */
export function onStandInOnly(target: Target, reason: string, tests: () => void): void {
  unlessSkipped(target.label, target.kind === 'stand-in' ? undefined : `on a real server, ${reason}`, tests);
}

/** The stand-in features of a target (a real server's tests that need them are skipped, never run). */
export const featuresOf = (target: Target): FeaturesMode =>
  target.kind === 'stand-in' ? target.features : 'batch';
