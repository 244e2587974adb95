import type { DossierCommandType } from '@cartes-badges/domain';

// One line and one payload per command for docs/commands.md. The reference test decodes every
// example with the library's own decoder, so an example that stops being valid fails CI.

/** What each command does, in the reference's words. */
export const COMMAND_SUMMARIES: Readonly<Record<DossierCommandType, string>> = {
  CreateDraft:
    '« Créer un nouveau dossier » : un brouillon tout de suite, l’employeur pris dans la base INSEE (R-02, R-05, R-06).',
  SubmitPresaisie: 'Un prestataire pré-remplit un brouillon pour un établissement employeur (R-29).',
  DuplicateDraft:
    'Un nouveau brouillon, même employeur et mêmes données, sans attestations ni documents (R-27).',
  ChangeContactEmail: 'Saisit ou change l’email de contact (onglet Employeur, R-06).',
  SelectProvider: 'Choisit le prestataire par SIREN ou SIRET (onglet Prestation, R-12).',
  ChangeInternalReference: 'Saisit ou change la référence interne de l’entreprise (R-11).',
  ChangeCostLines: 'Saisit ou change les coûts de formation (R-13).',
  GiveAttestation: 'Coche une attestation (R-16, R-18).',
  WithdrawAttestation: 'Décoche une attestation (R-16, R-18).',
  ChangeComment: 'Saisit ou change le commentaire pour le gestionnaire (R-17).',
  SaveDraft:
    '« Enregistrer » : le formulaire tel quel, n’importe quel sous-ensemble des champs ; chaque champ qui change devient un événement (R-07).',
  AttachDocument:
    'Joint un fichier sous un type de document, aussi après la transmission (R-19, R-20, R-22, R-37).',
  RemoveDocument: 'Retire un fichier d’un brouillon (R-21) ; jamais après la transmission (R-22).',
  AcceptPresaisie: 'L’employeur accepte la pré-saisie : elle devient un brouillon modifiable (R-30).',
  RefusePresaisie:
    'L’employeur refuse la pré-saisie, avant ou après l’avoir acceptée ; le prestataire est prévenu (R-31, R-32, R-39).',
  DeleteDraft: '« Supprimer » un brouillon (R-27) ; refusé sur une pré-saisie, à refuser plutôt (R-39).',
  TransmitDossier:
    '« Transmettre » : seulement si tous les onglets sont valides, sinon « Saisie invalide » ; donne le numéro de dossier et la confirmation (R-23, R-24, R-38).',
  StartInstruction: 'Le gestionnaire commence l’instruction (R-35).',
  RequestComplements: 'Le gestionnaire demande des compléments (R-35).',
  SubmitComplement: 'L’employeur dépose son complément (les fichiers par AttachDocument) (R-35).',
  GrantFunding: 'Le gestionnaire accorde la prise en charge, au plus le montant demandé (R-35).',
  RefuseFunding: 'Le gestionnaire refuse la prise en charge, avec un motif (R-35).',
  RecordReimbursement: 'Le gestionnaire enregistre le remboursement, au plus le montant accordé (R-35).',
  CloseDossier: 'Le gestionnaire clôture un dossier remboursé ou refusé (R-35).',
  CancelDossier: 'L’employeur ou le gestionnaire annule la demande avant l’accord (R-35).',
  ErasePersonalData:
    'Le personnel du fonds efface les données personnelles du dossier après la durée de conservation (docs/audit.md) ; l’historique reste vérifiable.',
};

const DOSSIER_ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
const employer = { role: 'adherent', userId: 'u-claire-martin' };
const provider = {
  role: 'prestataire',
  userId: 'u-julien-robert',
  siren: '790543219',
  siret: '79054321900014',
};
const caseManager = { role: 'gestionnaire', userId: 'u-nathalie-lefebvre' };

