import type { ListRow } from './list-row';

/** A secondary index: key → ids of the listed rows that have it. */
export class RowIndex {
  private readonly postings = new Map<string, Set<string>>();

  constructor(readonly keyOf: (row: ListRow) => string | null) {}

  add(row: ListRow): void {
    const key = this.keyOf(row);
    if (key === null) return;
    let ids = this.postings.get(key);
    if (ids === undefined) this.postings.set(key, (ids = new Set()));
    ids.add(row.dossierId);
  }

  remove(row: ListRow): void {
    const key = this.keyOf(row);
    if (key === null) return;
    const ids = this.postings.get(key);
    if (ids === undefined) return;
    ids.delete(row.dossierId);
    if (ids.size === 0) this.postings.delete(key);
  }

  /** The ids under a key (empty when none). */
  get(key: string): ReadonlySet<string> {
    return this.postings.get(key) ?? EMPTY;
  }

  clear(): void {
    this.postings.clear();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The indexes of a list: by establishment, company, provider, state and card type. */
export function createRowIndexes() {
  return {
    siret: new RowIndex((row) => row.siret),
    siren: new RowIndex((row) => row.siren),
    providerSiren: new RowIndex((row) => row.providerSiren),
    status: new RowIndex((row) => row.status),
    cardType: new RowIndex((row) => row.cardTypeCode),
  };
}
/** The indexes of a list. */
export type RowIndexes = ReturnType<typeof createRowIndexes>;

/** Whether a row change moves it within any index (most changes touch none: cheap updates). */
export function sameIndexKeys(a: ListRow, b: ListRow): boolean {
  return (
    a.listed === b.listed &&
    a.status === b.status &&
    a.siret === b.siret &&
    a.providerSiren === b.providerSiren &&
    a.cardTypeCode === b.cardTypeCode
  );
}
