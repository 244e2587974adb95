import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type {
  ListReadModel,
  ListRow,
  RowChange,
  RowQuery,
  RowQueryResult,
  Siret,
} from '@cartes-badges/domain';
import { IdSlots } from './id-slots';
import { RowTable } from './row-table';
import { rowComparator, rowMatches, scopeAllows, sirenOfSiret } from '@cartes-badges/domain';
import { RowsView } from './rows-view';
import { scanRows } from './scan-rows';
import { SlotIndex } from './slot-index';
import { createPageSelector } from './select-page';

/** A list read model in memory, with synchronous access for tests and benchmarks. */
export interface InMemoryListReadModel extends ListReadModel {
  /** Every row kept (listed or not), by dossier id. */
  rows(): ReadonlyMap<string, ListRow>;
  commitSync(changes: readonly RowChange[], checkpoint: StoredCheckpoint): void;
  querySync(query: RowQuery): RowQueryResult;
  /** The slot holding a dossier's row, or -1 (valid until the next change). */
  slotOf(dossierId: string): number;
  /** The row in a slot given by `slotOf`. */
  rowAt(slot: number): ListRow;
  /**
   * Like `commitSync`, for a projection target that looked the rows up with `slotOf` in the same
   * synchronous call: each change carries its slot (-1: none), so the id is not looked up twice.
   */
  commitSlots(changes: readonly SlotChange[], checkpoint: StoredCheckpoint): void;
}

/** A row change with the slot its dossier had when the batch read it (-1: none). */
export interface SlotChange {
  readonly slot: number;
  readonly dossierId: string;
  /** The new row, or undefined to delete it. */
  readonly row: ListRow | undefined;
}

/**
 * Whether a read model is an in-memory one: a projection target then reads and writes it in one
 * synchronous call, by slot (no map of the rows read, no second lookup of each id at commit).
 */
export function isInMemoryListReadModel(readModel: ListReadModel): readModel is InMemoryListReadModel {
  const candidate = readModel as Partial<InMemoryListReadModel>;
  return typeof candidate.slotOf === 'function' && typeof candidate.commitSlots === 'function';
}

// Indexes of the listed rows by keys that pick few rows: a company and a provider. Keys that
// pick many (state, card type) are tested in the row table's arrays. An establishment is found
// through its company: a SIRET starts with its SIREN (the establishment directory checks it), so
// the company's rows hold every row of its establishments, and the query keeps those it asks for.
// One index fewer to keep up on every row written.
function createKeyIndexes() {
  return {
    siren: new SlotIndex((row) => row.siren),
    providerSiren: new SlotIndex((row) => row.providerSiren),
  };
}
type KeyIndexes = ReturnType<typeof createKeyIndexes>;

function sameKeys(a: ListRow, b: ListRow): boolean {
  return a.siren === b.siren && a.providerSiren === b.providerSiren;
}

/** The company postings holding every row of these establishments (each company once). */
function companiesOf(indexes: KeyIndexes, sirets: readonly string[]): (readonly number[])[] {
  const sirens = new Set(sirets.map((siret) => sirenOfSiret(siret as Siret)));
  return [...sirens].map((siren) => indexes.siren.get(siren));
}

/**
 * The index sets holding every row the query may return, when the scope or a filter names an
 * establishment, a company or a provider (the smallest such choice), or undefined when the
 * query is over the whole list (case manager, system).
 */
function candidatesOf(indexes: KeyIndexes, query: RowQuery): (readonly number[])[] | undefined {
  const options: (readonly number[])[][] = [];
  const { scope, filters } = query;
  if (scope.kind === 'employer') options.push(companiesOf(indexes, scope.sirets));
  if (scope.kind === 'provider') options.push([indexes.providerSiren.get(scope.siren)]);
  if (filters.siret !== undefined) options.push(companiesOf(indexes, [filters.siret]));
  if (filters.siren !== undefined) options.push([indexes.siren.get(filters.siren)]);
  if (options.length === 0) return undefined;
  const size = (sets: (readonly number[])[]): number => sets.reduce((n, s) => n + s.length, 0);
  return options.reduce((best, next) => (size(next) < size(best) ? next : best));
}