const on = (type: DossierCommandType, actor: object, payload?: object) => ({
  type,
  commandId: `${type.charAt(0).toLowerCase()}${type.slice(1)}-1`,
  actor,
  dossierId: DOSSIER_ID,
  ...(payload === undefined ? {} : { payload }),
});

/** A valid example of each command, as a caller sends it. */
export const COMMAND_EXAMPLES: Readonly<Record<DossierCommandType, object>> = {
  CreateDraft: {
    type: 'CreateDraft',
    commandId: 'create-1',
    actor: employer,
    payload: { siret: '812 345 676 00017', cardType: 'CHRONO' },
  },
  SubmitPresaisie: {
    type: 'SubmitPresaisie',
    commandId: 'presaisie-1',
    actor: provider,
    payload: {
      siret: '81234567600017',
      cardType: 'CHRONO',
      costLines: [{ nature: 'Achat Matériel', unitAmount: '52,50', quantity: 10 }],
      contactEmail: 'rh@interim-services.fr',
      comment: 'Pré-saisie préparée avec l’agence',
    },
  },
  DuplicateDraft: {
    type: 'DuplicateDraft',
    commandId: 'duplicate-1',
    actor: employer,
    payload: { sourceDossierId: DOSSIER_ID },
  },
  ChangeContactEmail: on('ChangeContactEmail', employer, { email: 'claire.martin@interim-services.fr' }),
  SelectProvider: on('SelectProvider', employer, { search: '790 543 219' }),
  ChangeInternalReference: on('ChangeInternalReference', employer, { internalReference: 'BC-2026-01' }),
  ChangeCostLines: on('ChangeCostLines', employer, {
    lines: [{ nature: 'Achat Matériel', unitAmount: '1 234,56 €', quantity: 3 }],
  }),
  GiveAttestation: on('GiveAttestation', employer, { attestation: 'honour' }),
  WithdrawAttestation: on('WithdrawAttestation', employer, { attestation: 'honour' }),
  ChangeComment: on('ChangeComment', employer, { comment: 'Cartes pour trois nouveaux chauffeurs' }),
  SaveDraft: on('SaveDraft', employer, {
    contactEmail: 'claire.martin@interim-services.fr',
    providerSearch: '790.543.219.00014',
    internalReference: 'BC-2026-01',
    costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 3 }],
    comment: null,
    attestations: { honour: true, generalConditions: true, supportingDocuments: true },
  }),
  AttachDocument: on('AttachDocument', employer, {
    documentType: 'Facture entreprise',
    fileName: 'facture.pdf',
    content: 'JVBERi0xLjQKJSBGYWN0dXJlCg==',
  }),
  RemoveDocument: on('RemoveDocument', employer, { documentId: '7e2d9c4b-1a3f-4e5d-9b8c-6a7f0e1d2c3b' }),
  AcceptPresaisie: on('AcceptPresaisie', employer),
  RefusePresaisie: on('RefusePresaisie', employer, { reason: 'Quantité erronée' }),
  DeleteDraft: on('DeleteDraft', employer),
  TransmitDossier: on('TransmitDossier', employer),
  StartInstruction: on('StartInstruction', caseManager),
  RequestComplements: on('RequestComplements', caseManager, { message: 'Merci de joindre le devis signé' }),
  SubmitComplement: on('SubmitComplement', employer, { comment: 'Devis joint' }),
  GrantFunding: on('GrantFunding', caseManager, { amountGrantedCents: 15000 }),
  RefuseFunding: on('RefuseFunding', caseManager, { reason: 'Hors du champ du fonds' }),
  RecordReimbursement: on('RecordReimbursement', caseManager, { amountPaidCents: 15000 }),
  CloseDossier: on('CloseDossier', caseManager),
  CancelDossier: on('CancelDossier', employer, { reason: 'Commande annulée' }),
  ErasePersonalData: on('ErasePersonalData', caseManager, { reason: 'Durée de conservation échue' }),
};
