// What each refused creation tells the user, word for word, and the field and tab it points to:
// creation.test.ts proves who may create what, this file what they read when they may not.
import {
  command,
  completeDraft,
  CSD_PROVIDER,
  DOSSIER_ID,
  employer,
  foldEvents,
  givenDossier,
  HUM_CLICHY,
  HUM_LYON,
  OTHER_DOSSIER_ID,
  otherEmployer,
  otherProvider,
  provider,
  transmittedDossier,
} from '../../testing';
import type { DossierActor } from '../commands';
import type { DossierState } from '../state';

const createFor = (siret: string, cardType = 'CHRONO', actor: DossierActor = employer) =>
  command('CreateDraft', { actor, payload: { siret, cardType } });

const NOT_IN_INSEE = "L'établissement 40101593800012 est inconnu de la base INSEE";

describe('creating a draft, refused', () => {
  it('R-04 tells a user not attached to the establishment which one it is', () => {
    givenDossier([])
      .when(createFor(HUM_CLICHY.siret, 'CHRONO', otherEmployer), {
        establishment: HUM_CLICHY,
        draftNumber: 1,
      })
      .thenError({
        code: 'NOT_AUTHORISED',
        message: "Vous n'êtes pas rattaché à l'établissement 40101593800012",
      });
  });

  it('R-06 names the SIRET the INSEE base does not know, on the siret field of the Employeur tab', () => {
    givenDossier([]).when(createFor(HUM_CLICHY.siret), { establishment: null, draftNumber: 1 }).thenError({
      code: 'ESTABLISHMENT_NOT_FOUND',
      message: NOT_IN_INSEE,
      field: 'payload.siret',
      tab: 'Employeur',
    });
  });

  it('R-06 never takes the INSEE snapshot of another establishment than the one asked for', () => {
    // The employer is attached to both HUM establishments: only the snapshot's SIRET can refuse it.
    givenDossier([])
      .when(createFor(HUM_CLICHY.siret), { establishment: HUM_LYON, draftNumber: 1 })
      .thenError({
        code: 'ESTABLISHMENT_NOT_FOUND',
        message: NOT_IN_INSEE,
        field: 'payload.siret',
        tab: 'Employeur',
      });
  });

  it('R-10 refuses an unknown card type on the Prestation tab, the catalogue’s problem on the same field', () => {
    const message =
      "Le type de carte « PERMIS » est inconnu : attendu l'un de CHRONO (Carte chronotachygraphe (chrono)), BTP (Carte BTP)";
    givenDossier([])
      .when(createFor(HUM_CLICHY.siret, 'PERMIS'), { establishment: HUM_CLICHY, draftNumber: 1 })
      .thenError({
        code: 'UNKNOWN_CARD_TYPE',
        message,
        field: 'payload.cardType',
        tab: 'Prestation',
        problems: [{ code: 'CARD_TYPE_UNKNOWN', field: 'payload.cardType', kind: 'format', message }],
      });
  });
});

describe('a pré-saisie, refused', () => {
  const submit = (actor: DossierActor) =>
    command('SubmitPresaisie', {
      actor,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [] },
    });
  const UNKNOWN_PROVIDER = 'Le prestataire pour lequel vous agissez est inconnu de la base SIRENE';

  it('R-29 tells a provider SIRENE does not know why it cannot submit', () => {
    givenDossier([])
      .when(submit(provider), { establishment: HUM_CLICHY, actingProvider: null, draftNumber: 1 })
      .thenError({ code: 'NOT_AUTHORISED', message: UNKNOWN_PROVIDER });
  });

  it('R-29 tells a provider acting for another SIREN than the one found the same', () => {
    givenDossier([])
      .when(submit(otherProvider), {
        establishment: HUM_CLICHY,
        actingProvider: CSD_PROVIDER,
        draftNumber: 1,
      })
      .thenError({ code: 'NOT_AUTHORISED', message: UNKNOWN_PROVIDER });
  });
});

describe('duplicating a draft, refused', () => {
  const duplicate = command('DuplicateDraft', {
    dossierId: OTHER_DOSSIER_ID,
    payload: { sourceDossierId: DOSSIER_ID },
  });

  it('R-27 says a transmitted dossier cannot be duplicated, naming its state', () => {
    givenDossier([])
      .when(duplicate, { source: foldEvents(transmittedDossier()), draftNumber: 1 })
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: "La duplication est impossible : le dossier est dans l'état « Transmis »",
      });
  });

  // A folded draft always has them; a source state built otherwise is a wiring bug of the service,
  // refused rather than copied into a half-made draft. (Without its establishment, the employer's
  // scope check refuses first.)
  it.each(['cardType', 'dossierId', 'draftNumber'] as const)(
    'a source draft without its %s is refused as missing context, nothing written',
    (key) => {
      const source = { ...foldEvents(completeDraft()), [key]: null } as DossierState;
      givenDossier([]).when(duplicate, { source, draftNumber: 1 }).thenError({
        code: 'MISSING_CONTEXT',
        message: 'Donnée de contexte manquante pour décider : source data',
      });
    },
  );
});
