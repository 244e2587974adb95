import type { ListRow } from './list-row';

/** The rows of a read model, as a read-only map by dossier id (no copy). */
export class RowsView implements ReadonlyMap<string, ListRow> {
  constructor(
    private readonly slots: ReadonlyMap<string, number>,
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
    for (const [id, slot] of this.slots) callback(this.rowAt(slot), id, this);
  }

  *entries(): MapIterator<[string, ListRow]> {
    for (const [id, slot] of this.slots) yield [id, this.rowAt(slot)];
  }

  keys(): MapIterator<string> {
    return this.slots.keys();
  }

  *values(): MapIterator<ListRow> {
    for (const slot of this.slots.values()) yield this.rowAt(slot);
  }

  [Symbol.iterator](): MapIterator<[string, ListRow]> {
    return this.entries();
  }
}
