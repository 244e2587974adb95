// The buttons a dossier screen offers, each with the
// portal's label. The expected lists are written from the rules, one state and actor at a time,
// not read from the decider the function asks.
import { defaultCatalogue, OTHER_DOCUMENT_TYPE } from '../catalogue';
import {
  acceptedCompletePresaisie,
  caseManager,
  completeDraft,
  draftCreated,
  employer,
  fileMetadata,
  foldEvents,
  otherEmployer,
  otherProvider,
  presaisieSubmitted,
  provider,
  TEST_ATTACHMENTS,
  transmittedDossier,
} from '../testing';
import { availableActions, mayRemoveDocument } from './available-actions';
import type { DossierActor } from './commands';
import type { DossierEvent } from './events';

const system: DossierActor = { role: 'system', userId: 'retention-job' };

const started: DossierEvent[] = [...transmittedDossier(), { type: 'InstructionStarted', data: {} }];
const complementsRequested: DossierEvent[] = [
  ...started,
  { type: 'ComplementsRequested', data: { message: 'Merci de joindre le devis' } },
];
const granted: DossierEvent[] = [...started, { type: 'Granted', data: { amountGrantedCents: 20000 } }];
const reimbursed: DossierEvent[] = [...granted, { type: 'Reimbursed', data: { amountPaidCents: 20000 } }];

function actionsOf(actor: DossierActor, history: readonly DossierEvent[]): string[] {
  const state = foldEvents(history);
  return availableActions(actor, state, TEST_ATTACHMENTS[actor.userId] ?? [], defaultCatalogue).map(
    (action) => `${action.type}: ${action.label}`,
  );
}

describe('availableActions', () => {
  it('R-27 R-23 offers the employer edit, transmit, add a document, duplicate and delete on its draft, complete or not', () => {
    const draftActions = [
      'SaveDraft: Enregistrer',
      'TransmitDossier: Transmettre', // pressing it on an incomplete draft says what is missing
      'AttachDocument: Ajouter un document',
      'DuplicateDraft: Dupliquer',
      'DeleteDraft: Supprimer',
    ];
    expect(actionsOf(employer, [draftCreated()])).toEqual(draftActions);
    expect(actionsOf(employer, completeDraft())).toEqual(draftActions);
  });

  it('R-20 still offers adding a document when a type holds its 5 files: pressing it says why', () => {
    const fiveOthers: DossierEvent[] = [1, 2, 3, 4, 5].map((n) => ({
      type: 'DocumentAttached',
      data: {
        documentId: `00000000-0000-4000-8000-00000000a00${n}`,
        documentType: OTHER_DOCUMENT_TYPE,
        file: fileMetadata(`autre-${n}.pdf`),
      },
    }));
    expect(actionsOf(employer, [...completeDraft(), ...fiveOthers])).toContain(
      'AttachDocument: Ajouter un document',
    );
  });

  it('R-04 offers nothing on a draft to a user of another company, a provider, a case manager or the system', () => {
    for (const actor of [otherEmployer, provider, caseManager, system]) {
      expect(actionsOf(actor, completeDraft())).toEqual([]);
    }
  });

  it('R-30 R-39 offers the employer only accept or refuse on a pré-saisie awaiting acceptance, never delete', () => {
    expect(actionsOf(employer, [presaisieSubmitted()])).toEqual([
      'AcceptPresaisie: Accepter',
      'RefusePresaisie: Refuser',
    ]);
  });

  it('R-04 R-30 offers the provider adding a file on its own pré-saisie awaiting acceptance, and nothing to another provider', () => {
    expect(actionsOf(provider, [presaisieSubmitted()])).toEqual(['AttachDocument: Ajouter un document']);
    expect(actionsOf(otherProvider, [presaisieSubmitted()])).toEqual([]);
    expect(actionsOf(provider, acceptedCompletePresaisie())).toEqual([]);
  });

  it('R-32 R-39 offers the employer refuse, edit, transmit, add and duplicate on an accepted pré-saisie, never delete', () => {
    expect(actionsOf(employer, acceptedCompletePresaisie())).toEqual([
      'RefusePresaisie: Refuser',
      'SaveDraft: Enregistrer',
      'TransmitDossier: Transmettre',
      'AttachDocument: Ajouter un document',
      'DuplicateDraft: Dupliquer',
    ]);
  });

  it('R-22 R-35 offers the employer adding a document and withdrawing a transmitted dossier, the case manager starting instruction or cancelling', () => {
    expect(actionsOf(employer, transmittedDossier())).toEqual([
      'AttachDocument: Ajouter un document',
      'CancelDossier: Annuler la demande',
    ]);
    const instructionStart = [
      "StartInstruction: Commencer l'instruction",
      'CancelDossier: Annuler la demande',
    ];
    expect(actionsOf(caseManager, transmittedDossier())).toEqual(instructionStart);
    expect(actionsOf(system, transmittedDossier())).toEqual(instructionStart);
    expect(actionsOf(otherEmployer, transmittedDossier())).toEqual([]);
  });

  it('R-35 offers the case manager the moves out of En cours d’instruction', () => {
    expect(actionsOf(caseManager, started)).toEqual([
      'RequestComplements: Demander des compléments',
      'GrantFunding: Accorder la prise en charge',
      'RefuseFunding: Refuser la prise en charge',
      'CancelDossier: Annuler la demande',
    ]);
  });

  it('R-35 offers the employer a complement when complements are requested', () => {
    expect(actionsOf(employer, complementsRequested)).toEqual([
      'AttachDocument: Ajouter un document',
      'SubmitComplement: Déposer un complément',
      'CancelDossier: Annuler la demande',
    ]);
  });

  it('R-35 offers the reimbursement once granted, then closing, and no cancelling after Accordé', () => {
    expect(actionsOf(caseManager, granted)).toEqual(['RecordReimbursement: Enregistrer le remboursement']);
    expect(actionsOf(caseManager, reimbursed)).toEqual(['CloseDossier: Clôturer']);
    expect(actionsOf(employer, granted)).not.toContain('CancelDossier: Annuler la demande');
  });
});

describe('mayRemoveDocument', () => {
  const copieFacture = '00000000-0000-4000-8000-00000000d001';
  const mayRemove = (actor: DossierActor, history: readonly DossierEvent[], documentId = copieFacture) =>
    mayRemoveDocument(
      actor,
      foldEvents(history),
      TEST_ATTACHMENTS[actor.userId] ?? [],
      defaultCatalogue,
      documentId,
    );

  it('R-21 lets the employer remove a file of its draft, not a file the draft does not hold', () => {
    expect(mayRemove(employer, completeDraft())).toBe(true);
    expect(mayRemove(employer, acceptedCompletePresaisie())).toBe(true);
    expect(mayRemove(employer, completeDraft(), '00000000-0000-4000-8000-00000000dfff')).toBe(false);
  });

  it('R-04 R-22 lets no one else remove it, and no one once the dossier is transmitted', () => {
    expect(mayRemove(otherEmployer, completeDraft())).toBe(false);
    expect(mayRemove(caseManager, completeDraft())).toBe(false);
    expect(mayRemove(employer, transmittedDossier())).toBe(false);
    expect(mayRemove(caseManager, transmittedDossier())).toBe(false);
  });
});
