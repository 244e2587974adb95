// When a dossier takes or gives back a file, and what a refusal tells the user word for word, on
// which field and tab (documents.test.ts proves the rules' main cases).
import {
  draftCreated,
  fileMetadata,
  givenDossier,
  onDossier,
  presaisieSubmitted,
  provider,
  transmittedDossier,
} from '../../testing';
import type { DossierActor } from '../commands';
import type { DossierEvent } from '../events';

const attach = (documentType: string, actor?: DossierActor) =>
  onDossier('AttachDocument', { documentType, fileName: 'a.pdf', content: new Uint8Array([0x25]) }, actor);
const remove = (documentId: string, actor?: DossierActor) =>
  onDossier('RemoveDocument', { documentId }, actor);

const file = fileMetadata('a.pdf');
const attached = (documentType: string, n: number): DossierEvent => ({
  type: 'DocumentAttached',
  data: {
    documentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    documentType,
    file: fileMetadata(`f${n}.pdf`),
  },
});

const deleted: DossierEvent[] = [draftCreated(), { type: 'DraftDeleted', data: {} }];
const started: DossierEvent[] = [...transmittedDossier(), { type: 'InstructionStarted', data: {} }];
const closed: DossierEvent[] = [
  ...started,
  { type: 'Granted', data: { amountGrantedCents: 21000 } },
  { type: 'Reimbursed', data: { amountPaidCents: 21000 } },
  { type: 'Closed', data: {} },
];
const cancelled: DossierEvent[] = [...transmittedDossier(), { type: 'Cancelled', data: { reason: null } }];

describe('when a dossier takes a file', () => {
  it.each([
    ['a deleted draft', deleted, 'Supprimé'],
    ['a closed dossier', closed, 'Clôturé'],
    ['a cancelled dossier', cancelled, 'Annulé'],
  ])('R-22 refuses a file on %s, naming its state', (_name, history, label) => {
    givenDossier(history)
      .when(attach('Autre'), { file })
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: `L'ajout d'un document est impossible : le dossier est dans l'état « ${label} »`,
      });
  });

  it('R-22 takes a file while the dossier is instructed, as after its transmission', () => {
    givenDossier(started)
      .when(attach('Autre'), { file })
      .thenState((state) => expect(state.documents.at(-1)?.attachedAfterTransmission).toBe(true));
  });
});

describe('a file refused', () => {
  it('R-19 names the type refused and the types the dossier takes, on the Documents tab', () => {
    givenDossier([draftCreated()]).when(attach('Liste des salariés bénéficiaires'), { file }).thenError({
      code: 'DOCUMENT_TYPE_NOT_ALLOWED',
      message:
        "Le type de document « Liste des salariés bénéficiaires » n'est pas prévu pour ce dossier : attendu l'un de Copie facture prestataire, Facture entreprise, Autre, Attestation de l'employeur",
      field: 'payload.documentType',
      tab: 'Documents',
    });
  });

  it('R-20 puts the sixth file of a type on the document type field of the Documents tab', () => {
    const five = [1, 2, 3, 4, 5].map((n) => attached('Facture entreprise', n));
    givenDossier([draftCreated(), ...five])
      .when(attach('Facture entreprise'), { file })
      .thenError({
        code: 'TOO_MANY_FILES',
        message: '5 fichiers maximum pour le type « Facture entreprise »',
        field: 'payload.documentType',
        tab: 'Documents',
      });
  });
});

describe('when a dossier gives a file back', () => {
  const ownFile = '00000000-0000-4000-8000-000000000001';

  it('R-30 tells the employer a pré-saisie awaiting acceptance is read-only; its provider removes its own file', () => {
    const history = [presaisieSubmitted(), attached('Copie facture prestataire', 1)];
    givenDossier(history).when(remove(ownFile)).thenError({
      code: 'PRESAISIE_READ_ONLY',
      message: 'Cette pré-saisie est en lecture seule : acceptez-la pour pouvoir la modifier ou la compléter',
    });
    givenDossier(history)
      .when(remove(ownFile, provider))
      .thenEvents([
        {
          type: 'DocumentRemoved',
          data: { documentId: ownFile, documentType: 'Copie facture prestataire' },
        },
      ]);
  });

  it('R-22 says a transmitted file stays, on the Documents tab', () => {
    givenDossier([...transmittedDossier(), attached('Autre', 1)])
      .when(remove(ownFile))
      .thenError({
        code: 'DOCUMENT_NOT_REMOVABLE',
        message: 'Un document transmis ne peut plus être retiré',
        tab: 'Documents',
      });
  });

  it('R-27 refuses removing a file of a deleted draft, naming its state', () => {
    givenDossier([draftCreated(), attached('Autre', 1), { type: 'DraftDeleted', data: {} }])
      .when(remove(ownFile))
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: "Le retrait d’un document est impossible : le dossier est dans l'état « Supprimé »",
      });
  });

  it('R-21 says a file the dossier does not hold is not part of it, on the document id field', () => {
    givenDossier([draftCreated(), attached('Autre', 1)])
      .when(remove('00000000-0000-4000-8000-000000000002'))
      .thenError({
        code: 'DOCUMENT_NOT_FOUND',
        message: 'Ce document ne fait pas partie du dossier',
        field: 'payload.documentId',
        tab: 'Documents',
      });
  });
});
