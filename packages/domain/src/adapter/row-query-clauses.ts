import type { ListSort } from '../lists/list-request';
import { statesOf, type RowQuery } from '../lists/row-query';

/**
 * What differs between two SQL dialects in a list query. Each function receives `param`, which
 * adds a value to the query's parameters and returns its placeholder (`?` or `$n`).
 */
export interface SqlDialect {
  /** The clause keeping listed rows, written as the partial indexes' WHERE so that they apply. */
  readonly listed: string;
  /** The placeholder of the parameter at this 1-based position. */
  placeholder(position: number): string;
  /** `column` equals one of `values` (false when there are none). */
  oneOf(column: string, values: readonly string[], param: (value: unknown) => string): string;
  /** `column` starts with `prefix`, compared exactly. */
  startsWith(column: string, prefix: string, param: (value: unknown) => string): string;
  /** `column` holds `term` anywhere, compared exactly (no wildcard in `term`). */
  contains(column: string, term: string, param: (value: unknown) => string): string;
  /** The day (first 10 characters) of an ISO instant column. */
  dayOf(column: string): string;
}

/** A row query as SQL: the WHERE clause and its parameters, the sort column and direction. */
export interface RowQueryClauses {
  readonly where: string;
  readonly params: unknown[];
  readonly sortColumn: string;
  readonly direction: 'ASC' | 'DESC';
}

const SORT_COLUMN: Record<ListSort['by'], string> = {
  number: 'number_key',
  created: 'created_at',
  updated: 'updated_at',
  transmitted: 'transmitted_key',
};

/**
 * Translates a query to SQL with the in-memory model's semantics (`scopeAllows`, `rowMatches`,
 * `rowComparator`): only listed rows; scope; exact filters; the number as an upper-cased prefix;
 * dates compared on their day; each search term a substring of the search key (the key and the
 * terms are already folded); ties broken by dossier id (the caller's ORDER BY adds it).
 */
export function rowQueryClauses(query: RowQuery, dialect: SqlDialect): RowQueryClauses {
  const clauses: string[] = [dialect.listed];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const { scope, filters } = query;
  switch (scope.kind) {
    case 'employer':
      clauses.push("status <> 'removed'", dialect.oneOf('siret', scope.sirets, param));
      break;
    case 'provider':
      clauses.push(`provider_siren = ${param(scope.siren)}`);
      break;
    case 'caseManager':
      clauses.push('transmitted_at IS NOT NULL');
      break;
    case 'system':
      break;
  }
  if (filters.cardType !== undefined) clauses.push(`card_type_code = ${param(filters.cardType)}`);
  if (filters.siret !== undefined) clauses.push(`siret = ${param(filters.siret)}`);
  if (filters.siren !== undefined) clauses.push(`siren = ${param(filters.siren)}`);
  const states = statesOf(filters);
  if (states !== undefined) clauses.push(dialect.oneOf('status', states, param));
  if (filters.number !== undefined)
    clauses.push(dialect.startsWith('number_upper', filters.number.trim().toUpperCase(), param));
  for (const [column, from, to] of [
    ['created_at', filters.createdFrom, filters.createdTo],
    ['transmitted_at', filters.transmittedFrom, filters.transmittedTo],
  ] as const) {
    // A missing instant (never transmitted) fails any range.
    if (from === undefined && to === undefined) continue;
    clauses.push(`${column} IS NOT NULL`);
    // A text is never below its own prefix: `column >= from` is implied, and bounds an index scan.
    if (from !== undefined)
      clauses.push(`${column} >= ${param(from)}`, `${dialect.dayOf(column)} >= ${param(from)}`);
    if (to !== undefined) clauses.push(`${dialect.dayOf(column)} <= ${param(to)}`);
  }
  for (const term of query.terms) clauses.push(dialect.contains('search_key', term, param));
  return {
    where: clauses.join(' AND '),
    params,
    sortColumn: SORT_COLUMN[query.sort.by],
    direction: query.sort.direction === 'asc' ? 'ASC' : 'DESC',
  };
}
