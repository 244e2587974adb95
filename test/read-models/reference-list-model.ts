// Test-only: the list semantics written plainly (row-query.ts's scopeAllows, rowMatches and
// rowComparator over a map of rows), the oracle the in-memory engine is held to in the contract
// suite. Slow on purpose: no index, a full sort for every page.
import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListReadModel, ListRow } from '@cartes-badges/domain';
import { rowComparator, rowMatches, scopeAllows } from '@cartes-badges/domain';

/** A list read model with no cleverness: what every real one must answer. */
export function createReferenceListModel(): ListReadModel {
  const rows = new Map<string, ListRow>();
  let checkpoint: StoredCheckpoint | undefined;
  return {
    readCheckpoint: async () => checkpoint,
    async getRows(dossierIds) {
      const found = new Map<string, ListRow>();
      for (const id of dossierIds) {
        const row = rows.get(id);
        if (row !== undefined) found.set(id, row);
      }
      return found;
    },
    async commit(changes, next) {
      for (const change of changes)
        if (change.op === 'upsert') rows.set(change.row.dossierId, change.row);
        else rows.delete(change.dossierId);
      checkpoint = next;
    },
    async reset(version) {
      rows.clear();
      checkpoint = { version };
    },
    async query(query) {
      const matching = [...rows.values()]
        .filter(
          (row) => row.listed && scopeAllows(query.scope, row) && rowMatches(row, query.filters, query.terms),
        )
        .sort(rowComparator(query.sort));
      return { total: matching.length, rows: matching.slice(query.offset, query.offset + query.limit) };
    },
  };
}
