import type { ListRow } from '@cartes-badges/domain';

/**
 * A secondary index of a row table: key → slots of the listed rows that have it. Each key holds
 * a plain array of slots, and each slot remembers where it sits in its key's array, so adding
 * is a push and removing a swap with the last one: no hashing of slots.
 */
export class SlotIndex {
  private readonly postings = new Map<string, number[]>();
  /** By slot: its place in its key's array. */
  private places = new Int32Array(1024);

  constructor(readonly keyOf: (row: ListRow) => string | null) {}

  add(row: ListRow, slot: number): void {
    const key = this.keyOf(row);
    if (key === null) return;
    let slots = this.postings.get(key);
    if (slots === undefined) this.postings.set(key, (slots = []));
    if (slot >= this.places.length) {
      const places = new Int32Array(Math.max(slot + 1, this.places.length * 2));
      places.set(this.places);
      this.places = places;
    }
    this.places[slot] = slots.length;
    slots.push(slot);
  }

  remove(row: ListRow, slot: number): void {
    const key = this.keyOf(row);
    if (key === null) return;
    const slots = this.postings.get(key);
    if (slots === undefined) return;
    const place = this.places[slot];
    const last = slots.pop() as number;
    if (last !== slot) {
      slots[place] = last;
      this.places[last] = place;
    }
    if (slots.length === 0) this.postings.delete(key);
  }

  /** The slots under a key (empty when none). */
  get(key: string): readonly number[] {
    return this.postings.get(key) ?? EMPTY;
  }

  clear(): void {
    this.postings.clear();
  }
}

const EMPTY: readonly number[] = [];
