import type { SqlDialect } from '@cartes-badges/domain/adapter';

/** `text` as a LIKE pattern matching itself literally (backslash is PostgreSQL's default escape). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * PostgreSQL's words for a list query (`rowQueryClauses`): numbered parameters, `= ANY` of a
 * text array, `starts_with` for the number's prefix, and a case-sensitive LIKE for the search
 * terms, which a trigram index serves when there is one.
 */
export const POSTGRES_DIALECT: SqlDialect = {
  listed: 'listed',
  placeholder: (position) => `$${position}`,
  oneOf: (column, values, param) => `${column} = ANY(${param([...values])}::text[])`,
  startsWith: (column, prefix, param) => `starts_with(${column}, ${param(prefix)})`,
  contains: (column, term, param) => `${column} LIKE ${param(`%${likeLiteral(term)}%`)}`,
  dayOf: (column) => `left(${column}, 10)`,
};
