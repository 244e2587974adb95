import type { RowChange } from '../lists/list-read-model';

/** The rows of a change list that survive it: the last change of each dossier wins. */
export function lastChangeOfEach(changes: readonly RowChange[]): Map<string, RowChange> {
  const last = new Map<string, RowChange>();
  for (const change of changes) {
    const id = change.op === 'upsert' ? change.row.dossierId : change.dossierId;
    last.delete(id);
    last.set(id, change);
  }
  return last;
}
