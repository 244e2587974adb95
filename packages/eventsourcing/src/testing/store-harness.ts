import type { EventStore } from '../store';
import type { EventStoreOptions } from '../store-options';
import type { StoreTamperer } from '../in-memory-tamper';

export type { StoreTamperer };

/** What a store's test gives the contract suite. */
export interface StoreHarness {
  /** A fresh, empty store, isolated from every other one the suite creates. */
  create(options?: EventStoreOptions): Promise<EventStore>;
  /** Edits the store's storage directly, bypassing the port (to prove the hash chain). */
  tamper(store: EventStore): StoreTamperer;
  /**
   * Whether the store's appends return the recorded events (`AppendResult.events`, optional in
   * the port): the suite then checks they are what a read gives.
   */
  returnsAppendedEvents?: boolean;
  /** Called once after the whole suite (drop schemas, stop servers). */
  teardown?(): Promise<void>;
  /** When a string, the suite is reported as skipped with that reason. */
  skip?: string | false;
}

/** What each part of the contract gets: store creation that the suite cleans up after. */
export interface ContractContext {
  create(options?: EventStoreOptions): Promise<EventStore>;
  tamper(store: EventStore): StoreTamperer;
}
