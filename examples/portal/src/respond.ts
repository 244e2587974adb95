import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierError, ExecuteResult } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { takeFlash } from './flash';
import type { FormBody } from './form-payloads';
import { field } from './form-payloads';
import type { Html } from './html';
import { html } from './html';
import { layout } from './layout';
import type { SignedIn } from './session';
import { signedIn } from './session';

/** Sends a whole page. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: Html,
  status = 200,
): FastifyReply {
  const who = signedIn(request);
  const flash = takeFlash(request, reply);
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(layout({ title, body, ...(who ? { who } : {}), ...(flash ? { flash } : {}) }).text);
}

/** The signed-in user, or a redirect to « Se connecter en tant que » (undefined then). */
export function requireUser(request: FastifyRequest, reply: FastifyReply): SignedIn | undefined {
  const who = signedIn(request);
  if (!who) void reply.redirect('/connexion', 303);
  return who;
}

// How a refusal the user cannot fix on the page is answered: 403 someone else's dossier, 404
// one that does not exist (or an id that is not one), 409 a move the state no longer allows.
const STATUS_OF: Partial<Record<DossierError['code'], number>> = {
  NOT_AUTHORISED: 403,
  DOSSIER_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  FORMAT: 404,
};

/** A refusal of the dossier itself (someone else's, or none): its error page, not a message on it. */
export const refusesTheDossier = (error: DossierError): boolean =>
  error.code === 'NOT_AUTHORISED' || error.code === 'DOSSIER_NOT_FOUND';

/** An error page for a dossier or document the user may not see (403) or that does not exist (404). */
export function sendRefusal(request: FastifyRequest, reply: FastifyReply, error: DossierError): FastifyReply {
  const status = STATUS_OF[error.code] ?? 409;
  const title = status === 403 ? 'Accès refusé' : status === 404 ? 'Introuvable' : 'Action impossible';
  return sendPage(
    request,
    reply,
    title,
    html`<h1>${title}</h1>
      <p>${status === 404 ? "Ce dossier ou ce document n'existe pas." : error.message}</p>
      <p><a href="/">Retour à l'accueil</a></p>`,
    status,
  );
}

/**
 * Runs a command as the signed-in user: the actor comes from the session, never from the form;
 * once applied, waits for the lists to have it (read your writes on the next page).
 */
export async function execute(
  library: DossierApplication,
  who: SignedIn,
  command: Record<string, unknown>,
  form?: FormBody,
): Promise<E.Either<DossierError, ExecuteResult>> {
  // The form's own id when it has one (R-36, commandIdField); the library checks its shape.
  const formId = form === undefined ? undefined : field(form, 'commandId');
  const result = await library.service.execute({
    ...command,
    commandId: formId ?? library.service.newCommandId(),
    actor: who.actor,
  });
  if (E.isRight(result)) await library.whenIdle();
  // The user never saw the id: the refusal speaks of the form, which is offered again.
  if (E.isLeft(result) && result.left.code === 'COMMAND_ID_REUSED' && formId !== undefined)
    return E.left({ ...result.left, message: FORM_SENT_WITH_OTHER_VALUES });
  return result;
}

/** a form sent again under its id but with other values (edited after going back). */
export const FORM_SENT_WITH_OTHER_VALUES =
  'Ce formulaire a déjà été envoyé avec d’autres valeurs : rien n’a été enregistré ; vérifiez-les et envoyez le formulaire de nouveau.';
