import type { FastifyInstance } from 'fastify';
import type { RecordingNotifier } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import { defaultCatalogue } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { redirectWithFlash } from './flash';
import type { FormBody } from './form-payloads';
import { costLinesOf, field } from './form-payloads';
import { html } from './html';
import { commandIdField, costLineCells } from './form-controls';
import { execute, requireUser, sendPage } from './respond';

const LINES = 3;

/** R-29: the provider's pré-saisie form; R-31/R-32: the refusals it was told about. */
export function providerRoutes(
  app: FastifyInstance,
  library: DossierApplication,
  notifier: RecordingNotifier,
): void {
  app.get('/pre-saisie', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    return sendPage(
      request,
      reply,
      'Nouvelle pré-saisie',
      html`<h1>Nouvelle pré-saisie</h1>
        <p>
          Pré-remplissez une demande pour un employeur : il la vérifiera sur sa page « Introduction » puis
          l'acceptera ou la refusera.
        </p>
        <form method="post" action="/pre-saisie">
          ${commandIdField()}
          <div class="field">
            <label for="p-siret">SIRET de l'établissement employeur</label
            ><input id="p-siret" name="siret" required />
          </div>
          <div class="field">
            <label for="p-type">Type de badge/cartes</label
            ><select id="p-type" name="cardType">
              ${defaultCatalogue.map((c) => html`<option value="${c.code}">${c.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="p-email">Email de contact</label
            ><input id="p-email" name="contactEmail" type="email" />
          </div>
          <table>
            <caption>
              Coûts de formation
            </caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Nature</th>
                <th scope="col">Montant unitaire HT</th>
                <th scope="col">Quantité</th>
              </tr>
            </thead>
            <tbody>
              ${Array.from({ length: LINES }, (_, i) => {
                const n = i + 1;
                return html`<tr>
                  <th scope="row">${n}</th>
                  ${costLineCells(n, { nature: null, amount: '', quantity: '' })}
                </tr>`;
              })}
            </tbody>
          </table>
          <div class="field">
            <label for="p-comment">Commentaires</label
            ><textarea id="p-comment" name="comment" rows="3" cols="60"></textarea>
          </div>
          <button type="submit">Envoyer la pré-saisie</button>
        </form>`,
    );
  });

  app.post('/pre-saisie', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const body = (request.body ?? {}) as FormBody;
    const email = field(body, 'contactEmail')?.trim();
    const comment = field(body, 'comment')?.trim();
    const result = await execute(
      library,
      who,
      {
        type: 'SubmitPresaisie',
        payload: {
          siret: field(body, 'siret') ?? '',
          cardType: field(body, 'cardType') ?? '',
          costLines: costLinesOf(body),
          ...(email ? { contactEmail: email } : {}),
          ...(comment ? { comment } : {}),
        },
      },
      body,
    );
    if (E.isLeft(result))
      return redirectWithFlash(reply, '/pre-saisie', { kind: 'error', text: result.left.message });
    return redirectWithFlash(reply, `/dossiers/${result.right.dossierId}`, {
      kind: 'success',
      text: `Pré-saisie n° ${result.right.state.draftNumber} envoyée à l'employeur`,
    });
  });

  app.get('/notifications', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const mine = notifier
      .sent()
      .filter((n) => who.actor.siren !== undefined && n.recipient.siren === who.actor.siren);
    return sendPage(
      request,
      reply,
      'Notifications',
      html`<h1>Notifications</h1>
        ${mine.length === 0
          ? html`<p role="status">Aucune notification.</p>`
          : html`<ul>
              ${mine.map(
                (n) =>
                  html`<li>
                    <strong>${n.subject}</strong>
                    <p>${n.message}</p>
                  </li>`,
              )}
            </ul>`}`,
    );
  });
}
