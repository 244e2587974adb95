import { Interner } from './interner';
import type { ListRow } from './list-row';
import { sortKeyOf } from './sort-key';

/** A row kept by the in-memory read model, and where it sits in the listed table (-1: unlisted). */
export interface RowEntry {
  row: ListRow;
  position: number;
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * The listed rows of a list, packed densely (a row leaving swaps the last one into its place),
 * with what a scan of the whole list tests kept in typed arrays beside them: status, card type,
 * transmitted or not, the search key as its head (the number, unique) and its interned tail
 * (card type and company, which repeat), and the number's sort key. A case manager's search
 * reads these arrays, not a million row objects.
 */
export class ListedTable {
  size = 0;
  entries: (RowEntry | undefined)[] = [];
  status = new Uint8Array(1024);
  cardType = new Int32Array(1024);
  transmitted = new Uint8Array(1024);
  tail = new Int32Array(1024);
  heads: string[] = [];
  sortHigh = new Float64Array(1024);
  sortLow = new Float64Array(1024);
  readonly statuses = new Interner();
  readonly cardTypes = new Interner();
  /** Search key tails ('' is id 0: a key with no space has no tail). */
  readonly tails = new Interner();
  /** Every character any head ever held: a term with another one cannot be in a head. */
  readonly headCharacters = new Uint8Array(65536);

  constructor() {
    this.tails.idOf('');
  }

  add(entry: RowEntry): void {
    const position = this.size++;
    if (position === this.status.length) this.grow(position * 2);
    this.entries[position] = entry;
    entry.position = position;
    this.write(position, entry.row, undefined);
  }

  /** Rewrites a listed entry's columns after its row changed from `old`. */
  update(entry: RowEntry, old: ListRow): void {
    this.write(entry.position, entry.row, old);
  }

  remove(entry: RowEntry): void {
    const position = entry.position;
    const last = --this.size;
    if (position !== last) {
      const moved = this.entries[last] as RowEntry;
      this.entries[position] = moved;
      moved.position = position;
      this.status[position] = this.status[last];
      this.cardType[position] = this.cardType[last];
      this.transmitted[position] = this.transmitted[last];
      this.tail[position] = this.tail[last];
      this.heads[position] = this.heads[last];
      this.sortHigh[position] = this.sortHigh[last];
      this.sortLow[position] = this.sortLow[last];
    }
    this.entries[last] = undefined;
    this.heads[last] = '';
    entry.position = -1;
  }

  clear(): void {
    this.size = 0;
    this.entries = [];
    this.heads = [];
    this.statuses.clear();
    this.cardTypes.clear();
    this.tails.clear();
    this.tails.idOf('');
    this.headCharacters.fill(0);
  }

  private write(position: number, row: ListRow, old: ListRow | undefined): void {
    this.status[position] = this.statuses.idOf(row.status);
    this.cardType[position] = this.cardTypes.idOf(row.cardTypeCode);
    this.transmitted[position] = row.transmittedAt === null ? 0 : 1;
    if (old === undefined || old.searchKey !== row.searchKey) {
      const key = row.searchKey;
      const space = key.indexOf(' ');
      const head = space === -1 ? key : key.slice(0, space);
      this.heads[position] = head;
      this.tail[position] = space === -1 ? 0 : this.tails.idOf(key.slice(space + 1));
      for (let i = 0; i < head.length; i++) this.headCharacters[head.charCodeAt(i)] = 1;
    }
    if (old === undefined || old.numberKey !== row.numberKey) {
      const [high, low] = sortKeyOf(row.numberKey);
      this.sortHigh[position] = high;
      this.sortLow[position] = low;
    }
  }

  private grow(capacity: number): void {
    this.status = grown(this.status, capacity);
    this.cardType = grown(this.cardType, capacity);
    this.transmitted = grown(this.transmitted, capacity);
    this.tail = grown(this.tail, capacity);
    this.sortHigh = grown(this.sortHigh, capacity);
    this.sortLow = grown(this.sortLow, capacity);
  }
}
