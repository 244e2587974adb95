import { Interner } from './interner';
import type { ListRow } from './list-row';
import { writeSortKey } from './sort-key';

/** Slots per block of joined heads (2^10). */
export const HEAD_BLOCK_BITS = 10;

function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * The rows of a list in slots (a deleted row's slot is reused), with what a scan of the whole
 * list tests kept in typed arrays beside them: listed or not, status, card type, transmitted or
 * not, the search key as its head (the number, unique) and its interned tail (card type and
 * company, which repeat), and the number's sort key. A case manager's search reads these
 * arrays, not a million row objects; a row costs no object besides itself.
 */
export class RowTable {
  /** One past the highest slot in use. */
  end = 0;
  rows: (ListRow | undefined)[] = [];
  listed = new Uint8Array(1024);
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
  private free: number[] = [];
  /** Per block of slots, its heads joined (built when a search needs it, dropped on change). */
  private headBlocks: (string | undefined)[] = [];

  constructor() {
    this.tails.idOf('');
  }

  /** Puts a new row in a slot and gives the slot. */
  add(row: ListRow): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.end++;
      if (slot === this.listed.length) this.grow(slot * 2);
    }
    this.rows[slot] = row;
    this.write(slot, row, undefined);
    return slot;
  }

  /** Replaces the row in a slot. */
  replace(slot: number, row: ListRow): void {
    const old = this.rows[slot] as ListRow;
    this.rows[slot] = row;
    this.write(slot, row, old);
  }

  remove(slot: number): void {
    this.rows[slot] = undefined;
    this.listed[slot] = 0;
    this.heads[slot] = '';
    this.headBlocks[slot >> HEAD_BLOCK_BITS] = undefined;
    this.free.push(slot);
  }

  clear(): void {
    this.end = 0;
    this.rows = [];
    this.heads = [];
    this.free = [];
    this.headBlocks = [];
    this.listed.fill(0);
    this.statuses.clear();
    this.cardTypes.clear();
    this.tails.clear();
    this.tails.idOf('');
    this.headCharacters.fill(0);
  }

  /**
   * Per block of slots, whether any head in it may hold `term` (false: none does). A search for
   * a number then reads only the few blocks where it occurs, not every row's head.
   */
  blocksWithHead(term: string): Uint8Array {
    const count = (this.end >> HEAD_BLOCK_BITS) + 1;
    const found = new Uint8Array(count);
    for (let block = 0; block < count; block++) {
      let joined = this.headBlocks[block];
      if (joined === undefined) {
        const from = block << HEAD_BLOCK_BITS;
        joined = this.heads.slice(from, Math.min(this.end, from + (1 << HEAD_BLOCK_BITS))).join('\n');
        this.headBlocks[block] = joined;
      }
      found[block] = joined.includes(term) ? 1 : 0;
    }
    return found;
  }

  private write(slot: number, row: ListRow, old: ListRow | undefined): void {
    this.listed[slot] = row.listed ? 1 : 0;
    if (old === undefined || old.status !== row.status) this.status[slot] = this.statuses.idOf(row.status);
    if (old === undefined || old.cardTypeCode !== row.cardTypeCode)
      this.cardType[slot] = this.cardTypes.idOf(row.cardTypeCode);
    this.transmitted[slot] = row.transmittedAt === null ? 0 : 1;
    if (old === undefined || old.searchKey !== row.searchKey) {
      const key = row.searchKey;
      const space = key.indexOf(' ');
      const head = space === -1 ? key : key.slice(0, space);
      this.heads[slot] = head;
      this.headBlocks[slot >> HEAD_BLOCK_BITS] = undefined;
      this.tail[slot] = space === -1 ? 0 : this.tails.idOf(key.slice(space + 1));
      for (let i = 0; i < head.length; i++) this.headCharacters[head.charCodeAt(i)] = 1;
    }
    if (old === undefined || old.numberKey !== row.numberKey) {
      writeSortKey(row.numberKey, this.sortHigh, this.sortLow, slot);
    }
  }

  private grow(capacity: number): void {
    this.listed = grown(this.listed, capacity);
    this.status = grown(this.status, capacity);
    this.cardType = grown(this.cardType, capacity);
    this.transmitted = grown(this.transmitted, capacity);
    this.tail = grown(this.tail, capacity);
    this.sortHigh = grown(this.sortHigh, capacity);
    this.sortLow = grown(this.sortLow, capacity);
  }
}
