import type { DossierEvent } from '../workloads/dossier';

/** A database-backed store, as the store workloads use it. */
export interface DurableStore {
  /** As `TargetStore.append`: `eventsInStream` is checked as the expected version. */
  append(streamId: string, events: readonly DossierEvent[], eventsInStream: number): Promise<void>;
  /**
   * Reads every event in global order (page by page), giving each to `visit`, until `expected`
   * events were read (a reader may hold back events of transactions still open on the server).
   */
  readAll(visit: (event: DossierEvent) => void, expected: number): Promise<void>;
  close(): Promise<void>;
}

/** Which database, and where (a scratch database or file made for one run). */
export type DurableLocation =
  | { readonly backend: 'sqlite'; readonly path: string }
  | { readonly backend: 'postgres'; readonly connectionString: string };
