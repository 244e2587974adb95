// R-43: a message meant for a person names the field as the portal labels it ("Email de
// contact"), never by its technical path (`payload.email`), which stays in `field` for programs.
// One table for both the command payloads and the validation messages of the tabs.

/** The French label of each field, by its path without the `payload.` prefix. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // The command's envelope (what a program gets wrong, not a person; named all the same).
  command: 'Commande',
  type: 'Type de commande',
  commandId: 'Identifiant de la commande',
  dossierId: 'Identifiant du dossier',
  actor: 'Profil',
  'actor.role': 'Profil',
  'actor.userId': 'Identifiant utilisateur',
  'actor.siren': 'SIREN du profil',
  'actor.siret': 'SIRET du profil',
  payload: 'Données de la commande',
  asOf: 'Date de consultation',
  id: 'Numéro ou identifiant du dossier',
  // Employeur
  establishment: 'Établissement',
  siret: 'SIRET',
  siren: 'SIREN',
  employer: 'Employeur',
  email: 'Email de contact',
  contactEmail: 'Email de contact',
  // Prestation
  cardType: 'Type de badge/cartes',
  internalReference: "Référence interne de l'entreprise",
  provider: 'Prestataire',
  search: 'Rechercher prestataire',
  providerSearch: 'Rechercher prestataire',
  lines: 'Coûts de formation',
  costLines: 'Coûts de formation',
  // Synthèse
  attestation: 'Attestation',
  attestations: 'Attestations',
  'attestations.honour': "Attestation sur l'honneur",
  'attestations.generalConditions': 'Conditions Générales',
  'attestations.supportingDocuments': 'Attestation des pièces justificatives',
  comment: 'Commentaires',
  // Documents
  documents: 'Documents obligatoires',
  documentType: 'Type de document',
  fileName: 'Nom du fichier',
  content: 'Fichier',
  documentId: 'Identifiant du document',
  // Creation, pré-saisie and instruction
  sourceDossierId: 'Brouillon à dupliquer',
  presaisie: 'Pré-saisie',
  reason: 'Motif',
  message: 'Compléments demandés',
  amountGrantedCents: 'Montant accordé',
  amountPaidCents: 'Montant remboursé',
};

const COST_LINE_FIELDS: Readonly<Record<string, string>> = {
  nature: 'Nature',
  unitAmountCents: 'Montant HT',
  unitAmount: 'Montant HT',
  quantity: 'Quantité',
};

/**
 * The French label of a field path: `payload.email` → "Email de contact",
 * `payload.costLines.1.quantity` → "Coûts de formation, ligne 2 : Quantité". A path the table
 * does not know takes its closest known parent's label; a field no command has is named
 * as it was sent, the only name it has.
 */
export function fieldLabel(field: string): string {
  const path = field.startsWith('payload.') ? field.slice('payload.'.length) : field;
  const exact = FIELD_LABELS[path];
  if (exact !== undefined) return exact;
  const line = /^(costLines|lines)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (line) {
    const where = `Coûts de formation, ligne ${Number(line[2]) + 1}`;
    const what = line[3] === undefined ? undefined : COST_LINE_FIELDS[line[3]];
    return what === undefined ? where : `${where} : ${what}`;
  }
  const parts = path.split('.');
  for (let end = parts.length - 1; end > 0; end--) {
    const parent = FIELD_LABELS[parts.slice(0, end).join('.')];
    if (parent !== undefined) return parent;
  }
  return `Champ « ${path} »`;
}
