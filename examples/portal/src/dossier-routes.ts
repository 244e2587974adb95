import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DossierError, ExecuteResult } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import { dossierStatusLabel } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { chosenTab, dossierPage } from './dossier-page';
import { redirectWithFlash } from './flash';
import type { FormBody } from './form-payloads';
import { field, instructionPayload, saveDraftPayload, typedValues } from './form-payloads';
import { commandIdField } from './form-controls';
import { html } from './html';
import type { MoveRefusal } from './instruction-panel';
import { INSTRUCTION_MOVES, moveInputName } from './instruction-panel';
import { execute, requireUser, sendPage, sendRefusal } from './respond';
import type { SignedIn } from './session';

type Params = { readonly id: string };

/** What a refused POST shows on the dossier's page: the error above, or beside a move's field. */
interface Refusal {
  readonly error?: DossierError;
  readonly refusedMove?: MoveRefusal;
  readonly tab?: string;
  readonly typed?: Record<string, string>;
}

/** The tab a refusal points to: the first invalid one of a "Saisie invalide", else its own tab. */
function tabOf(error: DossierError | undefined): string | undefined {
  if (error?.code === 'INVALID_INPUT') return error.invalidTabs[0]?.tab;
  return error !== undefined && 'tab' in error ? error.tab : undefined;
}

/** The dossier's page, again, with a refusal the user can fix there (422) and what they typed. */
async function showRefused(
  library: DossierApplication,
  request: FastifyRequest,
  reply: FastifyReply,
  who: SignedIn,
  refusal: Refusal,
): Promise<FastifyReply> {
  const { id } = request.params as Params;
  const view = await library.service.view(id, who.actor);
  if (E.isLeft(view)) return sendRefusal(request, reply, view.left);
  const { error } = refusal;
  const tab = chosenTab(view.right, refusal.tab ?? tabOf(error));
  const page = dossierPage(view.right, who, tab, {
    ...(error ? { error } : {}),
    ...(refusal.refusedMove ? { refusedMove: refusal.refusedMove } : {}),
    ...(refusal.typed ? { typed: refusal.typed } : {}),
  });
  return sendPage(request, reply, view.right.title, page, 422);
}

/** A POST that runs one command on the dossier, then goes back to its page with the outcome. */
function commandRoute(
  app: FastifyInstance,
  library: DossierApplication,
  path: string,
  build: (body: FormBody, id: string) => Record<string, unknown>,
  done: (result: ExecuteResult, id: string) => { readonly location: string; readonly text: string },
): void {
  app.post(`/dossiers/:id/${path}`, async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const body = (request.body ?? {}) as FormBody;
    const result = await execute(library, who, build(body, id), body);
    if (E.isLeft(result)) return showRefused(library, request, reply, who, { error: result.left });
    const { location, text } = done(result.right, id);
    return redirectWithFlash(reply, location, { kind: 'success', text });
  });
}

