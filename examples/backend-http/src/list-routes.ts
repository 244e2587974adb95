import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ListFilters, ListQueries } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { refuse } from './problem';

/** A query parameter as Fastify parses it: a list of texts when its name comes more than once. */
type QueryValue = string | readonly string[];

interface ListQuery {
  readonly search?: QueryValue;
  readonly type?: QueryValue;
  readonly etat?: QueryValue;
  readonly siret?: QueryValue;
  readonly page?: QueryValue;
}

// The states as one comma-separated parameter or as the parameter repeated: either is a list.
const statesOf = (etat: QueryValue): readonly string[] =>
  (typeof etat === 'string' ? [etat] : etat).flatMap((one) => one.split(','));

// A page in digits is a number; anything else (words, the parameter twice) goes to the library
// as it came, which refuses it showing what was sent rather than "NaN".
const pageOf = (page: QueryValue | undefined): unknown =>
  page === undefined ? 1 : typeof page === 'string' && /^\d{1,16}$/.test(page) ? Number(page) : page;

/** GET /brouillons, GET /dossiers: one page of the list the user may see. */
export function listRoute(queries: ListQueries) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const q = request.query as ListQuery;
    // The library checks every value (bounds, NUL, page, a parameter sent twice) and names the
    // field it refuses; the casts only say what a well-formed query holds.
    const filters = {
      ...(q.type !== undefined ? { cardType: q.type } : {}),
      ...(q.etat !== undefined ? { state: statesOf(q.etat) } : {}),
      ...(q.siret !== undefined ? { siret: q.siret } : {}),
    } as ListFilters;
    const page = await queries.list({
      actor,
      ...(q.search !== undefined ? { search: q.search as string } : {}),
      filters,
      page: pageOf(q.page) as number,
    });
    return E.isLeft(page) ? refuse(reply, page.left) : page.right;
  };
}

/**
 * GET /brouillons/:id/row, GET /dossiers/:id/row: the one row a screen refreshes after a
 * command, by dossier id or the number the list shows, scoped as the list (a row the user may
 * not see is a 404, as one that does not exist).
 */
export function rowRoute(queries: ListQueries) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const { id } = request.params as { id: string };
    const row = await queries.row({ actor, id });
    return E.isLeft(row) ? refuse(reply, row.left) : row.right;
  };
}
