import type { SqlDialect } from '@cartes-badges/domain/adapter';

/**
 * SQLite's words for a list query (`rowQueryClauses`): `listed = 1` as the partial indexes say
 * it, IN lists, and `instr` for the number's prefix and the search terms, exact as JavaScript's
 * `startsWith` and `includes` (LIKE would fold ASCII case and read `%` and `_`).
 */
export const SQLITE_DIALECT: SqlDialect = {
  listed: 'listed = 1',
  placeholder: () => '?',
  oneOf: (column, values, param) =>
    values.length === 0 ? '0' : `${column} IN (${values.map(param).join(', ')})`,
  startsWith: (column, prefix, param) => `instr(${column}, ${param(prefix)}) = 1`,
  contains: (column, term, param) => `instr(${column}, ${param(term)}) > 0`,
  dayOf: (column) => `substr(${column}, 1, 10)`,
};
