// A text sort value as two numbers that keep its order, so that a scan of a whole list ranks
// a row by comparing numbers it holds in typed arrays, not by reaching for the row's string.
// Each number encodes 7 characters in base 129: 0 = end of text, 1..127 = character code + 1
// (exact), 128 = any code from 127 up (lossy: what follows is not encoded). Equal numbers may
// still be different texts (longer than 14 characters, or lossy): the caller then compares
// the texts. Whenever a < b as text, encoded(a) <= encoded(b).

const BASE = 129;
const CHARS = 7;

/** Writes the two numbers of a text at `slot` of two arrays (no allocation: used per row change). */
export function writeSortKey(text: string, high: Float64Array, low: Float64Array, slot: number): void {
  let value = 0;
  let stopped = false;
  for (let i = 0; i < 2 * CHARS; i++) {
    let digit = 0;
    if (!stopped && i < text.length) {
      const code = text.charCodeAt(i);
      digit = code < 127 ? code + 1 : 128;
      if (digit === 128) stopped = true;
    }
    value = value * BASE + digit;
    if (i === CHARS - 1) {
      high[slot] = value;
      value = 0;
    }
  }
  low[slot] = value;
}

/** The two order-keeping numbers of a text (see above). */
export function sortKeyOf(text: string): readonly [number, number] {
  const high = new Float64Array(1);
  const low = new Float64Array(1);
  writeSortKey(text, high, low, 0);
  return [high[0], low[0]];
}
