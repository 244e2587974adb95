import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { refuse } from './problem';

/**
 * GET /dossiers/:id (`?asOf=2025-12-03`): the dossier's screen in one call to `service.view`:
 * tabs with their status and messages, each tab's data, the Synthèse figures, the documents per
 * type with the "X/Y types de documents obligatoires à transmettre" line, the actions this user
 * may take now and the labels. 403 for a dossier that is not the user's, 404 unknown.
 */
export function dossierViewRoute(library: DossierApplication) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const { id } = request.params as { id: string };
    const { asOf } = request.query as { asOf?: string };
    const view = await library.service.view(id, actor, asOf !== undefined ? { asOf } : {});
    return E.isLeft(view) ? refuse(reply, view.left) : view.right;
  };
}
