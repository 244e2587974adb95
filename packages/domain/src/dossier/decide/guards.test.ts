// What every command on an existing dossier goes through before its own rules: the dossier must
// exist, the actor must be within its scope, and an erased dossier is frozen.
import {
  caseManager,
  command,
  completeDraft,
  draftCreated,
  employer,
  givenDossier,
  HUM_CLICHY,
  onDossier,
  otherEmployer,
  provider,
} from '../../testing';
import type { DossierEvent } from '../events';

const erasedDraft: DossierEvent[] = [
  ...completeDraft(),
  {
    type: 'PersonalDataErased',
    data: { reason: 'Demande de la personne', fields: [], retentionDays: 30, forced: true },
  },
];

describe('decideDossier, before each command’s own rules', () => {
  it('R-04 refuses a command on a dossier that does not exist', () => {
    givenDossier([])
      .when(onDossier('SaveDraft', { comment: 'x' }))
      .thenError({ code: 'DOSSIER_NOT_FOUND', message: 'Dossier introuvable' });
  });

  it('refuses any change to an erased dossier, saying why, and nothing is written', () => {
    givenDossier(erasedDraft)
      .when(onDossier('SaveDraft', { comment: 'x' }, employer))
      .thenError({
        code: 'PERSONAL_DATA_ERASED',
        message:
          "Les données personnelles de ce dossier ont été effacées : il ne peut plus être modifié ; rien n'a été enregistré",
      });
  });

  it('R-04 tells an outsider of an erased dossier only that it is not theirs', () => {
    givenDossier(erasedDraft)
      .when(onDossier('SaveDraft', { comment: 'x' }, otherEmployer))
      .thenError({ code: 'NOT_AUTHORISED' });
  });

  it('R-04 tells an actor whose profile may never send the command which profile it is', () => {
    givenDossier([])
      .when(
        command('CreateDraft', { actor: provider, payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' } }),
      )
      .thenError({ code: 'NOT_AUTHORISED', message: 'Action non autorisée pour le profil « prestataire »' });
    givenDossier(completeDraft())
      .when(onDossier('SaveDraft', { comment: 'x' }, caseManager))
      .thenError({ code: 'NOT_AUTHORISED', message: 'Action non autorisée pour le profil « gestionnaire »' });
  });

  it('R-05 refuses a creation on a dossier id already used, saying so', () => {
    givenDossier([draftCreated()])
      .when(command('CreateDraft', { payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' } }), {
        establishment: HUM_CLICHY,
        draftNumber: 1,
      })
      .thenError({ code: 'DOSSIER_ALREADY_EXISTS', message: 'Un dossier existe déjà avec cet identifiant' });
  });
});
