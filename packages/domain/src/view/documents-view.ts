import type { Catalogue } from '../catalogue';
import { MAX_FILE_SIZE_BYTES, MAX_FILES_PER_TYPE } from '../catalogue';
import type { AttachmentScope, DossierActor, DossierState } from '../dossier';
import { allowedDocumentTypes, documentsProgress, mayRemoveDocument } from '../dossier';
import { FILE_FORMATS } from '../documents/file-format';
import type { FileMetadata } from '../ports';

/** One attached file as the Documents tab lists it. */
export interface FileView {
  readonly documentId: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly format: FileMetadata['format'];
  readonly sha256: string;
  /** added from the dossier's page after transmission. */
  readonly attachedAfterTransmission: boolean;
  /** Whether this actor may remove it now (R-21; never once transmitted, R-22). */
  readonly removable: boolean;
}

/** One document type of the Documents tab, with its files. */
export interface DocumentTypeView {
  readonly documentType: string;
  /** required types count toward "X/Y"; optional ones never do. */
  readonly required: boolean;
  readonly files: readonly FileView[];
  /** "Aucun fichier chargé" when empty, else the number of files. */
  readonly filesLabel: string;
  readonly maxFiles: number;
  /** Room for one more file under this type (R-20: 5 at most). */
  readonly full: boolean;
}

/** The Documents tab (R-18..R-22, R-37). */
export interface DocumentsView {
  /** always present, also when complete ("2/2 ..."; the guide then turns it green). */
  readonly progress: {
    readonly provided: number;
    readonly required: number;
    readonly missingTypes: readonly string[];
    /** "X/Y types de documents obligatoires à transmettre". */
    readonly label: string;
    readonly complete: boolean;
  };
  /** Required types first, in the catalogue's order, then the optional ones ("Autre", "Attestation de l'employeur"). */
  readonly types: readonly DocumentTypeView[];
  /** what a file may be, and the guide's line under each type. */
  readonly fileRules: {
    readonly formats: readonly string[];
    readonly maxFileSizeBytes: number;
    readonly maxFilesPerType: number;
    /** "Poids : 20Mo maximum Formats acceptés : pdf, jpg, png, xls, xlsx, docx, csv, 5 fichiers maximum." */
    readonly label: string;
  };
}

/** The Documents tab of a dossier as this actor sees it. */
export function documentsView(
  state: DossierState,
  actor: DossierActor,
  attachments: readonly AttachmentScope[],
  catalogue: Catalogue,
): DocumentsView {
  const progress = documentsProgress(state);
  const required = state.cardType?.requiredDocumentTypes ?? [];
  const maxFiles = state.cardType?.maxFilesPerType ?? MAX_FILES_PER_TYPE;
  // The snapshot in the events keeps the document types; formats and size come from the catalogue.
  const definition = catalogue.find((cardType) => cardType.code === state.cardType?.code);
  const formats = definition?.allowedFormats ?? FILE_FORMATS;
  const maxBytes = definition?.maxFileSizeBytes ?? MAX_FILE_SIZE_BYTES;
  const types = allowedDocumentTypes(state).map((documentType): DocumentTypeView => {
    const files = state.documents
      .filter((d) => d.documentType === documentType)
      .map(
        (d): FileView => ({
          documentId: d.documentId,
          name: d.file.name,
          size: d.file.size,
          mediaType: d.file.mediaType,
          format: d.file.format,
          sha256: d.file.sha256,
          attachedAfterTransmission: d.attachedAfterTransmission,
          removable: mayRemoveDocument(actor, state, attachments, catalogue, d.documentId),
        }),
      );
    return {
      documentType,
      required: required.includes(documentType),
      files,
      filesLabel:
        files.length === 0
          ? 'Aucun fichier chargé'
          : `${files.length} fichier${files.length > 1 ? 's' : ''} chargé${files.length > 1 ? 's' : ''}`,
      maxFiles,
      full: files.length >= maxFiles,
    };
  });
  return {
    progress: {
      provided: progress.provided,
      required: progress.required,
      missingTypes: progress.missingTypes,
      label: progress.label,
      complete: progress.complete,
    },
    types,
    fileRules: {
      formats,
      maxFileSizeBytes: maxBytes,
      maxFilesPerType: maxFiles,
      label: `Poids : ${Math.round(maxBytes / (1024 * 1024))}Mo maximum Formats acceptés : ${formats.join(', ')}, ${maxFiles} fichiers maximum.`,
    },
  };
}
