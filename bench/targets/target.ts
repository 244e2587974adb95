import type { DossierCommand, DossierEvent, DossierState } from '../workloads/dossier';
import type { DurableLocation, DurableStore } from './durable';

/**
 * What a workload asks of a library: every call below is one library call (or the library's
 * idiomatic way to do it), so that the workloads themselves are the same code for everyone.
 */
export interface TargetStore {
  /** One command through the library's command handler: read, fold, decide, append with expected version. */
  handle(streamId: string, command: DossierCommand): Promise<void>;
  /**
   * Appends events to a stream that holds `eventsInStream` events now (0: the stream must not
   * exist), with that expectation checked by the store.
   */
  append(streamId: string, events: readonly DossierEvent[], eventsInStream: number): Promise<void>;
  /**
   * Reads every event back (in global order where the library can) and gives each to `visit`.
   * `streamIds` lists the streams written, for a library that cannot read across streams.
   */
  readEverything(
    streamIds: readonly string[],
    visit: (streamId: string, event: DossierEvent) => void,
  ): Promise<void>;
  /** Reads one stream from its start and folds it with the shared evolve. */
  foldStream(streamId: string): Promise<{ state: DossierState; events: number }>;
}

/** A library under test. */
export interface Target {
  readonly name: TargetName;
  /** Notes printed under the results (how this library was driven where it differs). */
  readonly notes: readonly string[];
  createStore(): TargetStore;
  /** The library's SQLite or PostgreSQL store on a scratch database (store workloads). */
  openDurable(location: DurableLocation): Promise<DurableStore>;
}

export type TargetName = 'ours' | 'emmett';
