// A text sort value as two numbers that keep its order, so that a scan of a whole list ranks
// a row by comparing numbers it holds in typed arrays, not by reaching for the row's string.
// Each number encodes 7 characters in base 129: 0 = end of text, 1..127 = character code + 1
// (exact), 128 = any code from 127 up (lossy: what follows is not encoded). Equal numbers may
// still be different texts (longer than 14 characters, or lossy): the caller then compares
// the texts. Whenever a < b as text, encoded(a) <= encoded(b).

const BASE = 129;
const CHARS = 7;

/** Encodes characters [from, from + 7) of `text`; `stopped` when a lossy character was met. */
function encode(text: string, from: number): { value: number; stopped: boolean } {
  let value = 0;
  let stopped = false;
  for (let i = from; i < from + CHARS; i++) {
    let digit = 0;
    if (!stopped && i < text.length) {
      const code = text.charCodeAt(i);
      digit = code < 127 ? code + 1 : 128;
      if (digit === 128) stopped = true;
    }
    value = value * BASE + digit;
  }
  return { value, stopped };
}

/** The two order-keeping numbers of a text (see above). */
export function sortKeyOf(text: string): readonly [number, number] {
  const high = encode(text, 0);
  return [high.value, high.stopped ? 0 : encode(text, CHARS).value];
}
