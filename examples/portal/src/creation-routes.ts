import type { FastifyInstance } from 'fastify';
import type { CreationChoices } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { redirectWithFlash } from './flash';
import type { FormBody } from './form-payloads';
import { field } from './form-payloads';
import type { Html } from './html';
import { html } from './html';
import { commandIdField, radios } from './form-controls';
import { execute, requireUser, sendPage } from './respond';

/** R-03: one step of « Créer un nouveau dossier »: company, then establishment, then card type. */
function choicesPage(choices: CreationChoices): Html {
  switch (choices.step) {
    case 'none':
      return html`<p role="alert">${choices.message}</p>`;
    case 'company':
      return html`<form method="get" action="/nouveau">
        ${radios(
          'siren',
          'Entreprise',
          choices.companies.map((c) => [c.siren, `${c.name} (SIREN ${c.siren})`]),
        )}<button type="submit">Suivant</button>
      </form>`;
    case 'establishment':
      return html`<form method="get" action="/nouveau">
        ${radios(
          'siret',
          'Établissement',
          choices.establishments.map((e) => [
            e.siret,
            `${e.name}${e.city ? ` — ${e.city}` : ''} (SIRET ${e.siret})`,
          ]),
        )}<button type="submit">Suivant</button>
      </form>`;
    case 'cardType':
      return html`<form method="post" action="/nouveau">
        ${commandIdField()}
        <input type="hidden" name="siret" value="${choices.siret}" />
        <p>Établissement : SIRET ${choices.siret}</p>
        ${radios(
          'cardType',
          'Type de badge/cartes',
          choices.cardTypes.map((c) => [c.code, c.label]),
        )}
        <button type="submit">Créer un nouveau dossier</button>
      </form>`;
  }
}

/** GET/POST /nouveau: the creation choices, then CreateDraft and the new draft's first tab. */
export function creationRoutes(app: FastifyInstance, library: DossierApplication): void {
  app.get('/nouveau', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { siren, siret } = request.query as { siren?: string; siret?: string };
    const choices = await library.service.creationChoices(who.user.id, {
      ...(typeof siren === 'string' && siren !== '' ? { siren } : {}),
      ...(typeof siret === 'string' && siret !== '' ? { siret } : {}),
    });
    return sendPage(
      request,
      reply,
      'Créer un nouveau dossier',
      html`<h1>Créer un nouveau dossier</h1>
        ${choicesPage(choices)}`,
      choices.step === 'none' ? 403 : 200,
    );
  });

  app.post('/nouveau', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const body = (request.body ?? {}) as FormBody;
    const created = await execute(
      library,
      who,
      {
        type: 'CreateDraft',
        payload: { siret: field(body, 'siret') ?? '', cardType: field(body, 'cardType') ?? '' },
      },
      body,
    );
    if (E.isLeft(created))
      return redirectWithFlash(reply, '/nouveau', { kind: 'error', text: created.left.message });
    return redirectWithFlash(reply, `/dossiers/${created.right.dossierId}?onglet=Employeur`, {
      kind: 'success',
      text: `Brouillon n° ${created.right.state.draftNumber} créé`,
    });
  });
}
