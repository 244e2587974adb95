import type { ListRow } from './list-row';
import type { RowEntry } from './listed-table';

/** The rows of a read model's entries, as a read-only map by dossier id (no copy). */
export class RowsView implements ReadonlyMap<string, ListRow> {
  constructor(private readonly byId: ReadonlyMap<string, RowEntry>) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ListRow | undefined {
    return this.byId.get(id)?.row;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  forEach(callback: (row: ListRow, id: string, map: ReadonlyMap<string, ListRow>) => void): void {
    for (const [id, entry] of this.byId) callback(entry.row, id, this);
  }

  *entries(): MapIterator<[string, ListRow]> {
    for (const [id, entry] of this.byId) yield [id, entry.row];
  }

  keys(): MapIterator<string> {
    return this.byId.keys();
  }

  *values(): MapIterator<ListRow> {
    for (const entry of this.byId.values()) yield entry.row;
  }

  [Symbol.iterator](): MapIterator<[string, ListRow]> {
    return this.entries();
  }
}
