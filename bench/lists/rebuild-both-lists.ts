import { runProjectionOnce, type EventStore, type ProjectionProgress } from '@cartes-badges/eventsourcing';
import type { ListReadModel } from '@cartes-badges/domain';
import { brouillonsProjection, dossiersProjection, whileRebuilding } from '@cartes-badges/domain';
import { listsRunnable } from '@cartes-badges/lists';

/**
 * Both lists folded from the first event into their read models (reset beforehand), with their
 * query indexes set aside until the end, as `cartes-badges rebuild all` does.
 */
export async function rebuildBothLists(
  store: EventStore,
  brouillons: ListReadModel,
  dossiers: ListReadModel,
): Promise<ProjectionProgress> {
  return whileRebuilding([brouillons, dossiers], () =>
    runProjectionOnce(
      store,
      listsRunnable([
        { projection: brouillonsProjection, readModel: brouillons },
        { projection: dossiersProjection, readModel: dossiers },
      ]),
      { batchSize: 1000 },
    ),
  );
}
