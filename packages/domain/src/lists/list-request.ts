import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { DossierStatus } from '../dossier/state';
import type { FieldError } from '../identifiers';
import { fieldErrorsOf } from '../identifiers';

/** 20 results per page, as in the portal. */
export const LIST_PAGE_SIZE = 20;

const STATUSES: Record<DossierStatus, null> = {
  none: null,
  presaisie: null,
  draft: null,
  removed: null,
  transmitted: null,
  instruction: null,
  complementsRequested: null,
  complementSubmitted: null,
  granted: null,
  refused: null,
  reimbursed: null,
  closed: null,
  cancelled: null,
};

const IsoDay = new t.Type<string, string, unknown>(
  'IsoDay',
  (u): u is string => typeof u === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(u),
  (u, c) =>
    typeof u === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(u) && !Number.isNaN(Date.parse(`${u}T00:00:00Z`))
      ? t.success(u)
      : t.failure(
          u,
          c,
          `Date invalide (reçu : ${JSON.stringify(u)}) : attendu une date au format AAAA-MM-JJ`,
        ),
  t.identity,
);

const PageNumber = new t.Type<number, number, unknown>(
  'PageNumber',
  (u): u is number => Number.isInteger(u) && (u as number) >= 1,
  (u, c) =>
    Number.isInteger(u) && (u as number) >= 1
      ? t.success(u as number)
      : t.failure(
          u,
          c,
          `Page invalide (reçu : ${JSON.stringify(u)}) : attendu un numéro de page entier, 1 ou plus`,
        ),
  t.identity,
);

/** the advanced search. Dates are days (UTC), both bounds included. */
export const ListFilters = t.partial(
  {
    cardType: t.string,
    state: t.union([t.keyof(STATUSES), t.array(t.keyof(STATUSES))]),
    siret: t.string,
    siren: t.string,
    /** The start of the number shown (draft or dossier number), case ignored. */
    number: t.string,
    createdFrom: IsoDay,
    createdTo: IsoDay,
    transmittedFrom: IsoDay,
    transmittedTo: IsoDay,
  },
  'ListFilters',
);
/** The advanced search criteria. */
export type ListFilters = t.TypeOf<typeof ListFilters>;

/** The orders a list can be sorted in (default: number, newest first, as in the portal). */
export const ListSort = t.type(
  {
    by: t.keyof({ number: null, created: null, updated: null, transmitted: null }),
    direction: t.keyof({ asc: null, desc: null }),
  },
  'ListSort',
);
/** A sort order. */
export type ListSort = t.TypeOf<typeof ListSort>;

/** What a list query asks, apart from the actor. */
export const ListRequest = t.partial(
  { search: t.string, filters: ListFilters, sort: ListSort, page: PageNumber },
  'ListRequest',
);
/** A list request as decoded. */
export type ListRequest = t.TypeOf<typeof ListRequest>;

/** Decodes a list request from outside; a bad one names each field and what was expected. */
export function decodeListRequest(input: unknown): E.Either<readonly FieldError[], ListRequest> {
  const decoded = ListRequest.decode(input ?? {});
  return E.isLeft(decoded) ? E.left(fieldErrorsOf(decoded.left)) : E.right(decoded.right);
}
