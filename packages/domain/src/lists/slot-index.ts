import type { ListRow } from './list-row';

/** A secondary index of a row table: key → slots of the listed rows that have it. */
export class SlotIndex {
  private readonly postings = new Map<string, Set<number>>();

  constructor(readonly keyOf: (row: ListRow) => string | null) {}

  add(row: ListRow, slot: number): void {
    const key = this.keyOf(row);
    if (key === null) return;
    let slots = this.postings.get(key);
    if (slots === undefined) this.postings.set(key, (slots = new Set()));
    slots.add(slot);
  }

  remove(row: ListRow, slot: number): void {
    const key = this.keyOf(row);
    if (key === null) return;
    const slots = this.postings.get(key);
    if (slots === undefined) return;
    slots.delete(slot);
    if (slots.size === 0) this.postings.delete(key);
  }

  /** The slots under a key (empty when none). */
  get(key: string): ReadonlySet<number> {
    return this.postings.get(key) ?? EMPTY;
  }

  clear(): void {
    this.postings.clear();
  }
}

const EMPTY: ReadonlySet<number> = new Set();
