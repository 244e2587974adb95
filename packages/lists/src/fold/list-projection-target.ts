import type { ProjectionTarget, Runnable } from '@cartes-badges/eventsourcing';
import type { ListProjection, ListReadModel } from '@cartes-badges/domain';
import { applyFromCheckpoint, checkSharedFold } from './fold-and-commit';

/**
 * The kernel's projection target for one list: the shared fold with one list. Each batch becomes
 * one `commit` of its row changes with its checkpoint; events at or below the stored checkpoint
 * (redelivered after a crash) are skipped, so a batch applies once.
 */
export function listProjectionTarget(projection: ListProjection, readModel: ListReadModel): ProjectionTarget {
  const binding = { projection, readModel };
  checkSharedFold([binding]);
  return {
    readCheckpoint: () => readModel.readCheckpoint(),
    reset: (version) => readModel.reset(version),
    applyBatch: (events, checkpoint) => applyFromCheckpoint(binding, events, checkpoint),
  };
}

/** A list ready for the kernel's projection runner (`startProjection`, `runProjectionOnce`). */
export function listRunnable(projection: ListProjection, readModel: ListReadModel): Runnable {
  return {
    name: projection.name,
    version: projection.version,
    filter: projection.filter,
    target: listProjectionTarget(projection, readModel),
  };
}