/** The dossier's page and every command its buttons send. */
export function dossierRoutes(app: FastifyInstance, library: DossierApplication): void {
  app.get('/dossiers/:id', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const { onglet } = request.query as { onglet?: string };
    const view = await library.service.view(id, who.actor);
    if (E.isLeft(view)) return sendRefusal(request, reply, view.left);
    const tab = chosenTab(view.right, typeof onglet === 'string' ? onglet : undefined);
    return sendPage(request, reply, `${view.right.title} — ${tab}`, dossierPage(view.right, who, tab));
  });

  // « Enregistrer » on one tab; a refusal shows the tab again with what was typed.
  app.post('/dossiers/:id/enregistrer', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const body = (request.body ?? {}) as FormBody;
    const tab = field(body, 'onglet') ?? 'Employeur';
    const result = await execute(
      library,
      who,
      { type: 'SaveDraft', dossierId: id, payload: saveDraftPayload(tab, body) },
      body,
    );
    if (E.isLeft(result))
      return showRefused(library, request, reply, who, { error: result.left, tab, typed: typedValues(body) });
    return redirectWithFlash(reply, `/dossiers/${id}?onglet=${encodeURIComponent(tab)}`, {
      kind: 'success',
      text: 'Enregistré',
    });
  });

  commandRoute(
    app,
    library,
    'transmettre',
    (_body, id) => ({ type: 'TransmitDossier', dossierId: id }),
    (result, id) => ({
      location: `/dossiers/${id}`,
      text: result.confirmation ?? 'Transmis',
    }),
  );
  commandRoute(
    app,
    library,
    'dupliquer',
    (_body, id) => ({ type: 'DuplicateDraft', payload: { sourceDossierId: id } }),
    (result) => ({
      location: `/dossiers/${result.dossierId}`,
      text: `Brouillon n° ${result.state.draftNumber} créé par duplication`,
    }),
  );
  commandRoute(
    app,
    library,
    'accepter',
    (_body, id) => ({ type: 'AcceptPresaisie', dossierId: id }),
    (_result, id) => ({
      location: `/dossiers/${id}?onglet=Employeur`,
      text: 'Pré-saisie acceptée : vous pouvez la compléter',
    }),
  );
  commandRoute(
    app,
    library,
    'refuser',
    (body, id) => ({
      type: 'RefusePresaisie',
      dossierId: id,
      payload: { reason: field(body, 'motif') || null },
    }),
    (result) => ({
      location: '/brouillons',
      text: `Pré-saisie n° ${result.state.draftNumber} refusée : le prestataire en est informé`,
    }),
  );
  commandRoute(
    app,
    library,
    'supprimer',
    (_body, id) => ({ type: 'DeleteDraft', dossierId: id }),
    (result) => ({
      location: '/brouillons',
      text: `Brouillon n° ${result.state.draftNumber} supprimé`,
    }),
  );

  // Deleting cannot be undone: a page asks first (no JavaScript confirm()).
  app.get('/dossiers/:id/supprimer', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const view = await library.service.view(id, who.actor);
    if (E.isLeft(view)) return sendRefusal(request, reply, view.left);
    return sendPage(
      request,
      reply,
      `Supprimer le ${view.right.title}`,
      html`<h1>Supprimer le ${view.right.title} ?</h1>
        <p>Le brouillon disparaîtra de la liste Brouillons.</p>
        <form method="post" action="/dossiers/${id}/supprimer">
          ${commandIdField()}
          <button type="submit">Supprimer</button> <a href="/dossiers/${id}">Annuler</a>
        </form>`,
    );
  });

  // The instruction moves and the adherent's complement or cancellation: one form each.
  app.post('/dossiers/:id/instruction', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const body = (request.body ?? {}) as FormBody;
    const type = field(body, 'type') ?? '';
    if (!INSTRUCTION_MOVES.includes(type))
      return redirectWithFlash(reply, `/dossiers/${id}`, {
        kind: 'error',
        text: `Action inconnue « ${type.slice(0, 40)} »`,
      });
    // An amount that is not one ("12,3,4") or that the move does not allow is told beside its
    // field, with what was typed; nothing is written.
    const inputName = moveInputName(type);
    const refusedMove = (message: string): Refusal => ({
      refusedMove: { type, message, typed: (inputName && field(body, inputName)) ?? '' },
    });
    const payload = instructionPayload(type, body);
    if (E.isLeft(payload))
      return showRefused(library, request, reply, who, refusedMove(payload.left.message));
    const result = await execute(
      library,
      who,
      {
        type,
        dossierId: id,
        ...(payload.right !== undefined ? { payload: payload.right } : {}),
      },
      body,
    );
    if (E.isLeft(result)) {
      const refusal = result.left;
      const ofItsField =
        inputName !== undefined && 'field' in refusal && refusal.field?.startsWith('payload.') === true;
      return showRefused(
        library,
        request,
        reply,
        who,
        ofItsField ? refusedMove(refusal.message) : { error: refusal },
      );
    }
    return redirectWithFlash(reply, `/dossiers/${id}`, {
      kind: 'success',
      text: `Etat : ${dossierStatusLabel(result.right.state)}`,
    });
  });
}
