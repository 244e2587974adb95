import { unstorableIndex } from '@cartes-badges/eventsourcing';

// Texts as a user sees them: how long they are, how they are echoed back in a message, and
// which characters no store can keep. Every text check of the library goes through here, so
// that "15 saisis" means 15 for every field and no message ever repeats a huge input.

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

// ICU's segmenter costs time in proportion to the whole string at each step (a 10 MB string
// takes seconds for its first thousand characters), so it only ever sees a bounded prefix.
// 8,192 UTF-16 units hold more than 1,000 characters of any real text, emoji included.
const COUNTED_UNITS = 8192;

/** How many characters of a message echo a received text (`ECHO_LIMIT` characters, then "…"). */
export const ECHO_LIMIT = 80;

/** The first `limit` characters as a user sees them (grapheme clusters), and whether the text goes on. */
function leadingCharacters(text: string, limit: number): { readonly count: number; readonly end: number } {
  const prefix = text.length > COUNTED_UNITS ? text.slice(0, COUNTED_UNITS) : text;
  let count = 0;
  let end = 0;
  for (const { index, segment } of graphemes.segment(prefix)) {
    if (count === limit) break;
    // A pair of surrogates cut by the prefix is not a character of the text: stop before it.
    if (prefix !== text && index + segment.length === prefix.length) break;
    count++;
    end = index + segment.length;
  }
  return { count, end };
}

/**
 * The number of characters of `text` as a user sees them: grapheme clusters, so that an emoji,
 * a flag or a letter with its accent count as one (UTF-16 would count 😀 as 2). `undefined`
 * when the text is too long to be counted cheaply (over 8,192 UTF-16 units): longer, in any
 * case, than any field of the library allows.
 */
export function characterCount(text: string): number | undefined {
  if (text.length > COUNTED_UNITS) return undefined;
  return leadingCharacters(text, Number.POSITIVE_INFINITY).count;
}

/** True when `text` has more than `max` characters as a user sees them (see `characterCount`). */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false; // a character is at least one UTF-16 unit
  const { count, end } = leadingCharacters(text, max + 1);
  return count > max || end < text.length;
}

/** "(N saisis)" for a too-long text, counted as `characterCount` does. */
export function enteredLength(text: string, max: number): string {
  const count = characterCount(text);
  return count === undefined ? `plus de ${max} saisis` : `${count} saisis`;
}

/**
 * A received text as a message may echo it: at most `ECHO_LIMIT` characters (never cutting
 * one in two), then "…". An error about a 10 MB input stays a one-line message.
 */
export function echoText(text: string, limit: number = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  const { end } = leadingCharacters(text, limit);
  return end < text.length ? `${text.slice(0, end)}…` : text;
}

/**
 * Why `text` cannot be stored as it is, in French, or `undefined` when it can: it holds the
 * NUL character (U+0000) or half of a surrogate pair (text that is not valid Unicode), which
 * no store keeps unchanged (see the kernel's `unstorableIndex`).
 */
export function unstorableCharacter(text: string): string | undefined {
  const index = unstorableIndex(text);
  if (index === -1) return undefined;
  const where = `en position ${(characterCount(text.slice(0, index)) ?? index) + 1}`;
  const unit = text.charCodeAt(index);
  return unit === 0
    ? `caractère nul (U+0000) interdit ${where}`
    : `texte mal encodé : demi-caractère isolé (U+${unit.toString(16).toUpperCase()}) ${where}`;
}
