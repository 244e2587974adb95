// the form changes only on a draft. A pré-saisie awaiting acceptance is read-only and
// says how to unlock it; a dossier that left the drafts refuses the change as an illegal move.
import { draftCreated, givenDossier, onDossier, presaisieSubmitted, transmittedDossier } from '../../testing';
import type { DossierCommand } from '../commands';

const changes: DossierCommand[] = [
  onDossier('ChangeComment', { comment: 'Urgent' }),
  onDossier('GiveAttestation', { attestation: 'honour' }),
  onDossier('SaveDraft', { internalReference: 'REF-1' }),
];

describe('refusalToEdit', () => {
  it.each(changes.map((cmd) => [cmd.type, cmd] as const))(
    'R-30 %s on a pré-saisie awaiting acceptance tells the employer to accept it first',
    (_type, cmd) => {
      givenDossier([presaisieSubmitted()]).when(cmd).thenError({
        code: 'PRESAISIE_READ_ONLY',
        message:
          'Cette pré-saisie est en lecture seule : acceptez-la pour pouvoir la modifier ou la compléter',
      });
    },
  );

  it('R-24 a transmitted dossier’s form no longer changes: an illegal move naming the state', () => {
    givenDossier(transmittedDossier())
      .when(onDossier('ChangeComment', { comment: 'Urgent' }))
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: "La modification est impossible : le dossier est dans l'état « Transmis »",
      });
  });

  it('R-27 nor does a deleted draft’s', () => {
    givenDossier([draftCreated(), { type: 'DraftDeleted', data: {} }])
      .when(onDossier('SaveDraft', { comment: 'Urgent' }))
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: "La modification est impossible : le dossier est dans l'état « Supprimé »",
      });
  });
});
