import type { MultipartFile } from '@fastify/multipart';
import contentDisposition from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DossierError } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { redirectWithFlash } from './flash';
import type { FormBody } from './form-payloads';
import { execute, refusesTheDossier, requireUser, sendRefusal } from './respond';
import type { SignedIn } from './session';

type Params = { readonly id: string; readonly documentId: string };

/** The file name in plain ASCII for old clients; the exact one goes in `filename*` (RFC 5987). */
const asciiName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');

/** A plain field of a multipart form, read before its file (the form puts its fields first). */
function partField(part: MultipartFile, name: string): string | undefined {
  const value = part.fields[name];
  return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
}

// A file the library refuses is told on the Documents tab. Someone else's dossier (or none) gets
// the error page its other URLs give (403, 404), from reading it: the same page whatever the
// command and its id.
async function refused(
  library: DossierApplication,
  request: FastifyRequest,
  reply: FastifyReply,
  who: SignedIn,
  error: DossierError,
): Promise<FastifyReply> {
  const { id } = request.params as Params;
  if (!refusesTheDossier(error))
    return redirectWithFlash(reply, `/dossiers/${id}?onglet=Documents`, {
      kind: 'error',
      text: error.message,
    });
  const view = await library.service.view(id, who.actor);
  return sendRefusal(request, reply, E.isLeft(view) ? view.left : error);
}

/** The Documents tab's upload (multipart, R-20), download (checked SHA-256) and removal. */
export function documentRoutes(app: FastifyInstance, library: DossierApplication): void {
  app.post('/dossiers/:id/documents', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id } = request.params as Params;
    const back = `/dossiers/${id}?onglet=Documents`;
    const part = request.isMultipart() ? await request.file() : undefined;
    if (!part)
      return redirectWithFlash(reply, back, {
        kind: 'error',
        text: 'Fichier : choisissez un fichier à charger',
      });
    const documentType = partField(part, 'documentType') ?? '';
    const content = await part.toBuffer();
    // The library checks the name, the size, the format against the content, the type;
    // the form's command id (sent before the file) makes a second sending the same upload.
    const commandId = partField(part, 'commandId');
    const result = await execute(
      library,
      who,
      {
        type: 'AttachDocument',
        dossierId: id,
        payload: { documentType, fileName: part.filename, content: new Uint8Array(content) },
      },
      commandId === undefined ? {} : { commandId },
    );
    if (E.isLeft(result)) return refused(library, request, reply, who, result.left);
    return redirectWithFlash(reply, back, {
      kind: 'success',
      text: `« ${part.filename} » chargé (${documentType})`,
    });
  });

  app.get('/dossiers/:id/documents/:documentId', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id, documentId } = request.params as Params;
    const file = await library.service.document(id, documentId, who.actor);
    if (E.isLeft(file)) return sendRefusal(request, reply, file.left);
    const { bytes, fileName, mediaType } = file.right;
    return reply
      .header('content-type', mediaType)
      .header(
        'content-disposition',
        contentDisposition(fileName, { type: 'attachment', fallback: asciiName(fileName) }),
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.post('/dossiers/:id/documents/:documentId/supprimer', async (request, reply) => {
    const who = requireUser(request, reply);
    if (!who) return reply;
    const { id, documentId } = request.params as Params;
    const back = `/dossiers/${id}?onglet=Documents`;
    const result = await execute(
      library,
      who,
      { type: 'RemoveDocument', dossierId: id, payload: { documentId } },
      (request.body ?? {}) as FormBody,
    );
    if (E.isLeft(result)) return refused(library, request, reply, who, result.left);
    return redirectWithFlash(reply, back, { kind: 'success', text: 'Document supprimé' });
  });
}
