// Dossier id → slot for a million rows. A Map keyed by strings costs about a microsecond a
// lookup at that size (the id is a new string each batch: hashed, then compared through several
// scattered objects); this table hashes the id once, probes two typed arrays (slot and full
// hash side by side, linear probing) and compares only the id of a row whose hash matched.

const EMPTY = -1;

/** A string hash (FNV-1a over UTF-16 code units), never negative. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 1;
}

/**
 * The slots of a row table by dossier id, an open-addressing hash table over typed arrays. It
 * holds no strings: the id of a slot is read from the table's rows (`idAt`).
 */
export class IdSlots {
  size = 0;
  private mask: number;
  private slots: Int32Array;
  private hashes: Int32Array;

  constructor(
    private readonly idAt: (slot: number) => string,
    capacity = 1024,
  ) {
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.hashes = new Int32Array(capacity);
  }

  /** The slot of an id, or undefined. */
  get(id: string): number | undefined {
    const hash = hashOf(id);
    const { slots, hashes, mask } = this;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === EMPTY) return undefined;
      if (hashes[at] === hash && this.idAt(slot) === id) return slot;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Records the slot of an id that has none. */
  set(id: string, slot: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.place(hashOf(id), slot);
    this.size += 1;
  }

  delete(id: string): void {
    const hash = hashOf(id);
    const { slots, hashes, mask } = this;
    let at = hash & mask;
    for (; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === EMPTY) return;
      if (hashes[at] === hash && this.idAt(slot) === id) break;
    }
    this.size -= 1;
    // Backward shift: move up each later entry of the run that may sit in the freed place.
    let hole = at;
    for (let next = (hole + 1) & mask; slots[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hashes[next] & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        slots[hole] = slots[next];
        hashes[hole] = hashes[next];
        hole = next;
      }
    }
    slots[hole] = EMPTY;
  }

  clear(): void {
    this.slots.fill(EMPTY);
    this.size = 0;
  }

  /** Every [id, slot], in table order. */
  *entries(): Generator<[string, number]> {
    for (const slot of this.slots) if (slot !== EMPTY) yield [this.idAt(slot), slot];
  }

  private place(hash: number, slot: number): void {
    const { slots, hashes, mask } = this;
    let at = hash & mask;
    while (slots[at] !== EMPTY) at = (at + 1) & mask;
    slots[at] = slot;
    hashes[at] = hash;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2).fill(EMPTY);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let at = 0; at < slots.length; at++) if (slots[at] !== EMPTY) this.place(hashes[at], slots[at]);
  }
}
