/**
 * Folds text for the simple search: lower case, accents removed, runs of anything that
 * is not a letter or a digit turned into one space, so that "Société" and "societe" meet and
 * "Carte chronotachygraphe (chrono)" is found by "chrono".
 */
export function normaliseSearchText(text: string): string {
  // Numbers and plain words (most of what is folded) need no Unicode work.
  if (/^[a-z0-9]+$/.test(text)) return text;
  if (/^[A-Za-z0-9]+$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The terms of a search: every term must be found in a row's search key. */
export function searchTerms(search: string | undefined): readonly string[] {
  if (search === undefined) return [];
  const normalised = normaliseSearchText(search);
  return normalised === '' ? [] : normalised.split(' ');
}
