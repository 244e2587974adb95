import { isIsoDateOrInstant } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { DossierStatus } from '../dossier/state';
import type { FieldError } from '../identifiers';
import {
  describeValue,
  enteredLength,
  FieldCodec,
  fieldErrorsOf,
  isLongerThan,
  knownFieldsOnly,
  problem,
  unstorableCharacter,
} from '../identifiers';
import { searchTerms } from './normalise-search';

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

const STATE_CODES = Object.keys(STATUSES) as DossierStatus[];

const isState = (u: unknown): u is DossierStatus =>
  typeof u === 'string' && Object.prototype.hasOwnProperty.call(STATUSES, u);

const unknownState = (u: unknown): string =>
  `État inconnu (reçu : ${describeValue(u)}) : attendu un de ${STATE_CODES.join(', ')}`;

const State = new t.Type<DossierStatus, DossierStatus, unknown>(
  'DossierStatus',
  isState,
  (u, c) => (isState(u) ? t.success(u) : t.failure(u, c, unknownState(u))),
  t.identity,
);

// A calendar day that exists: `Date.parse` reads 2026-02-30 as 2 March, and the list would
// filter on a day nobody typed.
const isIsoDay = (u: unknown): u is string =>
  typeof u === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(u) && isIsoDateOrInstant(u);

const IsoDay = new t.Type<string, string, unknown>(
  'IsoDay',
  isIsoDay,
  (u, c) =>
    isIsoDay(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `Date invalide (reçu : ${describeValue(u)}) : attendu une date qui existe, au format AAAA-MM-JJ`,
        ),
  t.identity,
);

/**
 * The last page a list serves: 20 million rows deep, far past any screen, and an offset every
 * store computes exactly (a page of 1e300 is refused, not turned into a bigint overflow).
 */
export const MAX_LIST_PAGE = 1_000_000;

const PageNumber = new t.Type<number, number, unknown>(
  'PageNumber',
  (u): u is number => Number.isInteger(u) && (u as number) >= 1 && (u as number) <= MAX_LIST_PAGE,
  (u, c) =>
    Number.isInteger(u) && (u as number) >= 1 && (u as number) <= MAX_LIST_PAGE
      ? t.success(u as number)
      : t.failure(
          u,
          c,
          `Page invalide (reçu : ${describeValue(u)}) : attendu un numéro de page entier entre 1 et ${MAX_LIST_PAGE.toLocaleString('fr-FR')}`,
        ),
  t.identity,
);

/** Longest simple search, in characters as the user sees them. */
export const MAX_SEARCH_LENGTH = 200;
/** Most words in a simple search: each is one more condition for the store to check on every row. */
export const MAX_SEARCH_TERMS = 10;

/**
 * the simple search: at most MAX_SEARCH_LENGTH characters and MAX_SEARCH_TERMS words. A
 * search of a thousand words would be a thousand conditions on every row (SQLite refuses the
 * query, PostgreSQL runs out of parameters or takes seconds): it is refused before any store sees it.
 */
export const SearchText = new FieldCodec<string, string>(
  'SearchText',
  (u) => {
    if (typeof u !== 'string')
      return problem('NOT_TEXT', `Texte de recherche attendu, reçu ${describeValue(u)}`);
    const unstorable = unstorableCharacter(u);
    if (unstorable !== undefined) return problem('INVALID_CHARACTER', `Recherche invalide : ${unstorable}`);
    if (isLongerThan(u, MAX_SEARCH_LENGTH)) {
      return problem(
        'SEARCH_TOO_LONG',
        `Recherche trop longue : ${MAX_SEARCH_LENGTH} caractères maximum (${enteredLength(u, MAX_SEARCH_LENGTH)})`,
      );
    }
    const terms = searchTerms(u).length;
    if (terms > MAX_SEARCH_TERMS) {
      return problem(
        'SEARCH_TOO_MANY_WORDS',
        `Recherche trop longue : ${MAX_SEARCH_TERMS} mots maximum (${terms} saisis)`,
      );
    }
    return E.right(u);
  },
  t.identity,
);

