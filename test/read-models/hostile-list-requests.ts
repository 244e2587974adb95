import type { ListParams, ListQueries } from '@cartes-badges/domain';
import { MAX_LIST_PAGE, MAX_SEARCH_LENGTH, MAX_SEARCH_TERMS } from '@cartes-badges/domain';

// Test-only: list requests an attacker or a clumsy caller sends, with the field each refusal
// must name. Every store runs them (memory, SQLite, PostgreSQL): before they were bounded at
// the edge, SQLite threw "Expression tree is too large" on 1,000 words, PostgreSQL ran out of
// bind parameters on 100,000 and took seconds on 40,000, and a page of 1e300 overflowed a bigint.

const words = (n: number): string => Array.from({ length: n }, (_, i) => `m${i}`).join(' ');

/** A refused request: its parameters (without the actor), the field and code of the refusal. */
export interface HostileListRequest {
  readonly name: string;
  readonly params: Omit<ListParams, 'actor'>;
  readonly field: string;
  readonly code: string;
}

/** What each store must refuse as a FORMAT error, without querying. */
export const HOSTILE_LIST_REQUESTS: readonly HostileListRequest[] = [
  {
    name: 'a search of 1,000 words',
    params: { search: words(1_000) },
    field: 'search',
    code: 'SEARCH_TOO_LONG',
  },
  {
    name: 'a search of 100,000 words',
    params: { search: words(100_000) },
    field: 'search',
    code: 'SEARCH_TOO_LONG',
  },
  {
    name: `a short search of ${MAX_SEARCH_TERMS + 1} words`,
    params: { search: 'a b c d e f g h i j k l'.slice(0, 2 * MAX_SEARCH_TERMS + 1) },
    field: 'search',
    code: 'SEARCH_TOO_MANY_WORDS',
  },
  {
    name: 'a search holding NUL',
    params: { search: 'chrono\u0000' },
    field: 'search',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'a search holding a lone surrogate',
    params: { search: 'a\ud800' },
    field: 'search',
    code: 'INVALID_CHARACTER',
  },
  { name: 'a page of 1e300', params: { page: 1e300 }, field: 'page', code: 'INVALID_FORMAT' },
  {
    name: 'a page past the last one served',
    params: { page: MAX_LIST_PAGE + 1 },
    field: 'page',
    code: 'INVALID_FORMAT',
  },
  {
    name: 'NUL in the SIRET filter',
    params: { filters: { siret: '1\u0000' } },
    field: 'filters.siret',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'NUL in the SIREN filter',
    params: { filters: { siren: '\u0000' } },
    field: 'filters.siren',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'NUL in the number filter',
    params: { filters: { number: '25\u0000' } },
    field: 'filters.number',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'NUL in the card type filter',
    params: { filters: { cardType: 'CHRONO\u0000' } },
    field: 'filters.cardType',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'a lone surrogate in the card type filter',
    params: { filters: { cardType: '\udc00' } },
    field: 'filters.cardType',
    code: 'INVALID_CHARACTER',
  },
  {
    name: 'a 10 MB SIRET filter',
    params: { filters: { siret: '7'.repeat(10_000_000) } },
    field: 'filters.siret',
    code: 'TOO_LONG',
  },
  {
    name: 'a misspelt filter (R-42)',
    params: { filters: { sirett: '73282932000074' } as never },
    field: 'filters.sirett',
    code: 'UNKNOWN_FIELD',
  },
];

/** Requests at the bounds: each store must answer them (a page, possibly empty), quickly. */
export const LIST_REQUESTS_AT_THE_BOUNDS: readonly {
  readonly name: string;
  readonly params: Omit<ListParams, 'actor'>;
}[] = [
  {
    name: `a search of ${MAX_SEARCH_TERMS} words and ${MAX_SEARCH_LENGTH} characters`,
    params: { search: Array.from({ length: MAX_SEARCH_TERMS }, (_, i) => `${i}`.padEnd(19, 'x')).join(' ') },
  },
  { name: `page ${MAX_LIST_PAGE}`, params: { page: MAX_LIST_PAGE } },
];

/** Runs every hostile request on `queries`: each must be a FORMAT error naming its field, with a short message. */
export async function expectHostileListRequestsRefused(
  queries: ListQueries,
  actor: ListParams['actor'],
): Promise<void> {
  for (const request of HOSTILE_LIST_REQUESTS) {
    const result = await queries.list({ actor, ...request.params });
    const refusal = result._tag === 'Left' ? result.left : undefined;
    // Field and problems are read on a FORMAT error only; another code fails on `code` below.
    const format = refusal?.code === 'FORMAT' ? refusal : undefined;
    expect({
      request: request.name,
      code: refusal?.code,
      field: format?.field,
      problem: format?.problems[0]?.code,
    }).toEqual({
      request: request.name,
      code: 'FORMAT',
      field: request.field,
      problem: request.code,
    });
    expect(refusal?.message.length).toBeLessThan(300);
  }
}

/** Runs the requests at the bounds on `queries`: each must give a page, in well under a second. */
export async function expectListRequestsAtTheBoundsAnswered(
  queries: ListQueries,
  actor: ListParams['actor'],
): Promise<void> {
  for (const request of LIST_REQUESTS_AT_THE_BOUNDS) {
    const started = Date.now();
    const result = await queries.list({ actor, ...request.params });
    expect({ request: request.name, ok: result._tag === 'Right' }).toEqual({
      request: request.name,
      ok: true,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  }
}
