import type { ListRow, RowQuery, RowQueryResult } from '@cartes-badges/domain';
import type { RowTable } from './row-table';
import { HEAD_BLOCK_BITS } from './row-table';
import { rowComparator, rowMatches, scopeAllows, statesOf } from '@cartes-badges/domain';
import { createPageSelector } from './select-page';

/** How one search term is tested against the table (see RowTable). */
interface TermTest {
  readonly term: string;
  /** By tail id: whether the term is in that tail; undefined for a term with a space. */
  readonly inTail: Uint8Array | undefined;
  /** Whether the term could be in a head at all (all its characters were seen in heads). */
  readonly inHeads: boolean;
}

// A term without a space is in "head tail" exactly when it is in the head or in the tail. The
// tails repeat, so the term is looked for once per distinct tail, and a row costs a lookup.
function termTest(table: RowTable, term: string): TermTest {
  if (term.includes(' ')) return { term, inTail: undefined, inHeads: true };
  const inTail = table.tailMatches(term);
  let inHeads = true;
  for (let i = 0; i < term.length && inHeads; i++) inHeads = table.headCharacters[term.charCodeAt(i)] === 1;
  return { term, inTail, inHeads };
}

const NO_ROWS: RowQueryResult = { total: 0, rows: [] };

/** The order of a query over table positions: by the numbers' sort keys first when sorted by number. */
function positionComparator(table: RowTable, query: RowQuery): (a: number, b: number) => number {
  const compareRows = rowComparator(query.sort);
  const { rows } = table;
  const rowAt = (position: number): ListRow => rows[position] as ListRow;
  if (query.sort.by !== 'number') return (a, b) => compareRows(rowAt(a), rowAt(b));
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const { sortHigh, sortLow } = table;
  return (a, b) => {
    let d = sortHigh[a] - sortHigh[b];
    if (d === 0) d = sortLow[a] - sortLow[b];
    if (d !== 0) return d < 0 ? -sign : sign;
    return compareRows(rowAt(a), rowAt(b));
  };
}

/**
 * Answers a query over a whole list (no establishment, company or provider to start from): one
 * pass over the row table's arrays, with the state, card type and search terms compiled into
 * array look-ups; rows are only read for the rarer filters (number, dates) and to rank ties. The
 * total is exact; only the requested page is kept (bounded heap).
 */
export function scanRows(table: RowTable, query: RowQuery): RowQueryResult {
  const { scope, filters } = query;
  const { rows, listed, status, cardType, transmitted, tail } = table;
  const end = table.end;
  const selector = createPageSelector(positionComparator(table, query), query.offset, query.limit);
  let total = 0;

  let statusOk: Uint8Array | undefined;
  const states = statesOf(filters);
  if (states !== undefined) {
    statusOk = new Uint8Array(table.statuses.values.length);
    for (const state of states) {
      const id = table.statuses.find(state);
      if (id !== -1) statusOk[id] = 1;
    }
  }
  const wantedCardType = filters.cardType === undefined ? -1 : table.cardTypes.find(filters.cardType);
  if (filters.cardType !== undefined && wantedCardType === -1) return NO_ROWS;
  const tests = query.terms.map((term) => termTest(table, term));
  // Terms only ever found in tails fold into one mask: a row then costs one look-up for all.
  const tailOnly = tests.filter((test) => test.inTail !== undefined && !test.inHeads);
  let tailMask: Uint8Array | undefined;
  if (tailOnly.length > 0) {
    tailMask = (tailOnly[0].inTail as Uint8Array).slice();
    for (const test of tailOnly.slice(1)) {
      const inTail = test.inTail as Uint8Array;
      for (let id = 0; id < tailMask.length; id++) tailMask[id] &= inTail[id];
    }
  }
  const others = tests.filter((test) => !tailOnly.includes(test));
  const blocks = others.map((test) =>
    test.inTail !== undefined ? table.blocksWithHead(test.term) : undefined,
  );
  const otherCount = others.length;
  // Scopes with a narrower start (employer, provider) and the rarer filters read the row itself.
  const onlyTransmitted = scope.kind === 'caseManager';
  const checkScope = scope.kind === 'employer' || scope.kind === 'provider';
  const checkRow =
    checkScope ||
    filters.siret !== undefined ||
    filters.siren !== undefined ||
    filters.number !== undefined ||
    filters.createdFrom !== undefined ||
    filters.createdTo !== undefined ||
    filters.transmittedFrom !== undefined ||
    filters.transmittedTo !== undefined;
  // Sorted by number, a row whose first sort number ranks after the page's last row is left out
  // without a call (the common case once the page is full).
  const byNumber = query.sort.by === 'number';
  const descending = query.sort.direction === 'desc';
  const { sortHigh } = table;

  scan: for (let i = 0; i < end; i++) {
    if (listed[i] === 0) continue;
    if (onlyTransmitted && transmitted[i] === 0) continue;
    if (statusOk !== undefined && statusOk[status[i]] === 0) continue;
    if (wantedCardType !== -1 && cardType[i] !== wantedCardType) continue;
    if (tailMask !== undefined && tailMask[tail[i]] === 0) continue;
    for (let t = 0; t < otherCount; t++) {
      const test = others[t];
      if (test.inTail === undefined) {
        if (!(rows[i] as ListRow).searchKey.includes(test.term)) continue scan;
      } else if (
        test.inTail[tail[i]] === 0 &&
        !(
          (blocks[t] as Uint8Array)[i >> HEAD_BLOCK_BITS] === 1 &&
          (rows[i] as ListRow).searchKey.includes(test.term)
        )
      )
        continue scan;
    }
    if (checkRow) {
      const row = rows[i] as ListRow;
      if (!scopeAllows(scope, row) || !rowMatches(row, filters, [])) continue;
    }
    total += 1;
    if (byNumber) {
      const worst = selector.worst();
      if (worst !== undefined && (descending ? sortHigh[i] < sortHigh[worst] : sortHigh[i] > sortHigh[worst]))
        continue;
    }
    selector.push(i);
  }
  return { total, rows: selector.page().map((position) => rows[position] as ListRow) };
}
