import type { ListRow } from '@cartes-badges/domain';

/** Where the rows sit, by dossier id. */
interface SlotsById {
  readonly size: number;
  get(id: string): number | undefined;
  has(id: string): boolean;
  entries(): Iterable<[string, number]>;
}

/** The rows of a read model, as a read-only map by dossier id (no copy). */
export class RowsView implements ReadonlyMap<string, ListRow> {
  constructor(
    private readonly slots: SlotsById,
    private readonly rowAt: (slot: number) => ListRow,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  get(id: string): ListRow | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.rowAt(slot);
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  forEach(callback: (row: ListRow, id: string, map: ReadonlyMap<string, ListRow>) => void): void {
    for (const [id, slot] of this.slots.entries()) callback(this.rowAt(slot), id, this);
  }

  *entries(): MapIterator<[string, ListRow]> {
    for (const [id, slot] of this.slots.entries()) yield [id, this.rowAt(slot)];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.slots.entries()) yield id;
  }

  *values(): MapIterator<ListRow> {
    for (const [, slot] of this.slots.entries()) yield this.rowAt(slot);
  }

  [Symbol.iterator](): MapIterator<[string, ListRow]> {
    return this.entries();
  }
}
