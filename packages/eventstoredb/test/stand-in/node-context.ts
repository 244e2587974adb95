import type { Metadata } from '@grpc/grpc-js';
import type { AppendFault } from './append-execution';
import type { MemoryLog } from './memory-log';

/** What the handlers of one stand-in node share with the server around them. */
export interface NodeContext {
  readonly log: MemoryLog;
  /** Faults the next appends meet, one per append, in order (shared by the nodes of a cluster). */
  readonly appendFaults: AppendFault[];
  /** Faults the next appends to one stream meet, before any of `appendFaults` (shared likewise). */
  readonly streamFaults: Map<string, AppendFault[]>;
  /** The server's `MaxAppendSize` (bytes of type, data and metadata in one append). */
  readonly maxAppendSize: number;
  /** True when the call's user may not read `$all` (reads and subscriptions are refused). */
  readonly allReadDenied: (metadata: Metadata) => boolean;
  /** The node a not-leader answer points at. */
  leaderEndpoint(): { readonly host: string; readonly port: number };
  /** Counts an append received on one path (the tests check which path the client took). */
  countAppend(path: 'classic' | 'batch'): void;
  /** Kills every connection of this node at once, then listens again after `downForMs`. */
  crash(downForMs: number): void;
}
