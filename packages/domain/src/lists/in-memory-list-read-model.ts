import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListReadModel, RowChange } from './list-read-model';
import type { ListRow } from './list-row';
import type { RowEntry } from './listed-table';
import { ListedTable } from './listed-table';
import { RowIndex } from './row-indexes';
import type { RowQuery, RowQueryResult } from './row-query';
import { rowComparator, rowMatches, scopeAllows } from './row-query';
import { RowsView } from './rows-view';
import { scanListed } from './scan-listed';
import { createPageSelector } from './select-page';

/** A list read model in memory, with synchronous access for tests and benchmarks. */
export interface InMemoryListReadModel extends ListReadModel {
  /** Every row kept (listed or not), by dossier id. */
  rows(): ReadonlyMap<string, ListRow>;
  commitSync(changes: readonly RowChange[], checkpoint: StoredCheckpoint): void;
  querySync(query: RowQuery): RowQueryResult;
}

// Indexes of the listed rows by keys that pick few rows (an establishment, a company, a
// provider). Keys that pick many (state, card type) are tested in the listed table's arrays.
function createKeyIndexes() {
  return {
    siret: new RowIndex((row) => row.siret),
    siren: new RowIndex((row) => row.siren),
    providerSiren: new RowIndex((row) => row.providerSiren),
  };
}
type KeyIndexes = ReturnType<typeof createKeyIndexes>;

function sameKeys(a: ListRow, b: ListRow): boolean {
  return a.siret === b.siret && a.siren === b.siren && a.providerSiren === b.providerSiren;
}

/**
 * The index sets holding every row the query may return, when the scope or a filter names an
 * establishment, a company or a provider (the smallest such choice), or undefined when the
 * query is over the whole list (case manager, system).
 */
function candidatesOf(indexes: KeyIndexes, query: RowQuery): ReadonlySet<string>[] | undefined {
  const options: ReadonlySet<string>[][] = [];
  const { scope, filters } = query;
  if (scope.kind === 'employer') options.push(scope.sirets.map((s) => indexes.siret.get(s)));
  if (scope.kind === 'provider') options.push([indexes.providerSiren.get(scope.siren)]);
  if (filters.siret !== undefined) options.push([indexes.siret.get(filters.siret)]);
  if (filters.siren !== undefined) options.push([indexes.siren.get(filters.siren)]);
  if (options.length === 0) return undefined;
  const size = (sets: ReadonlySet<string>[]): number => sets.reduce((n, s) => n + s.size, 0);
  return options.reduce((best, next) => (size(next) < size(best) ? next : best));
}

/**
 * A list read model in memory: rows by dossier id, indexes of the listed rows, and the
 * checkpoint, all replaced within one synchronous call (the in-memory transaction). The listed
 * rows are also packed in a table with their state, card type and search key in typed arrays;
 * the indexes are by establishment, company and provider. A page of a company's list reads only
 * that company's rows; a search over a whole list scans the table's arrays once and keeps only
 * the page (no full sort).
 */
export function createInMemoryListReadModel(): InMemoryListReadModel {
  const entries = new Map<string, RowEntry>();
  const view = new RowsView(entries);
  const table = new ListedTable();
  const indexes = createKeyIndexes();
  const allIndexes = Object.values(indexes);
  let checkpoint: StoredCheckpoint | undefined;

  const list = (entry: RowEntry): void => {
    table.add(entry);
    for (const index of allIndexes) index.add(entry.row);
  };
  const unlist = (entry: RowEntry): void => {
    table.remove(entry);
    for (const index of allIndexes) index.remove(entry.row);
  };

  function upsert(row: ListRow): void {
    const entry = entries.get(row.dossierId);
    if (entry === undefined) {
      const added: RowEntry = { row, position: -1 };
      entries.set(row.dossierId, added);
      if (row.listed) list(added);
      return;
    }
    const old = entry.row;
    if (old.listed && row.listed && sameKeys(old, row)) {
      entry.row = row;
      table.update(entry, old);
      return;
    }
    if (old.listed) unlist(entry);
    entry.row = row;
    if (row.listed) list(entry);
  }

  function commitSync(changes: readonly RowChange[], next: StoredCheckpoint): void {
    for (const change of changes) {
      if (change.op === 'upsert') {
        upsert(change.row);
        continue;
      }
      const entry = entries.get(change.dossierId);
      if (entry === undefined) continue;
      if (entry.row.listed) unlist(entry);
      entries.delete(change.dossierId);
    }
    checkpoint = next;
  }

  function queryCandidates(query: RowQuery, sets: readonly ReadonlySet<string>[]): RowQueryResult {
    const selector = createPageSelector(rowComparator(query.sort), query.offset, query.limit);
    let total = 0;
    for (const ids of sets) {
      for (const id of ids) {
        const row = entries.get(id)?.row;
        if (row === undefined || !row.listed) continue;
        if (!scopeAllows(query.scope, row) || !rowMatches(row, query.filters, query.terms)) continue;
        total += 1;
        selector.push(row);
      }
    }
    return { total, rows: selector.page() };
  }

  function querySync(query: RowQuery): RowQueryResult {
    const sets = candidatesOf(indexes, query);
    return sets === undefined ? scanListed(table, query) : queryCandidates(query, sets);
  }

  return {
    rows: () => view,
    commitSync,
    querySync,
    readCheckpoint: async () => checkpoint,
    async getRows(ids) {
      const found = new Map<string, ListRow>();
      for (const id of ids) {
        const entry = entries.get(id);
        if (entry !== undefined) found.set(id, entry.row);
      }
      return found;
    },
    commit: async (changes, next) => commitSync(changes, next),
    async reset(version) {
      entries.clear();
      table.clear();
      for (const index of allIndexes) index.clear();
      checkpoint = { version };
    },
    query: async (query) => querySync(query),
  };
}