/**
 * A list read model in memory: rows by dossier id, indexes of the listed rows, and the
 * checkpoint, all replaced within one synchronous call (the in-memory transaction). The rows sit
 * in a table that keeps their listing, state, card type and search key in typed arrays; the
 * indexes are by establishment, company and provider. A page of a company's list reads only
 * that company's rows; a search over a whole list scans the table's arrays once and keeps only
 * the page (no full sort).
 */
export function createInMemoryListReadModel(): InMemoryListReadModel {
  const table = new RowTable();
  const rowAt = (slot: number): ListRow => table.rows[slot] as ListRow;
  const slots = new IdSlots((slot) => rowAt(slot).dossierId);
  const view = new RowsView(slots, rowAt);
  const indexes = createKeyIndexes();
  const allIndexes = Object.values(indexes);
  let checkpoint: StoredCheckpoint | undefined;

  /** Stores a row in its dossier's slot (-1: the dossier has none yet). */
  function upsert(row: ListRow, slot: number): void {
    if (slot < 0) {
      const added = table.add(row);
      slots.set(row.dossierId, added);
      if (row.listed) for (const index of allIndexes) index.add(row, added);
      return;
    }
    const old = rowAt(slot);
    table.replace(slot, row);
    if (old.listed === row.listed && (!row.listed || sameKeys(old, row))) return;
    if (old.listed) for (const index of allIndexes) index.remove(old, slot);
    if (row.listed) for (const index of allIndexes) index.add(row, slot);
  }

  function commitSync(changes: readonly RowChange[], next: StoredCheckpoint): void {
    for (const change of changes) {
      if (change.op === 'upsert') upsert(change.row, slots.get(change.row.dossierId) ?? -1);
      else remove(change.dossierId, slots.get(change.dossierId));
    }
    checkpoint = next;
  }

  function remove(dossierId: string, slot: number | undefined): void {
    if (slot === undefined) return;
    const old = rowAt(slot);
    if (old.listed) for (const index of allIndexes) index.remove(old, slot);
    slots.delete(dossierId); // before the table forgets the row: the lookup reads its id
    table.remove(slot);
  }

  function commitSlots(changes: readonly SlotChange[], next: StoredCheckpoint): void {
    for (const { slot, dossierId, row } of changes) {
      if (row !== undefined) upsert(row, slot);
      else remove(dossierId, slot < 0 ? undefined : slot);
    }
    checkpoint = next;
  }

  function queryCandidates(query: RowQuery, sets: readonly (readonly number[])[]): RowQueryResult {
    const selector = createPageSelector(rowComparator(query.sort), query.offset, query.limit);
    let total = 0;
    for (const candidates of sets) {
      for (const slot of candidates) {
        const row = rowAt(slot);
        if (!row.listed) continue;
        if (!scopeAllows(query.scope, row) || !rowMatches(row, query.filters, query.terms)) continue;
        total += 1;
        selector.push(row);
      }
    }
    return { total, rows: selector.page() };
  }

  function querySync(query: RowQuery): RowQueryResult {
    const sets = candidatesOf(indexes, query);
    return sets === undefined ? scanRows(table, query) : queryCandidates(query, sets);
  }

  return {
    rows: () => view,
    commitSync,
    querySync,
    slotOf: (id) => slots.get(id) ?? -1,
    rowAt,
    commitSlots,
    readCheckpoint: async () => checkpoint,
    async getRows(ids) {
      const found = new Map<string, ListRow>();
      for (const id of ids) {
        const slot = slots.get(id);
        if (slot !== undefined) found.set(id, rowAt(slot));
      }
      return found;
    },
    commit: async (changes, next) => commitSync(changes, next),
    async reset(version) {
      slots.clear();
      table.clear();
      for (const index of allIndexes) index.clear();
      checkpoint = { version };
    },
    query: async (query) => querySync(query),
  };
}
