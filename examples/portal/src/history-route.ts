import type { FastifyInstance } from 'fastify';
import type { EventStore } from '@cartes-badges/eventsourcing';
import type { DossierApplication } from '@cartes-badges/lists';
import { buildTimeline, renderTimelineHtml } from '@cartes-badges/cli';
import * as E from 'fp-ts/Either';
import { html } from './html';
import { requireUser, sendPage, sendRefusal } from './respond';

/**
 * GET /dossiers/:id/historique: the auditor's timeline of a dossier (who, when, what, the state
 * after each event, the hash chain checked), the CLI's own page (`cartes-badges history
 * --format html`). The fixtures have no auditor: here the fund's case manager reads it.
 */
export function historyRoute(app: FastifyInstance, library: DossierApplication, store: EventStore): void {
  app.get('/dossiers/:id/historique', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as { id: string };
    // The same check as the dossier's page first: an unknown or foreign dossier is refused alike.
    const view = await library.service.view(id, who.actor);
    if (E.isLeft(view)) return sendRefusal(request, reply, view.left);
    if (who.user.role !== 'gestionnaire')
      return sendPage(
        request,
        reply,
        'Accès refusé',
        html`<h1>Accès refusé</h1>
          <p>L'historique est réservé aux gestionnaires et auditeurs du fonds.</p>`,
        403,
      );
    const timeline = await buildTimeline(store, view.right.dossierId);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(renderTimelineHtml(timeline));
  });
}
