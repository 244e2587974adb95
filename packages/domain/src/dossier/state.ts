import type { Email } from '../identifiers';
import type { EstablishmentSnapshot, FileMetadata, ProviderSnapshot } from '../ports';
import type { Attestation, CardTypeSnapshot, CostLine, Erased } from './events';

/** Where a dossier is in its life (R-24, R-29..R-32, R-35). */
export type DossierStatus =
  | 'none'
  | 'presaisie'
  | 'draft'
  | 'removed'
  | 'transmitted'
  | 'instruction'
  | 'complementsRequested'
  | 'complementSubmitted'
  | 'granted'
  | 'refused'
  | 'reimbursed'
  | 'closed'
  | 'cancelled';

/** A file attached to the dossier (metadata only; the bytes are in the blob store). */
export interface AttachedDocument {
  readonly documentId: string;
  readonly documentType: string;
  readonly file: FileMetadata;
  /** attached from the dossier's page after transmission. */
  readonly attachedAfterTransmission: boolean;
}

/** The state of one dossier, folded from its stream; read-only. */
export interface DossierState {
  readonly status: DossierStatus;
  /** Version of the last event folded (-1: no stream). */
  readonly version: number;
  readonly dossierId: string | null;
  readonly draftNumber: number | null;
  readonly dossierNumber: string | null;
  /** the employer establishment, fixed at creation. */
  readonly establishment: EstablishmentSnapshot | null;
  readonly cardType: CardTypeSnapshot | null;
  /** How the dossier started. */
  readonly origin: 'adherent' | 'presaisie' | 'duplicate' | null;
  /** the provider who submitted the pré-saisie, when it is one. */
  readonly presaisieProvider: ProviderSnapshot | null;
  readonly presaisieAccepted: boolean;
  readonly duplicatedFrom: string | null;
  /** Why a removed dossier left the drafts list. */
  readonly removal: 'deleted' | 'presaisieRefused' | null;
  /** `[effacé]` once the dossier's personal data was erased. */
  readonly contactEmail: Email | Erased | null;
  readonly internalReference: string | null;
  readonly provider: ProviderSnapshot | null;
  readonly costLines: readonly CostLine[];
  readonly attestations: Readonly<Record<Attestation, boolean>>;
  readonly comment: string | null;
  readonly documents: readonly AttachedDocument[];
  /** total HT asked, frozen at transmission. */
  readonly transmittedAmountCents: number | null;
  readonly complementsRequest: string | null;
  readonly amountGrantedCents: number | null;
  readonly amountPaidCents: number | null;
  readonly refusalReason: string | null;
  readonly cancellationReason: string | null;
  /** When the dossier reached a state it never leaves (removed, closed, cancelled): retention runs from then. */
  readonly endedAt: string | null;
  /** When its personal data was erased (PersonalDataErased), null while it is kept. */
  readonly personalDataErasedAt: string | null;
}

/** The state before any event. */
export function initialDossierState(): DossierState {
  return {
    status: 'none',
    version: -1,
    dossierId: null,
    draftNumber: null,
    dossierNumber: null,
    establishment: null,
    cardType: null,
    origin: null,
    presaisieProvider: null,
    presaisieAccepted: false,
    duplicatedFrom: null,
    removal: null,
    contactEmail: null,
    internalReference: null,
    provider: null,
    costLines: [],
    attestations: { honour: false, generalConditions: false, supportingDocuments: false },
    comment: null,
    documents: [],
    transmittedAmountCents: null,
    complementsRequest: null,
    amountGrantedCents: null,
    amountPaidCents: null,
    refusalReason: null,
    cancellationReason: null,
    endedAt: null,
    personalDataErasedAt: null,
  };
}

/** The states after transmission (the Dossiers list, R-24/R-35). */
export const TRANSMITTED_STATUSES: readonly DossierStatus[] = [
  'transmitted',
  'instruction',
  'complementsRequested',
  'complementSubmitted',
  'granted',
  'refused',
  'reimbursed',
  'closed',
  'cancelled',
];

/** Every state a dossier shows in a list (all but 'none': a dossier that does not exist yet). */
export const LISTED_STATUSES: readonly DossierStatus[] = [
  'presaisie',
  'draft',
  'removed',
  ...TRANSMITTED_STATUSES,
];

/** True once the dossier has been transmitted (whatever happened since). */
export function isTransmitted(state: DossierState): boolean {
  return TRANSMITTED_STATUSES.includes(state.status);
}

/** The label the lists show for a state (see the spec's state labels). */
export function dossierStatusLabel(state: Pick<DossierState, 'status' | 'removal'>): string {
  switch (state.status) {
    case 'none':
      return 'Inexistant';
    case 'presaisie':
      return 'Pré-saisie à valider';
    case 'draft':
      return 'En cours de saisie';
    case 'removed':
      return state.removal === 'presaisieRefused' ? 'Pré-saisie refusée' : 'Supprimé';
    case 'transmitted':
      return 'Transmis';
    case 'instruction':
      return "En cours d'instruction";
    case 'complementsRequested':
      return 'Demande de compléments';
    case 'complementSubmitted':
      return 'Complément déposé';
    case 'granted':
      return 'Accordé';
    case 'refused':
      return 'Refusé';
    case 'reimbursed':
      return 'Remboursé';
    case 'closed':
      return 'Clôturé';
    case 'cancelled':
      return 'Annulé';
  }
}
