// Dossier id → slot for a million rows. A Map keyed by strings costs about a microsecond a
// lookup at that size (the id is a new string each batch: hashed, then compared through several
// scattered objects); this table hashes the id once, probes one typed array where each cell holds
// a slot and its id's full hash side by side (linear probing: one cache line for most lookups),
// and compares only the id of a row whose hash matched.

const EMPTY = -1;

/** A string hash (FNV-1a over UTF-16 code units), never negative. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 1;
}

/**
 * The slots of a row table by dossier id, an open-addressing hash table over a typed array. It
 * holds no strings: the id of a slot is read from the table's rows (`idAt`).
 */
export class IdSlots {
  size = 0;
  /** Cells - 1 (the cell count is a power of two). */
  private mask: number;
  /** Per cell: [slot or EMPTY, hash of the slot's id]. */
  private cells: Int32Array;

  constructor(
    private readonly idAt: (slot: number) => string,
    capacity = 1024,
  ) {
    this.mask = capacity - 1;
    this.cells = IdSlots.emptyCells(capacity);
  }

  /** The slot of an id, or undefined. */
  get(id: string): number | undefined {
    const at = this.cellOf(id, hashOf(id));
    return at < 0 ? undefined : this.cells[at * 2];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Records the slot of an id that has none (an id that has one is a caller's bug: it throws). */
  set(id: string, slot: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const hash = hashOf(id);
    const { cells, mask } = this;
    let at = hash & mask;
    for (; cells[at * 2] !== EMPTY; at = (at + 1) & mask)
      if (cells[at * 2 + 1] === hash && this.idAt(cells[at * 2]) === id)
        throw new Error(`Row table: dossier ${id} already has a slot`);
    cells[at * 2] = slot;
    cells[at * 2 + 1] = hash;
    this.size += 1;
  }

  delete(id: string): void {
    const found = this.cellOf(id, hashOf(id));
    if (found < 0) return;
    const { cells, mask } = this;
    this.size -= 1;
    // Backward shift: move up each later entry of the run that may sit in the freed place.
    let hole = found;
    for (let next = (hole + 1) & mask; cells[next * 2] !== EMPTY; next = (next + 1) & mask) {
      const home = cells[next * 2 + 1] & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        cells[hole * 2] = cells[next * 2];
        cells[hole * 2 + 1] = cells[next * 2 + 1];
        hole = next;
      }
    }
    cells[hole * 2] = EMPTY;
  }

  clear(): void {
    this.cells = IdSlots.emptyCells(this.mask + 1);
    this.size = 0;
  }

  /** Every [id, slot], in table order. */
  *entries(): Generator<[string, number]> {
    for (let at = 0; at <= this.mask; at++) {
      const slot = this.cells[at * 2];
      if (slot !== EMPTY) yield [this.idAt(slot), slot];
    }
  }

  /** The cell holding an id, or -1. */
  private cellOf(id: string, hash: number): number {
    const { cells, mask } = this;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = cells[at * 2];
      if (slot === EMPTY) return -1;
      if (cells[at * 2 + 1] === hash && this.idAt(slot) === id) return at;
    }
  }

  private grow(): void {
    const old = this.cells;
    const capacity = (this.mask + 1) * 2;
    this.cells = IdSlots.emptyCells(capacity);
    this.mask = capacity - 1;
    const { cells, mask } = this;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === EMPTY) continue;
      let at = old[from + 1] & mask;
      while (cells[at * 2] !== EMPTY) at = (at + 1) & mask;
      cells[at * 2] = old[from];
      cells[at * 2 + 1] = old[from + 1];
    }
  }

  private static emptyCells(capacity: number): Int32Array {
    const cells = new Int32Array(capacity * 2);
    for (let at = 0; at < cells.length; at += 2) cells[at] = EMPTY;
    return cells;
  }
}
