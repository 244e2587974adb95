import { Interner } from './interner';
import type { ListRow } from '@cartes-badges/domain';
import { writeSortKey } from './sort-key';

const TAIL_MATCH_CACHE_MAX = 64;

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
 * not, the search key's interned tail (after its first space: card type and company, which
 * repeat), and the number's sort key. The search key's head (the number, unique) is searched
 * through blocks of joined keys. A case manager's search reads these
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
  sortHigh = new Float64Array(1024);
  sortLow = new Float64Array(1024);
  readonly statuses = new Interner();
  readonly cardTypes = new Interner();
  /** Search key tails ('' is id 0: a key with no space has no tail). */
  readonly tails = new Interner();
  /** Every character any head ever held: a term with another one cannot be in a head. */
  readonly headCharacters = new Uint8Array(65536);
  private free: number[] = [];
  /** Recent search terms: by tail id, whether the term is in that tail (tails are only added). */
  private tailMatchCache = new Map<string, Uint8Array>();
  /** Per block of slots, its listed rows' search keys joined (built when a search needs it, dropped on change). */
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
    this.headBlocks[slot >> HEAD_BLOCK_BITS] = undefined;
    this.free.push(slot);
  }

  clear(): void {
    this.end = 0;
    this.rows = [];
    this.free = [];
    this.headBlocks = [];
    this.tailMatchCache.clear();
    this.listed.fill(0);
    this.statuses.clear();
    this.cardTypes.clear();
    this.tails.clear();
    this.tails.idOf('');
    this.headCharacters.fill(0);
  }

  /**
   * By tail id, whether `term` is in that tail. Tails repeat and only ever get added, so the
   * answer for recent terms is kept and only extended to tails interned since.
   */
  tailMatches(term: string): Uint8Array {
    const tails = this.tails.values;
    const cached = this.tailMatchCache.get(term);
    if (cached !== undefined && cached.length === tails.length) return cached;
    const matches = new Uint8Array(tails.length);
    const from = cached === undefined ? 0 : cached.length;
    if (cached !== undefined) matches.set(cached);
    for (let id = from; id < tails.length; id++) matches[id] = tails[id].includes(term) ? 1 : 0;
    if (this.tailMatchCache.size >= TAIL_MATCH_CACHE_MAX) this.tailMatchCache.clear();
    this.tailMatchCache.set(term, matches);
    return matches;
  }

  /**
   * Per block of slots, whether any listed row's search key in it may hold `term` (false: none
   * does). A search for a number then reads only the few blocks where it occurs, not every row.
   */
  blocksWithHead(term: string): Uint8Array {
    const count = (this.end >> HEAD_BLOCK_BITS) + 1;
    const found = new Uint8Array(count);
    for (let block = 0; block < count; block++) {
      let joined = this.headBlocks[block];
      if (joined === undefined) {
        const from = block << HEAD_BLOCK_BITS;
        const keys: string[] = [];
        for (let slot = from; slot < Math.min(this.end, from + (1 << HEAD_BLOCK_BITS)); slot++)
          if (this.listed[slot] === 1) keys.push((this.rows[slot] as ListRow).searchKey);
        joined = keys.join('\n');
        this.headBlocks[block] = joined;
      }
      found[block] = joined.includes(term) ? 1 : 0;
    }
    return found;
  }

  // Columns are only kept for listed rows: a row kept unlisted (a draft in the Dossiers list)
  // costs no search or sort work until it shows.
  private write(slot: number, row: ListRow, old: ListRow | undefined): void {
    if (!row.listed) {
      if (this.listed[slot] === 1) this.headBlocks[slot >> HEAD_BLOCK_BITS] = undefined;
      this.listed[slot] = 0;
      return;
    }
    const valid = old !== undefined && old.listed;
    this.listed[slot] = 1;
    if (!valid || old.status !== row.status) this.status[slot] = this.statuses.idOf(row.status);
    if (!valid || old.cardTypeCode !== row.cardTypeCode)
      this.cardType[slot] = this.cardTypes.idOf(row.cardTypeCode);
    this.transmitted[slot] = row.transmittedAt === null ? 0 : 1;
    if (!valid || old.searchKey !== row.searchKey) {
      const key = row.searchKey;
      let space = 0;
      for (; space < key.length; space++) {
        const code = key.charCodeAt(space);
        if (code === 32) break;
        this.headCharacters[code] = 1;
      }
      this.tail[slot] = space === key.length ? 0 : this.tails.idOf(key.slice(space + 1));
      this.headBlocks[slot >> HEAD_BLOCK_BITS] = undefined;
    }
    if (!valid || old.numberKey !== row.numberKey)
      writeSortKey(row.numberKey, this.sortHigh, this.sortLow, slot);
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
