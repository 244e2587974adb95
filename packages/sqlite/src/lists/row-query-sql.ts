import type { ListSort, RowQuery } from '@cartes-badges/domain';
import { statesOf } from '@cartes-badges/domain';

/** A row query as SQLite text: the WHERE clause, its parameters, and the ORDER BY. */
export interface RowQuerySql {
  readonly where: string;
  readonly params: (string | number)[];
  readonly orderBy: string;
}

const SORT_COLUMN: Record<ListSort['by'], string> = {
  number: 'number_key',
  created: 'created_at',
  updated: 'updated_at',
  transmitted: 'transmitted_key',
};

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/**
 * Translates a query to SQL with the in-memory model's semantics (`scopeAllows`, `rowMatches`,
 * `rowComparator`): only listed rows; scope; exact filters; the number as an upper-cased prefix;
 * dates compared on their day; each search term a substring of the search key (`instr`, exact
 * like `includes`: the key and the terms are already folded); ties broken by dossier id.
 */
export function rowQuerySql(query: RowQuery): RowQuerySql {
  // `listed = 1` is written literally so that the partial indexes apply.
  const clauses: string[] = ['listed = 1'];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    clauses.push(clause);
    params.push(...values);
  };
  const { scope, filters } = query;
  switch (scope.kind) {
    case 'employer':
      add("status <> 'removed'");
      if (scope.sirets.length === 0) add('0');
      else add(`siret IN (${placeholders(scope.sirets.length)})`, ...scope.sirets);
      break;
    case 'provider':
      add('provider_siren = ?', scope.siren);
      break;
    case 'caseManager':
      add('transmitted_at IS NOT NULL');
      break;
    case 'system':
      break;
  }
  if (filters.cardType !== undefined) add('card_type_code = ?', filters.cardType);
  if (filters.siret !== undefined) add('siret = ?', filters.siret);
  if (filters.siren !== undefined) add('siren = ?', filters.siren);
  const states = statesOf(filters);
  if (states !== undefined) {
    if (states.length === 0) add('0');
    else add(`status IN (${placeholders(states.length)})`, ...states);
  }
  if (filters.number !== undefined) add('instr(number_upper, ?) = 1', filters.number.trim().toUpperCase());
  dayRange('created_at', filters.createdFrom, filters.createdTo, add);
  dayRange('transmitted_at', filters.transmittedFrom, filters.transmittedTo, add);
  for (const term of query.terms) add('instr(search_key, ?) > 0', term);

  const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    where: clauses.join(' AND '),
    params,
    orderBy: `${SORT_COLUMN[query.sort.by]} ${direction}, dossier_id ${direction}`,
  };
}

// A bound on a day: the first 10 characters of the instant, as the in-memory model compares
// them. A missing instant (never transmitted) fails any range.
function dayRange(
  column: string,
  from: string | undefined,
  to: string | undefined,
  add: (clause: string, ...values: string[]) => void,
): void {
  if (from === undefined && to === undefined) return;
  add(`${column} IS NOT NULL`);
  // A text is never below its own prefix, so `column >= from` is implied: it lets an index on
  // the column bound the scan.
  if (from !== undefined) add(`${column} >= ? AND substr(${column}, 1, 10) >= ?`, from, from);
  if (to !== undefined) add(`substr(${column}, 1, 10) <= ?`, to);
}
