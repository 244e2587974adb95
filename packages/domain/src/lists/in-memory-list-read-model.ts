import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListReadModel, RowChange } from './list-read-model';
import type { ListRow } from './list-row';
import type { RowIndexes } from './row-indexes';
import { createRowIndexes, sameIndexKeys } from './row-indexes';
import type { RowQuery, RowQueryResult } from './row-query';
import { rowComparator, rowMatches, scopeAllows, statesOf } from './row-query';
import { createPageSelector } from './select-page';

/** A list read model in memory, with synchronous access for tests and benchmarks. */
export interface InMemoryListReadModel extends ListReadModel {
  /** Every row kept (listed or not), by dossier id. */
  rows(): ReadonlyMap<string, ListRow>;
  commitSync(changes: readonly RowChange[], checkpoint: StoredCheckpoint): void;
  querySync(query: RowQuery): RowQueryResult;
}

interface Candidates {
  readonly size: number;
  readonly ids: Iterable<string>;
}

function union(sets: readonly ReadonlySet<string>[]): Candidates {
  if (sets.length === 1) return { size: sets[0].size, ids: sets[0] };
  return {
    size: sets.reduce((n, s) => n + s.size, 0),
    ids: (function* () {
      for (const set of sets) yield* set;
    })(),
  };
}

/**
 * The narrowest index that holds every row the query may return (scope first, then filters),
 * or undefined when only a scan of the whole list will do. Candidates are then checked in full.
 */
function candidatesOf(indexes: RowIndexes, query: RowQuery): Candidates | undefined {
  const options: Candidates[] = [];
  const { scope, filters } = query;
  if (scope.kind === 'employer') options.push(union(scope.sirets.map((s) => indexes.siret.get(s))));
  if (scope.kind === 'provider') options.push(union([indexes.providerSiren.get(scope.siren)]));
  if (filters.siret !== undefined) options.push(union([indexes.siret.get(filters.siret)]));
  if (filters.siren !== undefined) options.push(union([indexes.siren.get(filters.siren)]));
  if (filters.cardType !== undefined) options.push(union([indexes.cardType.get(filters.cardType)]));
  const states = statesOf(filters);
  if (states !== undefined) options.push(union(states.map((s) => indexes.status.get(s))));
  if (options.length === 0) return undefined;
  return options.reduce((best, next) => (next.size < best.size ? next : best));
}

/**
 * A list read model in memory: rows by dossier id, indexes of the listed rows, and the
 * checkpoint, all replaced within one synchronous call (the in-memory transaction). A page of a
 * company's list reads only that company's rows; a search over a whole list scans the
 * precomputed search keys once and keeps only the page (no full sort).
 */
export function createInMemoryListReadModel(): InMemoryListReadModel {
  const rows = new Map<string, ListRow>();
  const indexes = createRowIndexes();
  const allIndexes = Object.values(indexes);
  let checkpoint: StoredCheckpoint | undefined;

  const unindex = (row: ListRow): void => {
    if (row.listed) for (const index of allIndexes) index.remove(row);
  };
  const index = (row: ListRow): void => {
    if (row.listed) for (const idx of allIndexes) idx.add(row);
  };

  function commitSync(changes: readonly RowChange[], next: StoredCheckpoint): void {
    for (const change of changes) {
      const id = change.op === 'upsert' ? change.row.dossierId : change.dossierId;
      const old = rows.get(id);
      if (change.op === 'delete') {
        if (old === undefined) continue;
        unindex(old);
        rows.delete(id);
        continue;
      }
      rows.set(id, change.row);
      if (old !== undefined && sameIndexKeys(old, change.row)) continue;
      if (old !== undefined) unindex(old);
      index(change.row);
    }
    checkpoint = next;
  }

  function querySync(query: RowQuery): RowQueryResult {
    const selector = createPageSelector(rowComparator(query.sort), query.offset, query.limit);
    let total = 0;
    const consider = (row: ListRow | undefined): void => {
      if (row === undefined || !row.listed) return;
      if (!scopeAllows(query.scope, row) || !rowMatches(row, query.filters, query.terms)) return;
      total += 1;
      selector.push(row);
    };
    const candidates = candidatesOf(indexes, query);
    if (candidates === undefined) for (const row of rows.values()) consider(row);
    else for (const id of candidates.ids) consider(rows.get(id));
    return { total, rows: selector.page() };
  }

  return {
    rows: () => rows,
    commitSync,
    querySync,
    readCheckpoint: async () => checkpoint,
    async getRows(ids) {
      const found = new Map<string, ListRow>();
      for (const id of ids) {
        const row = rows.get(id);
        if (row !== undefined) found.set(id, row);
      }
      return found;
    },
    commit: async (changes, next) => commitSync(changes, next),
    async reset(version) {
      rows.clear();
      for (const idx of allIndexes) idx.clear();
      checkpoint = { version };
    },
    query: async (query) => querySync(query),
  };
}
