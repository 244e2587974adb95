import type { ListFilters } from '@cartes-badges/domain';

/**
 * A query string value as Fastify parses it: a text, or a list of texts when the name comes
 * more than once (a link edited by hand, or two forms' fields).
 */
export type QueryValue = string | readonly string[];

/** The query string of a list page, as its search forms send it (French names, as on screen). */
export interface ListQueryString {
  readonly recherche?: QueryValue;
  readonly numero?: QueryValue;
  readonly type?: QueryValue;
  readonly etat?: QueryValue;
  readonly siret?: QueryValue;
  readonly creeDu?: QueryValue;
  readonly creeAu?: QueryValue;
  readonly transmisDu?: QueryValue;
  readonly transmisAu?: QueryValue;
  readonly page?: QueryValue;
}

// An empty field of the advanced search means "any": only filled fields become filters, and the
// library checks each value (dates, numbers, lengths) and names the one it refuses.
const FILTER_FIELDS: readonly [keyof ListQueryString, keyof ListFilters][] = [
  ['numero', 'number'],
  ['type', 'cardType'],
  ['etat', 'state'],
  ['siret', 'siret'],
  ['creeDu', 'createdFrom'],
  ['creeAu', 'createdTo'],
  ['transmisDu', 'transmittedFrom'],
  ['transmisAu', 'transmittedTo'],
];

const filled = (value: QueryValue | undefined): value is QueryValue =>
  typeof value === 'string'
    ? value.trim() !== ''
    : Array.isArray(value) && value.some((v) => v.trim() !== '');

const trimmed = (value: QueryValue): QueryValue =>
  typeof value === 'string' ? value.trim() : value.map((v) => v.trim()).filter((v) => v !== '');

/**
 * The list request of the library from the page's query string. What the page cannot read as
 * one value (a field sent twice, a page in words) goes to the library as it came: the library
 * refuses it naming the field and showing what was sent, where reading it here would
 * drop a filter silently or turn "abc" into NaN. The state alone may come twice: the library
 * filters on a list of states.
 */
export function listRequestOf(query: ListQueryString): {
  readonly search?: string;
  readonly filters: ListFilters;
  readonly page: number;
} {
  const filters: Record<string, QueryValue> = {};
  for (const [field, filter] of FILTER_FIELDS) {
    const value = query[field];
    if (filled(value)) filters[filter] = trimmed(value);
  }
  const page = filled(query.page) ? trimmed(query.page) : '1';
  return {
    // The library checks every value it is given (these casts only say what a form should send).
    ...(filled(query.recherche) ? { search: query.recherche as string } : {}),
    filters: filters as ListFilters,
    page: (typeof page === 'string' && /^\d{1,16}$/.test(page) ? Number(page) : page) as number,
  };
}

/** The same query string for another page (the pager's links keep the search). */
export function pageLink(base: string, query: ListQueryString, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (key === 'page' || !filled(value)) continue;
    else if (typeof value === 'string') params.set(key, value);
    else for (const one of value) params.append(key, one);
  params.set('page', String(page));
  return `${base}?${params.toString()}`;
}
