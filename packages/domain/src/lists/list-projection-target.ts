import type { GlobalPosition, ProjectionTarget, RecordedEvent, Runnable } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { ListProjection } from './list-projections';
import type { ListReadModel, RowChange } from './list-read-model';
import type { ListRow } from './list-row';
import { dossierIdOfStream } from './list-row';

/**
 * Folds a batch of events into row changes: reads the rows the batch touches once, evolves
 * them in memory, and gives one change per dossier touched (its last state). Pure apart from
 * the rows given.
 */
export function foldBatch(
  projection: ListProjection,
  current: ReadonlyMap<string, ListRow>,
  events: readonly RecordedEvent<DossierEvent>[],
): RowChange[] {
  const touched = new Map<string, ListRow | undefined>();
  for (const event of events) {
    const id = dossierIdOfStream(event.streamId);
    const before = touched.has(id) ? touched.get(id) : current.get(id);
    touched.set(id, projection.evolve(before, event));
  }
  const changes: RowChange[] = [];
  for (const [dossierId, row] of touched) {
    if (row !== undefined) changes.push({ op: 'upsert', row });
    else if (current.has(dossierId)) changes.push({ op: 'delete', dossierId });
  }
  return changes;
}

/**
 * The kernel's projection target for a list: each batch becomes one `commit` of its row changes
 * with its checkpoint. Events at or below the stored checkpoint (redelivered after a crash) are
 * skipped, so a batch applies once.
 */
export function listProjectionTarget(projection: ListProjection, readModel: ListReadModel): ProjectionTarget {
  return {
    readCheckpoint: () => readModel.readCheckpoint(),
    reset: (version) => readModel.reset(version),
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      const stored = await readModel.readCheckpoint();
      const from = stored?.position;
      if (from !== undefined && checkpoint <= from) return;
      const fresh = (
        from === undefined ? events : events.filter((e) => e.globalPosition > from)
      ) as readonly RecordedEvent<DossierEvent>[];
      const ids = [...new Set(fresh.map((e) => dossierIdOfStream(e.streamId)))];
      const current = await readModel.getRows(ids);
      await readModel.commit(foldBatch(projection, current, fresh), {
        position: checkpoint,
        version: projection.version,
      });
    },
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
