import type { GlobalPosition, RecordedEvent } from './events';
import type { EventFilter } from './store';

/** A checkpoint as a target keeps it: the last position applied and the projection version. */
export interface StoredCheckpoint {
  /** Undefined after a reset: start from the beginning. */
  readonly position?: GlobalPosition;
  /** Version of the projection that wrote it (undefined for reactors, which never rebuild). */
  readonly version?: number;
}

/**
 * Where a projection's effect and checkpoint live. `applyBatch` is the atomic unit: a SQL read
 * model writes its rows and the checkpoint in one transaction, so that a crash leaves either
 * both or neither. Events may come again after a crash (at-least-once): the target ignores
 * those at or below its checkpoint.
 */
export interface ProjectionTarget {
  /** The stored checkpoint, or undefined when the projection never ran. */
  readCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Applies the events and stores `checkpoint` with them, atomically where the target can. */
  applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition): Promise<void>;
  /** Wipes the effect and the checkpoint, recording the new version (for a rebuild). */
  reset?(version: number): Promise<void>;
}

/** What the runner runs: a projection or a reactor, with its target. */
export interface Runnable {
  readonly name: string;
  /** When given and different from the stored one, the target is reset and rebuilt from the start. */
  readonly version?: number;
  readonly filter?: EventFilter;
  readonly target: ProjectionTarget;
}
