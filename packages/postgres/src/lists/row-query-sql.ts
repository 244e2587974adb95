import type { ListSort, RowQuery } from '@cartes-badges/domain';
import { statesOf } from '@cartes-badges/domain';

/** A row query as PostgreSQL text: the WHERE clause, its parameters, the sort column and direction. */
export interface RowQuerySql {
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

/** `text` as a LIKE pattern matching itself literally (backslash is PostgreSQL's default escape). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Translates a query to SQL with the in-memory model's semantics (`scopeAllows`, `rowMatches`,
 * `rowComparator`): only listed rows; scope; exact filters; the number as an upper-cased prefix;
 * dates compared on their day; each search term a substring of the folded search key (a
 * case-sensitive LIKE, which a trigram index serves when there is one).
 */
export function rowQuerySql(query: RowQuery): RowQuerySql {
  const clauses: string[] = ['listed'];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const { scope, filters } = query;
  switch (scope.kind) {
    case 'employer':
      clauses.push("status <> 'removed'", `siret = ANY(${param([...scope.sirets])}::text[])`);
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
  if (states !== undefined) clauses.push(`status = ANY(${param([...states])}::text[])`);
  if (filters.number !== undefined)
    clauses.push(`starts_with(number_upper, ${param(filters.number.trim().toUpperCase())})`);
  for (const [column, from, to] of [
    ['created_at', filters.createdFrom, filters.createdTo],
    ['transmitted_at', filters.transmittedFrom, filters.transmittedTo],
  ] as const) {
    if (from === undefined && to === undefined) continue;
    clauses.push(`${column} IS NOT NULL`);
    // A text is never below its own prefix: `column >= from` is implied, and bounds an index scan.
    if (from !== undefined) {
      const p = param(from);
      clauses.push(`${column} >= ${p}`, `left(${column}, 10) >= ${p}`);
    }
    if (to !== undefined) clauses.push(`left(${column}, 10) <= ${param(to)}`);
  }
  for (const term of query.terms) clauses.push(`search_key LIKE ${param(`%${likeLiteral(term)}%`)}`);
  return {
    where: clauses.join(' AND '),
    params,
    sortColumn: SORT_COLUMN[query.sort.by],
    direction: query.sort.direction === 'asc' ? 'ASC' : 'DESC',
  };
}
