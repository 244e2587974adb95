import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ListFilters, ListQueries } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { refuse } from './problem';

interface ListQuery {
  readonly search?: string;
  readonly type?: string;
  readonly etat?: string;
  readonly siret?: string;
  readonly page?: string;
}

/** GET /brouillons, GET /dossiers: one page of the list the user may see. */
export function listRoute(queries: ListQueries) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const q = request.query as ListQuery;
    // The library checks every value (bounds, NUL, page) and names the field it refuses.
    const filters = {
      ...(q.type !== undefined ? { cardType: q.type } : {}),
      ...(q.etat !== undefined ? { state: q.etat.split(',') } : {}),
      ...(q.siret !== undefined ? { siret: q.siret } : {}),
    } as ListFilters;
    const page = await queries.list({
      actor,
      ...(q.search !== undefined ? { search: q.search } : {}),
      filters,
      page: q.page === undefined ? 1 : Number(q.page),
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
