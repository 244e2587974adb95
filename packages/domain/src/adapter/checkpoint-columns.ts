import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';

/** A list's checkpoint as its table stores it: each part nullable, the position as decimal text. */
export interface CheckpointColumns {
  readonly version: number | null;
  readonly position: string | null;
}

/** The columns a checkpoint is written as (the position in text: it may pass 2^53). */
export function checkpointColumns(checkpoint: StoredCheckpoint): CheckpointColumns {
  return {
    version: checkpoint.version ?? null,
    position: checkpoint.position === undefined ? null : checkpoint.position.toString(),
  };
}

/** The checkpoint stored in these columns (a part that is null is absent). */
export function checkpointFromColumns(columns: CheckpointColumns): StoredCheckpoint {
  return {
    ...(columns.position === null ? {} : { position: BigInt(columns.position) }),
    ...(columns.version === null ? {} : { version: columns.version }),
  };
}
