import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { isNoChangeMarker } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from './events';
import type { DossierState } from './state';
import { isTransmitted } from './state';
import { erasePersonalValues } from './erase-personal-values';

/**
 * Folds one recorded event into the state. Pure and total; an event that makes no sense in the
 * current state cannot come from `decide`, and is folded as written (history is the truth). The
 * kernel's no-change marker (a command that changed nothing, R-36) leaves the state as it is.
 */
export function evolveDossier(state: DossierState, event: RecordedEvent<DossierEvent>): DossierState {
  if (isNoChangeMarker(event)) return state;
  const next = apply(state, event);
  return { ...next, version: event.version };
}

function apply(state: DossierState, event: RecordedEvent<DossierEvent>): DossierState {
  switch (event.type) {
    case 'DraftCreated':
      return {
        ...state,
        status: 'draft',
        dossierId: event.data.dossierId,
        draftNumber: event.data.draftNumber,
        establishment: event.data.establishment,
        cardType: event.data.cardType,
        origin: 'adherent',
      };
    case 'PresaisieSubmitted':
      return {
        ...state,
        status: 'presaisie',
        dossierId: event.data.dossierId,
        draftNumber: event.data.draftNumber,
        establishment: event.data.establishment,
        cardType: event.data.cardType,
        origin: 'presaisie',
        presaisieProvider: event.data.provider,
        provider: event.data.provider,
        contactEmail: event.data.contactEmail,
        costLines: event.data.costLines,
        comment: event.data.comment,
      };
    case 'DraftDuplicated':
      return {
        ...state,
        status: 'draft',
        dossierId: event.data.dossierId,
        draftNumber: event.data.draftNumber,
        establishment: event.data.establishment,
        cardType: event.data.cardType,
        origin: 'duplicate',
        duplicatedFrom: event.data.sourceDossierId,
        contactEmail: event.data.contactEmail,
        internalReference: event.data.internalReference,
        provider: event.data.provider,
        costLines: event.data.costLines,
        comment: event.data.comment,
      };
    case 'PresaisieAccepted':
      return { ...state, status: 'draft', presaisieAccepted: true };
    case 'PresaisieRefused':
      return {
        ...state,
        status: 'removed',
        removal: 'presaisieRefused',
        refusalReason: event.data.reason,
        endedAt: event.metadata.occurredAt,
      };
    case 'DraftDeleted':
      return { ...state, status: 'removed', removal: 'deleted', endedAt: event.metadata.occurredAt };
    case 'ContactEmailChanged':
      return { ...state, contactEmail: event.data.email };
    case 'ProviderSelected':
      return { ...state, provider: event.data.provider };
    case 'InternalReferenceChanged':
      return { ...state, internalReference: event.data.internalReference };
    case 'CostLinesChanged':
      return { ...state, costLines: event.data.lines };
    case 'AttestationGiven':
      return { ...state, attestations: { ...state.attestations, [event.data.attestation]: true } };
    case 'AttestationWithdrawn':
      return { ...state, attestations: { ...state.attestations, [event.data.attestation]: false } };
    case 'CommentChanged':
      return { ...state, comment: event.data.comment };
    case 'DocumentAttached':
      return {
        ...state,
        documents: [
          ...state.documents,
          {
            documentId: event.data.documentId,
            documentType: event.data.documentType,
            file: event.data.file,
            attachedAfterTransmission: isTransmitted(state),
          },
        ],
      };
    case 'DocumentRemoved':
      return { ...state, documents: state.documents.filter((d) => d.documentId !== event.data.documentId) };
    case 'Transmitted':
      return {
        ...state,
        status: 'transmitted',
        dossierNumber: event.data.dossierNumber,
        transmittedAmountCents: event.data.totalAmountCents,
      };
    case 'InstructionStarted':
      return { ...state, status: 'instruction' };
    case 'ComplementsRequested':
      return { ...state, status: 'complementsRequested', complementsRequest: event.data.message };
    case 'ComplementSubmitted':
      return { ...state, status: 'complementSubmitted' };
    case 'Granted':
      return { ...state, status: 'granted', amountGrantedCents: event.data.amountGrantedCents };
    case 'Refused':
      return { ...state, status: 'refused', refusalReason: event.data.reason };
    case 'Reimbursed':
      return { ...state, status: 'reimbursed', amountPaidCents: event.data.amountPaidCents };
    case 'Closed':
      return { ...state, status: 'closed', endedAt: event.metadata.occurredAt };
    case 'Cancelled':
      return {
        ...state,
        status: 'cancelled',
        cancellationReason: event.data.reason,
        endedAt: event.metadata.occurredAt,
      };
    case 'PersonalDataErased':
      return { ...erasePersonalValues(state), personalDataErasedAt: event.metadata.occurredAt };
  }
}
