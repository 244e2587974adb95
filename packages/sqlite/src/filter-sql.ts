import type { EventFilter } from '@cartes-badges/eventsourcing';

/** A WHERE fragment over the events table with its parameters, or `null` when nothing can match. */
export interface FilterSql {
  readonly where: string;
  readonly params: readonly string[];
}

/**
 * Turns a storage filter into SQL for a query that pages in global order. Stream prefixes
 * become range comparisons (`stream_id >= 'dossier-' AND stream_id < 'dossier.'`): they are
 * case-sensitive like `startsWith` and need no LIKE escaping.
 *
 * The fragment is written so that SQLite reads rows in position order and stops at the page's
 * LIMIT: `+column` keeps it off the (stream_id, version) index and, for several types, off the
 * type index, either of which would make it collect every matching row after the checkpoint and
 * sort them, for every page (quadratic over a catch-up). One type walks (type, global_position),
 * which is already in order. An empty list of prefixes or of types matches nothing, as in the
 * kernel's `matchesFilter`.
 */
export function filterToSql(filter: EventFilter | undefined): FilterSql | null {
  const clauses: string[] = [];
  const params: string[] = [];
  const prefixes =
    filter?.streamPrefix === undefined ? undefined : ([] as string[]).concat(filter.streamPrefix);
  if (prefixes !== undefined) {
    if (prefixes.length === 0) return null;
    // The empty prefix matches every stream: no clause at all.
    if (!prefixes.includes('')) {
      const ranges = prefixes.map((prefix) => {
        const upper = prefixUpperBound(prefix);
        params.push(prefix);
        if (upper === undefined) return '(+stream_id >= ?)';
        params.push(upper);
        return '(+stream_id >= ? AND +stream_id < ?)';
      });
      clauses.push(`(${ranges.join(' OR ')})`);
    }
  }
  const types = filter?.eventTypes;
  if (types !== undefined) {
    if (types.length === 0) return null;
    clauses.push(types.length === 1 ? 'type = ?' : `+type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  return { where: clauses.join(' AND '), params };
}

const MAX_CODE_POINT = 0x10ffff;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;

/**
 * The smallest string greater than every string that starts with `prefix`, in code point order
 * (which is SQLite's BINARY order over UTF-8): the prefix with its last code point incremented.
 * `undefined` when no such string exists (a prefix made only of U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as number;
    if (last < MAX_CODE_POINT) {
      const next = last + 1 === SURROGATES_START ? SURROGATES_END + 1 : last + 1;
      return String.fromCodePoint(...codePoints, next);
    }
  }
  return undefined;
}
