import * as E from 'fp-ts/Either';
import { decodeDossierCommand } from './commands';
import { FIELD_LABELS, fieldLabel } from './field-labels';

describe('R-43 messages name the field by its French label', () => {
  it('R-43 a malformed email is "Email de contact : ...", the path stays in field', () => {
    const result = decodeDossierCommand({
      type: 'ChangeContactEmail',
      commandId: 'c-1',
      actor: { role: 'adherent', userId: 'amoa1' },
      dossierId: '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
      payload: { email: 'amoa1.x' },
    });
    expect(result).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.email' })));
    const message = E.isLeft(result) ? result.left.message : '';
    expect(message).toMatch(/^Email de contact : /);
    expect(message).not.toContain('payload');
  });

  it.each([
    ['payload.contactEmail', 'Email de contact'],
    ['payload.costLines.1.quantity', 'Coûts de formation, ligne 2 : Quantité'],
    ['payload.lines.0.unitAmountCents', 'Coûts de formation, ligne 1 : Montant HT'],
    ['payload.attestations.generalConditions', 'Conditions Générales'],
    ['costLines.0.nature', 'Coûts de formation, ligne 1 : Nature'],
    ['attestations.supportingDocuments', 'Attestation des pièces justificatives'],
    ['actor.siret', 'SIRET du profil'],
    ['payload.provider.address.city', 'Prestataire'],
    ['payload.costLines.2', 'Coûts de formation, ligne 3'],
    ['lines.0.colour', 'Coûts de formation, ligne 1'],
  ])('R-43 %s reads "%s"', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });

  it('R-43 a field no command knows (R-42) is named as it was sent', () => {
    expect(fieldLabel('payload.contactMail')).toBe('Champ « contactMail »');
  });

  // Written from the portal's screens (the guide's tab and column names) and the command reference,
  // not read from the table: a label emptied or changed there fails here.
  const LABELS: Record<string, string> = {
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
    establishment: 'Établissement',
    siret: 'SIRET',
    siren: 'SIREN',
    employer: 'Employeur',
    email: 'Email de contact',
    contactEmail: 'Email de contact',
    cardType: 'Type de badge/cartes',
    internalReference: "Référence interne de l'entreprise",
    provider: 'Prestataire',
    search: 'Rechercher prestataire',
    providerSearch: 'Rechercher prestataire',
    lines: 'Coûts de formation',
    costLines: 'Coûts de formation',
    attestation: 'Attestation',
    attestations: 'Attestations',
    'attestations.honour': "Attestation sur l'honneur",
    'attestations.generalConditions': 'Conditions Générales',
    'attestations.supportingDocuments': 'Attestation des pièces justificatives',
    comment: 'Commentaires',
    documents: 'Documents obligatoires',
    documentType: 'Type de document',
    fileName: 'Nom du fichier',
    content: 'Fichier',
    documentId: 'Identifiant du document',
    sourceDossierId: 'Brouillon à dupliquer',
    presaisie: 'Pré-saisie',
    reason: 'Motif',
    message: 'Compléments demandés',
    amountGrantedCents: 'Montant accordé',
    amountPaidCents: 'Montant remboursé',
  };

  it('R-43 names every field of the commands and tabs by its label, with or without payload.', () => {
    expect(FIELD_LABELS).toEqual(LABELS);
    for (const [path, label] of Object.entries(LABELS)) {
      expect([path, fieldLabel(path)]).toEqual([path, label]);
      expect([path, fieldLabel(`payload.${path}`)]).toEqual([path, label]);
    }
  });

  it.each([
    ['payload.costLines.12.quantity', 'Coûts de formation, ligne 13 : Quantité'],
    ['payload.lines.0.unitAmount', 'Coûts de formation, ligne 1 : Montant HT'],
    ['payload.provider.lines.0', 'Prestataire'],
    ['payload.attestations.honour.given', "Attestation sur l'honneur"],
    ['actor.siret.digits', 'SIRET du profil'],
  ])('R-43 a path under a known one, %s, reads "%s"', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});
