import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent, DossierState } from '@cartes-badges/domain';
import { ATTESTATION_LABELS, formatEuros, totalAmountCents } from '@cartes-badges/domain';

const quote = (text: string | null): string => (text ? ` : « ${text} »` : '');

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} o`
    : `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
}

/** What happened, in French, as an auditor reads it (the state before helps name what changed). */
export function describeEvent(event: RecordedEvent<DossierEvent>, before: DossierState): string {
  switch (event.type) {
    case 'DraftCreated':
      return `Brouillon n° ${event.data.draftNumber} créé : ${event.data.cardType.label} pour ${event.data.establishment.name} (SIRET ${event.data.establishment.siret})`;
    case 'PresaisieSubmitted':
      return `Pré-saisie n° ${event.data.draftNumber} déposée par le prestataire ${event.data.provider.name} (SIRET ${event.data.provider.siret}) pour ${event.data.establishment.name} (SIRET ${event.data.establishment.siret}) : ${event.data.cardType.label}, total HT ${formatEuros(totalAmountCents(event.data.costLines))}`;
    case 'PresaisieAccepted':
      return "Pré-saisie acceptée par l'employeur : elle devient un brouillon modifiable";
    case 'PresaisieRefused':
      return `Pré-saisie refusée par l'employeur${event.data.afterAcceptance ? ' après acceptation' : ''}${quote(event.data.reason)} ; le prestataire (SIREN ${event.data.providerSiren}) en est notifié`;
    case 'DraftDuplicated':
      return `Brouillon n° ${event.data.draftNumber} créé par duplication du brouillon n° ${event.data.sourceDraftNumber} (${event.data.cardType.label}, ${event.data.establishment.name})`;
    case 'DraftDeleted':
      return 'Brouillon supprimé : il quitte la liste des brouillons';
    case 'ContactEmailChanged':
      return event.data.email ? `Email de contact saisi : ${event.data.email}` : 'Email de contact effacé';
    case 'ProviderSelected':
      return `Prestataire choisi : ${event.data.provider.name} (SIRET ${event.data.provider.siret})`;
    case 'InternalReferenceChanged':
      return event.data.internalReference
        ? `Référence interne saisie : ${event.data.internalReference}`
        : 'Référence interne effacée';
    case 'CostLinesChanged': {
      const lines = event.data.lines.map(
        (l) => `${l.quantity ?? '?'} × ${l.unitAmountCents === null ? '?' : formatEuros(l.unitAmountCents)}`,
      );
      return `Coûts saisis : ${lines.join(' ; ') || 'aucune ligne'} — total HT ${formatEuros(totalAmountCents(event.data.lines))}`;
    }
    case 'AttestationGiven':
      return `Attestation cochée : « ${ATTESTATION_LABELS[event.data.attestation]} »`;
    case 'AttestationWithdrawn':
      return `Attestation décochée : « ${ATTESTATION_LABELS[event.data.attestation]} »`;
    case 'CommentChanged':
      return event.data.comment
        ? `Commentaire au gestionnaire${quote(event.data.comment)}`
        : 'Commentaire effacé';
    case 'DocumentAttached':
      return `Document joint (${event.data.documentType}) : ${event.data.file.name}, ${size(event.data.file.size)}, sha256 ${event.data.file.sha256}`;
    case 'DocumentRemoved': {
      const doc = before.documents.find((d) => d.documentId === event.data.documentId);
      return `Document retiré (${event.data.documentType})${doc ? ` : ${doc.file.name}` : ''}`;
    }
    case 'Transmitted':
      return `Dossier transmis à l'OPCO : n° ${event.data.dossierNumber}, total HT ${formatEuros(event.data.totalAmountCents)}`;
    case 'InstructionStarted':
      return "Instruction commencée par l'OPCO";
    case 'ComplementsRequested':
      return `Demande de compléments${quote(event.data.message)}`;
    case 'ComplementSubmitted':
      return `Complément déposé par l'employeur${quote(event.data.comment)}`;
    case 'Granted':
      return `Prise en charge accordée : ${formatEuros(event.data.amountGrantedCents)}${before.transmittedAmountCents !== null && before.transmittedAmountCents !== event.data.amountGrantedCents ? ` (demandé ${formatEuros(before.transmittedAmountCents)})` : ''}`;
    case 'Refused':
      return `Prise en charge refusée${quote(event.data.reason)}`;
    case 'Reimbursed':
      return `Remboursement versé : ${formatEuros(event.data.amountPaidCents)}`;
    case 'Closed':
      return 'Dossier clôturé';
    case 'Cancelled':
      return `Dossier annulé${quote(event.data.reason)}`;
    case 'PersonalDataErased':
      return `Données personnelles effacées${quote(event.data.reason)}${event.data.forced ? ' avant la fin de la durée de conservation (forcé)' : ` après la durée de conservation (${event.data.retentionDays} jours)`} : ${event.data.fields.length} champs (${event.data.fields.join(', ')}) se lisent désormais « [effacé] » ; la chaîne de hachage reste vérifiable`;
  }
}

const ROLE_LABELS: Record<string, string> = {
  adherent: 'Adhérent',
  prestataire: 'Prestataire',
  gestionnaire: 'Gestionnaire OPCO',
  system: 'Système',
};

/** The role as the portal names it. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
