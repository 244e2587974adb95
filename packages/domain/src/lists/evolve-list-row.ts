import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { ListRow } from './list-row';
import { dossierIdOfStream } from './list-row';
import { createdRow, foldIntoRow, isCreationEvent } from './list-row-fold';

/**
 * Folds one dossier event into the dossier's list row (pure, total). Creation events make the
 * row; later events of a dossier the fold never saw (history cut short) leave it undefined.
 * `listed` is left as it was: each list decides it.
 */
export function evolveListRow(
  row: ListRow | undefined,
  event: RecordedEvent<DossierEvent>,
): ListRow | undefined {
  if (isCreationEvent(event)) return createdRow(event);
  if (row === undefined || row.dossierId !== dossierIdOfStream(event.streamId)) return row;
  const next = { ...row };
  foldIntoRow(next, event);
  return next;
}
