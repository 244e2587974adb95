import type { BlobStore } from '@cartes-badges/eventsourcing';
import { BlobIntegrityError } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { sha256Hex } from '../documents/blob-store';
import type { DossierError } from '../dossier/errors';
import { dossierError } from '../dossier/errors';
import type { DossierState } from '../dossier/state';

/** An attached document's file, as an authorised reader downloads it. */
export interface DocumentFile {
  readonly documentId: string;
  readonly documentType: string;
  /** The name the file was uploaded with (for Content-Disposition). */
  readonly fileName: string;
  /** The media type found in its content (for Content-Type). */
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** The bytes, checked against the SHA-256 and size the event records. */
  readonly bytes: Uint8Array;
}

/**
 * The file of one document of a dossier the caller may already read (`state` comes from an
 * authorised load). Files are at most 20 MB, so the whole file is read and checked
 * before any byte is handed out: a reader never gets altered evidence, even in part.
 */
export async function documentFileOf(
  blobs: BlobStore,
  state: DossierState,
  documentId: string,
): Promise<E.Either<DossierError, DocumentFile>> {
  const document = state.documents.find((d) => d.documentId === documentId);
  if (document === undefined)
    return E.left(dossierError('DOCUMENT_NOT_FOUND', "Ce document n'est pas joint à ce dossier"));
  const { file } = document;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await blobs.get(file.storageKey);
  } catch (error) {
    if (!(error instanceof BlobIntegrityError)) throw error;
  }
  if (bytes === undefined)
    return E.left(
      dossierError(
        'DOCUMENT_CONTENT_UNAVAILABLE',
        `Le fichier « ${file.name} » est introuvable ou altéré dans le stockage : prévenez l'administrateur`,
      ),
    );
  // The key gave bytes that match it; they must also be those the event recorded.
  if (bytes.byteLength !== file.size || sha256Hex(bytes) !== file.sha256)
    return E.left(
      dossierError(
        'DOCUMENT_CONTENT_UNAVAILABLE',
        `Le fichier « ${file.name} » stocké ne correspond pas à celui enregistré : prévenez l'administrateur`,
      ),
    );
  return E.right({
    documentId,
    documentType: document.documentType,
    fileName: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    bytes,
  });
}