/** Longest exact filter value (a SIRET has 14 characters, a number 12). */
export const MAX_FILTER_LENGTH = 50;

/** An exact filter value (card type, SIRET, SIREN, number): a short text a store can compare. */
const FilterText = (name: string) =>
  new FieldCodec<string, string>(
    name,
    (u) => {
      if (typeof u !== 'string') return problem('NOT_TEXT', `Texte attendu, reçu ${describeValue(u)}`);
      const unstorable = unstorableCharacter(u);
      if (unstorable !== undefined) return problem('INVALID_CHARACTER', `Critère invalide : ${unstorable}`);
      if (isLongerThan(u, MAX_FILTER_LENGTH)) {
        return problem(
          'TOO_LONG',
          `${MAX_FILTER_LENGTH} caractères maximum (${enteredLength(u, MAX_FILTER_LENGTH)})`,
        );
      }
      return E.right(u);
    },
    t.identity,
  );

/** At most one of each state (13), with room for repeats; a million-entry list is refused. */
const MAX_STATES = 50;
const StateList = new t.Type<DossierStatus[], DossierStatus[], unknown>(
  'StateList',
  (u): u is DossierStatus[] => Array.isArray(u) && u.length <= MAX_STATES && u.every((s) => State.is(s)),
  (u, c) =>
    Array.isArray(u) && u.length > MAX_STATES
      ? t.failure(u, c, `${MAX_STATES} états maximum (${u.length} reçus)`)
      : t.array(State).validate(u, c),
  t.identity,
);

/** One state, or a list of them (any of which a row may be in). */
const StateFilter = new t.Type<DossierStatus | DossierStatus[], DossierStatus | DossierStatus[], unknown>(
  'StateFilter',
  (u): u is DossierStatus | DossierStatus[] => isState(u) || StateList.is(u),
  (u, c) =>
    Array.isArray(u)
      ? StateList.validate(u, c)
      : isState(u)
        ? t.success(u)
        : t.failure(u, c, `${unknownState(u)}, ou une liste de ceux-ci`),
  t.identity,
);

/** the advanced search. Dates are days (UTC), both bounds included. */
export const ListFilters = knownFieldsOnly(
  t.partial({
    cardType: FilterText('CardTypeFilter'),
    state: StateFilter,
    siret: FilterText('SiretFilter'),
    siren: FilterText('SirenFilter'),
    /** The start of the number shown (draft or dossier number), case ignored. */
    number: FilterText('NumberFilter'),
    createdFrom: IsoDay,
    createdTo: IsoDay,
    transmittedFrom: IsoDay,
    transmittedTo: IsoDay,
  }),
  'ListFilters',
);
/** The advanced search criteria. */
export type ListFilters = t.TypeOf<typeof ListFilters>;

/** The orders a list can be sorted in (default: number, newest first, as in the portal). */
export const ListSort = knownFieldsOnly(
  t.type({
    by: t.keyof({ number: null, created: null, updated: null, transmitted: null }),
    direction: t.keyof({ asc: null, desc: null }),
  }),
  'ListSort',
);
/** A sort order. */
export type ListSort = t.TypeOf<typeof ListSort>;

/** What a list query asks, apart from the actor. */
export const ListRequest = knownFieldsOnly(
  t.partial({ search: SearchText, filters: ListFilters, sort: ListSort, page: PageNumber }),
  'ListRequest',
);
/** A list request as decoded. */
export type ListRequest = t.TypeOf<typeof ListRequest>;

/** Decodes a list request from outside; a bad one names each field and what was expected. */
export function decodeListRequest(input: unknown): E.Either<readonly FieldError[], ListRequest> {
  const decoded = ListRequest.decode(input ?? {});
  return E.isLeft(decoded) ? E.left(fieldErrorsOf(decoded.left)) : E.right(decoded.right);
}
