import { OTHER_DOCUMENT_TYPE } from '../../catalogue';
import type { DossierCommandOf } from '../commands/dossier-command';
import { idFromCommandId } from '../derived-ids';
import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { DossierState } from '../state';
import { isTransmitted } from '../state';
import type { DossierContext } from './context';
import { PRESAISIE_READ_ONLY_MESSAGE } from './edit-guard';
import type { Decision } from './outcome';
import { accept, illegal, missingContext, refuse } from './outcome';

/** The document types a dossier takes: the card type's required and optional ones, and "Autre". */
export function allowedDocumentTypes(state: DossierState): string[] {
  const cardType = state.cardType;
  const types = cardType ? [...cardType.requiredDocumentTypes, ...cardType.optionalDocumentTypes] : [];
  return types.includes(OTHER_DOCUMENT_TYPE) ? types : [...types, OTHER_DOCUMENT_TYPE];
}

/** The id of the document an AttachDocument command adds (given, or derived from the command id: R-36). */
export function newDocumentIdOf(command: DossierCommandOf<'AttachDocument'>): string {
  return command.payload.documentId ?? idFromCommandId(command.commandId, 'document');
}

// Files may be added to a draft, to its own pré-saisie by the provider, and after transmission
// as long as the dossier is still open: why not now, or undefined.
function refusalToAttach(
  command: DossierCommandOf<'AttachDocument'>,
  state: DossierState,
): DossierError | undefined {
  if (state.status === 'presaisie') {
    return command.actor.role === 'prestataire'
      ? undefined
      : dossierError('PRESAISIE_READ_ONLY', PRESAISIE_READ_ONLY_MESSAGE);
  }
  if (state.status === 'draft') return undefined;
  if (isTransmitted(state) && state.status !== 'closed' && state.status !== 'cancelled') return undefined;
  return illegal(state, "L'ajout d'un document");
}

/** R-19..R-22: attach a checked file under one of the dossier's document types, 5 files per type at most. */
export function decideAttachDocument(
  command: DossierCommandOf<'AttachDocument'>,
  state: DossierState,
  context: DossierContext,
): Decision {
  const notNow = refusalToAttach(command, state);
  if (notNow) return refuse(notNow);
  const { documentType } = command.payload;
  const allowed = allowedDocumentTypes(state);
  if (!allowed.includes(documentType)) {
    return refuse(
      dossierError(
        'DOCUMENT_TYPE_NOT_ALLOWED',
        `Le type de document « ${documentType} » n'est pas prévu pour ce dossier : attendu l'un de ${allowed.join(', ')}`,
        { field: 'payload.documentType', tab: 'Documents' },
      ),
    );
  }
  const maxFiles = state.cardType?.maxFilesPerType ?? 5;
  if (state.documents.filter((d) => d.documentType === documentType).length >= maxFiles) {
    return refuse(
      dossierError('TOO_MANY_FILES', `${maxFiles} fichiers maximum pour le type « ${documentType} »`, {
        field: 'payload.documentType',
        tab: 'Documents',
      }),
    );
  }
  const documentId = newDocumentIdOf(command);
  if (state.documents.some((d) => d.documentId === documentId)) {
    return refuse(
      dossierError('DOCUMENT_ID_TAKEN', `Un document d'identifiant ${documentId} est déjà joint`, {
        field: 'payload.documentId',
        tab: 'Documents',
      }),
    );
  }
  if (context.file === undefined) return refuse(missingContext('file'));
  return accept({ type: 'DocumentAttached', data: { documentId, documentType, file: context.file } });
}

/**
 * remove a file from a draft (or, for its provider, from a pré-saisie). Once the dossier
 * is transmitted, what the fund received stays: files can be added, not removed.
 */
export function decideRemoveDocument(
  command: DossierCommandOf<'RemoveDocument'>,
  state: DossierState,
): Decision {
  if (state.status === 'presaisie' && command.actor.role !== 'prestataire') {
    return refuse(dossierError('PRESAISIE_READ_ONLY', PRESAISIE_READ_ONLY_MESSAGE));
  }
  if (isTransmitted(state)) {
    return refuse(
      dossierError('DOCUMENT_NOT_REMOVABLE', 'Un document transmis ne peut plus être retiré', {
        tab: 'Documents',
      }),
    );
  }
  if (state.status !== 'draft' && state.status !== 'presaisie')
    return refuse(illegal(state, 'Le retrait d’un document'));
  const document = state.documents.find((d) => d.documentId === command.payload.documentId);
  if (!document) {
    return refuse(
      dossierError('DOCUMENT_NOT_FOUND', 'Ce document ne fait pas partie du dossier', {
        field: 'payload.documentId',
        tab: 'Documents',
      }),
    );
  }
  return accept({
    type: 'DocumentRemoved',
    data: { documentId: document.documentId, documentType: document.documentType },
  });
}
