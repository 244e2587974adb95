import { isStorableText } from '@cartes-badges/eventsourcing';
import type { DossierStatus } from '../dossier/state';
import type { ListRow } from './list-row';
import type { ListFilters, ListSort } from './list-request';
import type { ListScope } from './list-scope';

/**
 * A query a read model answers, store-neutral: a SQL read model turns it into WHERE / ORDER BY /
 * LIMIT / OFFSET and a COUNT(*), an in-memory one into index look-ups and a scan.
 */
export interface RowQuery {
  readonly scope: ListScope;
  /** Normalised search terms (see `searchTerms`): each must be in the row's search key. */
  readonly terms: readonly string[];
  readonly filters: ListFilters;
  readonly sort: ListSort;
  readonly offset: number;
  readonly limit: number;
}

/** A page of rows and the number of rows matching in all. */
export interface RowQueryResult {
  readonly total: number;
  readonly rows: readonly ListRow[];
}

/**
 * True when a search term or a filter of the query holds a text no row can hold (NUL, a lone
 * surrogate: see the kernel's `isStorableText`), so that it matches nothing. Every term and
 * filter must hold, so one such text is enough. SQL read models answer it without asking the
 * database, which would refuse NUL (PostgreSQL) or read a lone surrogate as U+FFFD, another
 * text. (`list` refuses such input before; this guards callers of the read model port.)
 */
export function matchesNothing(query: RowQuery): boolean {
  const texts: unknown[] = [...query.terms, ...Object.values(query.filters)];
  return texts.some((text) => typeof text === 'string' && !isStorableText(text));
}

/** The default order of the portal's lists: by number, newest first. */
export const DEFAULT_SORT: ListSort = { by: 'number', direction: 'desc' };

/** The statuses a filter asks for, or undefined when it does not filter on state. */
export function statesOf(filters: ListFilters): readonly DossierStatus[] | undefined {
  if (filters.state === undefined) return undefined;
  return typeof filters.state === 'string' ? [filters.state] : [...new Set(filters.state)];
}

/** may this scope see this (listed) row? */
export function scopeAllows(scope: ListScope, row: ListRow): boolean {
  switch (scope.kind) {
    case 'employer':
      // Removed rows (a refused pré-saisie) are only kept for their provider.
      return row.status !== 'removed' && scope.sirets.includes(row.siret);
    case 'provider':
      return row.providerSiren === scope.siren;
    case 'caseManager':
      return row.transmittedAt !== null;
    case 'system':
      return true;
  }
}

const day = (instant: string | null): string | null => (instant === null ? null : instant.slice(0, 10));

function inRange(instant: string | null, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  const d = day(instant);
  if (d === null) return false;
  return (from === undefined || d >= from) && (to === undefined || d <= to);
}

/** does a row pass the advanced filters and contain every search term? */
export function rowMatches(row: ListRow, filters: ListFilters, terms: readonly string[]): boolean {
  if (filters.cardType !== undefined && row.cardTypeCode !== filters.cardType) return false;
  if (filters.siret !== undefined && row.siret !== filters.siret) return false;
  if (filters.siren !== undefined && row.siren !== filters.siren) return false;
  if (filters.state !== undefined) {
    const states = statesOf(filters) as readonly DossierStatus[];
    if (!states.includes(row.status)) return false;
  }
  if (
    filters.number !== undefined &&
    !row.number.toUpperCase().startsWith(filters.number.trim().toUpperCase())
  )
    return false;
  if (!inRange(row.createdAt, filters.createdFrom, filters.createdTo)) return false;
  if (!inRange(row.transmittedAt, filters.transmittedFrom, filters.transmittedTo)) return false;
  for (const term of terms) if (!row.searchKey.includes(term)) return false;
  return true;
}

function sortValue(row: ListRow, by: ListSort['by']): string {
  switch (by) {
    case 'number':
      return row.numberKey;
    case 'created':
      return row.createdAt;
    case 'updated':
      return row.updatedAt;
    case 'transmitted':
      return row.transmittedAt ?? '';
  }
}

/** The comparator of a sort order; ties broken by dossier id so that pages never overlap. */
export function rowComparator(sort: ListSort): (a: ListRow, b: ListRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.by);
    const y = sortValue(b, sort.by);
    if (x !== y) return x < y ? -sign : sign;
    return a.dossierId < b.dossierId ? -sign : a.dossierId > b.dossierId ? sign : 0;
  };
}
