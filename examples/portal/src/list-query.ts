import type { ListFilters } from '@cartes-badges/domain';

/** The query string of a list page, as its search forms send it (French names, as on screen). */
export interface ListQueryString {
  readonly recherche?: string;
  readonly numero?: string;
  readonly type?: string;
  readonly etat?: string;
  readonly siret?: string;
  readonly creeDu?: string;
  readonly creeAu?: string;
  readonly transmisDu?: string;
  readonly transmisAu?: string;
  readonly page?: string;
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

const filled = (value: string | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** The list request of the library from the page's query string. */
export function listRequestOf(query: ListQueryString): {
  readonly search?: string;
  readonly filters: ListFilters;
  readonly page: number;
} {
  const filters: Record<string, string> = {};
  for (const [field, filter] of FILTER_FIELDS) {
    const value = query[field];
    if (filled(value)) filters[filter] = value.trim();
  }
  return {
    ...(filled(query.recherche) ? { search: query.recherche } : {}),
    filters: filters as ListFilters,
    page: filled(query.page) ? Number(query.page) : 1,
  };
}

/** The same query string for another page (the pager's links keep the search). */
export function pageLink(base: string, query: ListQueryString, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (key !== 'page' && filled(value)) params.set(key, value);
  params.set('page', String(page));
  return `${base}?${params.toString()}`;
}
