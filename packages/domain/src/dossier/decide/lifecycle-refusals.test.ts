// a lifecycle move refused in the wrong state names the move and the state the dossier is
// in, as the portal shows it (lifecycle.test.ts proves which moves are refused).
import type { DossierEvent } from '../events';
import {
  acceptedCompletePresaisie,
  draftCreated,
  givenDossier,
  onDossier,
  presaisieSubmitted,
  transmittedDossier,
} from '../../testing';

describe('a lifecycle move refused', () => {
  it('R-30 accepting a draft the employer created itself: there is no pré-saisie to accept', () => {
    givenDossier([draftCreated()]).when(onDossier('AcceptPresaisie')).thenError({
      code: 'ILLEGAL_TRANSITION',
      message:
        "L'acceptation de la pré-saisie est impossible : le dossier est dans l'état « En cours de saisie »",
    });
  });

  it('R-32 refusing a draft the employer created itself', () => {
    givenDossier([draftCreated()]).when(onDossier('RefusePresaisie', {})).thenError({
      code: 'ILLEGAL_TRANSITION',
      message: "Le refus de la pré-saisie est impossible : le dossier est dans l'état « En cours de saisie »",
    });
  });

  it('R-27 R-39 deleting a pré-saisie once transmitted or refused: an illegal move, not "use Refuser"', () => {
    const transmitted: DossierEvent[] = [
      ...acceptedCompletePresaisie(),
      { type: 'Transmitted', data: { dossierNumber: '2512AF000003', totalAmountCents: 21000 } },
    ];
    givenDossier(transmitted).when(onDossier('DeleteDraft')).thenError({
      code: 'ILLEGAL_TRANSITION',
      message: "La suppression du brouillon est impossible : le dossier est dans l'état « Transmis »",
    });
    const refused: DossierEvent[] = [
      presaisieSubmitted(),
      {
        type: 'PresaisieRefused',
        data: { providerSiren: '812345676', reason: null, afterAcceptance: false },
      },
    ];
    givenDossier(refused).when(onDossier('DeleteDraft')).thenError({
      code: 'ILLEGAL_TRANSITION',
      message:
        "La suppression du brouillon est impossible : le dossier est dans l'état « Pré-saisie refusée »",
    });
  });

  it('R-24 R-27 deleting or transmitting again a transmitted dossier', () => {
    givenDossier(transmittedDossier()).when(onDossier('DeleteDraft')).thenError({
      code: 'ILLEGAL_TRANSITION',
      message: "La suppression du brouillon est impossible : le dossier est dans l'état « Transmis »",
    });
    givenDossier(transmittedDossier())
      .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000409' })
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: "La transmission est impossible : le dossier est dans l'état « Transmis »",
      });
  });
});
