import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { redirectWithFlash } from './flash';
import { execute, requireUser, sendRefusal } from './respond';

type Params = { readonly id: string; readonly documentId: string };

/** The file name in plain ASCII for old clients; the exact one goes in `filename*` (RFC 5987). */
const asciiName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');

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
    const typeField = part.fields.documentType;
    const documentType =
      typeField && !Array.isArray(typeField) && typeField.type === 'field' ? String(typeField.value) : '';
    const content = await part.toBuffer();
    // The library checks the name, the size, the format against the content, the type.
    const result = await execute(library, who, {
      type: 'AttachDocument',
      dossierId: id,
      payload: { documentType, fileName: part.filename, content: new Uint8Array(content) },
    });
    if (E.isLeft(result)) return redirectWithFlash(reply, back, { kind: 'error', text: result.left.message });
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
    const result = await execute(library, who, {
      type: 'RemoveDocument',
      dossierId: id,
      payload: { documentId },
    });
    if (E.isLeft(result)) return redirectWithFlash(reply, back, { kind: 'error', text: result.left.message });
    return redirectWithFlash(reply, back, { kind: 'success', text: 'Document supprimé' });
  });
}
