import contentDisposition from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierApplication } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { refuse } from './problem';

/**
 * The file name in plain ASCII for old clients (`filename=`): accents dropped, anything else
 * non-ASCII as `_`; the exact name goes in `filename*` (RFC 5987), which current browsers use.
 */
function asciiName(fileName: string): string {
  return fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/**
 * GET /dossiers/:id/documents/:documentId: the attached file, to a user who may read the dossier
 * (403 otherwise, 404 for an unknown dossier or document, as problems). The library checks the bytes against
 * the SHA-256 its event recorded before any is sent; the response says which it is (Repr-Digest,
 * RFC 9530), names the file for the browser (RFC 6266, `filename*` for accents) and forbids
 * sniffing another type than the one found in the content.
 */
export function documentRoute(library: DossierApplication) {
  return async (
    request: FastifyRequest<{ Params: { id: string; documentId: string } }>,
    reply: FastifyReply,
  ) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const file = await library.service.document(request.params.id, request.params.documentId, actor);
    if (E.isLeft(file)) return refuse(reply, file.left);
    const { bytes, fileName, mediaType, sha256 } = file.right;
    return reply
      .header('content-type', mediaType)
      .header('content-length', bytes.byteLength)
      .header(
        'content-disposition',
        contentDisposition(fileName, { type: 'attachment', fallback: asciiName(fileName) }),
      )
      .header('x-content-type-options', 'nosniff')
      .header('repr-digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
}
