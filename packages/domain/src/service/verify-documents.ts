import { createHash } from 'node:crypto';
import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import { BlobIntegrityError } from '@cartes-badges/eventsourcing';
import type { AttachedDocument } from '../dossier/state';
import { DOSSIER_STREAM_PREFIX } from '../dossier/derived-ids';
import { foldDossier } from './load-dossier';

/** What can be wrong with an attached document's stored file. */
export type DocumentProblemKind = 'missing' | 'altered' | 'size_mismatch' | 'sha256_mismatch';

/** One attached document whose stored file is not the one its event records. */
export interface DocumentProblem {
  readonly dossierId: string;
  /** The dossier's number (YYMMAF…) once transmitted, else its draft number, else null. */
  readonly dossierNumber: string | null;
  readonly documentId: string;
  readonly documentType: string;
  readonly fileName: string;
  readonly storageKey: string;
  readonly problem: DocumentProblemKind;
  /** What was found, in French. */
  readonly detail: string;
}

/** The outcome of `verifyDocuments`. */
export interface DocumentVerification {
  readonly ok: boolean;
  readonly dossiersChecked: number;
  readonly documentsChecked: number;
  readonly problems: readonly DocumentProblem[];
}

type Finding = Pick<DocumentProblem, 'problem' | 'detail'>;

async function check(blobs: BlobStore, document: AttachedDocument): Promise<Finding | undefined> {
  const { file } = document;
  const chunks = await blobs.open(file.storageKey);
  if (chunks === undefined)
    return { problem: 'missing', detail: `aucun fichier sous la clé ${file.storageKey}` };
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
  } catch (error) {
    if (!(error instanceof BlobIntegrityError)) throw error;
    return {
      problem: 'altered',
      detail: `le fichier stocké (${error.actualSize} octets) a pour SHA-256 ${error.actualSha256}, l'événement enregistre ${file.sha256}`,
    };
  }
  const sha256 = hash.digest('hex');
  if (sha256 !== file.sha256)
    return {
      problem: 'sha256_mismatch',
      detail: `la clé ${file.storageKey} donne un fichier de SHA-256 ${sha256}, l'événement enregistre ${file.sha256}`,
    };
  if (size !== file.size)
    return {
      problem: 'size_mismatch',
      detail: `${size} octets stockés, l'événement en enregistre ${file.size}`,
    };
  return undefined;
}

/**
 * `verify --documents`: for every document still attached to a dossier, its file exists in the
 * blob store and hashes to the SHA-256, with the size, that its DocumentAttached event records.
 * The event itself is covered by the hash chain (`verifyStream`), so together they prove the file.
 */
export async function verifyDocuments(
  store: EventStore,
  blobs: BlobStore,
  options: { readonly onProgress?: (documentsChecked: number) => void } = {},
): Promise<DocumentVerification> {
  const dossierIds = new Set<string>();
  for await (const event of store.readAll({ filter: { eventTypes: ['DocumentAttached'] } })) {
    if (event.streamId.startsWith(DOSSIER_STREAM_PREFIX))
      dossierIds.add(event.streamId.slice(DOSSIER_STREAM_PREFIX.length));
  }
  const problems: DocumentProblem[] = [];
  let documentsChecked = 0;
  for (const dossierId of dossierIds) {
    const state = await foldDossier(store, dossierId);
    const dossierNumber =
      state.dossierNumber ?? (state.draftNumber === null ? null : String(state.draftNumber));
    for (const document of state.documents) {
      const finding = await check(blobs, document);
      documentsChecked += 1;
      options.onProgress?.(documentsChecked);
      if (finding)
        problems.push({
          dossierId,
          dossierNumber,
          documentId: document.documentId,
          documentType: document.documentType,
          fileName: document.file.name,
          storageKey: document.file.storageKey,
          ...finding,
        });
    }
  }
  return { ok: problems.length === 0, dossiersChecked: dossierIds.size, documentsChecked, problems };
}
