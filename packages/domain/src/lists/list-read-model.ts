import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListRow } from './list-row';
import type { RowQuery, RowQueryResult } from './row-query';

/** A change to a list's rows: the new row, or the removal of a dossier's row. */
export type RowChange =
  | { readonly op: 'upsert'; readonly row: ListRow }
  | { readonly op: 'delete'; readonly dossierId: string };

/**
 * Where one list's rows and its checkpoint live (one per projection). `commit` is the atomic
 * unit: a SQL read model writes the changes and the checkpoint in one transaction, so a crash
 * leaves both or neither. One writer per list (its projection runner); any number of readers.
 */
export interface ListReadModel {
  /** The checkpoint stored with the rows, or undefined when the list never ran. */
  readCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** The current rows of these dossiers (listed or not); missing ones are absent from the map. */
  getRows(dossierIds: readonly string[]): Promise<ReadonlyMap<string, ListRow>>;
  /** Applies the changes in order and stores the checkpoint with them, atomically. */
  commit(changes: readonly RowChange[], checkpoint: StoredCheckpoint): Promise<void>;
  /** Deletes every row and records the version with no position (before a rebuild). */
  reset(version: number): Promise<void>;
  /** The listed rows the query selects: scope first, then filters and search, sorted, one page. */
  query(query: RowQuery): Promise<RowQueryResult>;
  /**
   * Optional: runs a rebuild from scratch (after `reset`). The model may set aside what only
   * queries need while the rows pour in (a SQL table's indexes) and restore it at the end,
   * whether the work succeeds or fails; queries meanwhile stay correct, only slower.
   */
  rebuilding?<T>(work: () => Promise<T>): Promise<T>;
}

/** Runs a rebuild of several lists inside each model's `rebuilding`, where it has one. */
export function whileRebuilding<T>(models: readonly ListReadModel[], work: () => Promise<T>): Promise<T> {
  const wrapped = models.reduceRight<() => Promise<T>>((inner, model) => {
    const rebuilding = model.rebuilding?.bind(model);
    return rebuilding ? () => rebuilding(inner) : inner;
  }, work);
  return wrapped();
}
