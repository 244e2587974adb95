import type { FastifyInstance } from 'fastify';
import type { ListName } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import type { ListQueryString } from './list-query';
import { listRequestOf } from './list-query';
import { listPage } from './lists-page';
import { requireUser, sendPage } from './respond';

/** GET /brouillons and GET /dossiers: a page of the list this user may see. */
export function listRoutes(app: FastifyInstance, library: DossierApplication): void {
  for (const list of ['brouillons', 'dossiers'] as const satisfies readonly ListName[]) {
    app.get(`/${list}`, async (request, reply) => {
      const who = requireUser(request, reply);
      if (!who) return reply;
      const query = request.query as ListQueryString;
      const result = await library[list].list({ actor: who.actor, ...listRequestOf(query) });
      const title = list === 'brouillons' ? 'Brouillons' : 'Dossiers';
      return E.isLeft(result)
        ? sendPage(request, reply, title, listPage(list, who, query, { error: result.left }), 400)
        : sendPage(request, reply, title, listPage(list, who, query, { page: result.right }));
    });
  }
}
