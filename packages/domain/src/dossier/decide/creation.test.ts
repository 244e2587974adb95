import {
  command,
  CSD_PROVIDER,
  draftCreated,
  employer,
  HUM_CLICHY,
  HUM_LYON,
  otherEmployer,
  provider,
  SIAE_LILLE,
  givenDossier,
} from '../../testing';
import { scopedDossierId } from '../derived-ids';

const create = (payload: unknown, actor = employer, extra: { dossierId?: string; commandId?: string } = {}) =>
  command('CreateDraft', { actor, payload, ...extra });

describe('creating a draft', () => {
  it('R-02 "Créer un nouveau dossier" creates a draft at once, with the establishment snapshot and a draft number', () => {
    const cmd = create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }, employer, {
      dossierId: '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
    });
    const when = givenDossier([]).when(cmd, { establishment: HUM_CLICHY, draftNumber: 10999 });
    expect(when.events()).toEqual([
      {
        type: 'DraftCreated',
        data: {
          dossierId: '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
          draftNumber: 10999,
          establishment: HUM_CLICHY,
          cardType: expect.objectContaining({ code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' }),
        },
      },
    ]);
    when.thenState((state) => {
      expect(state.status).toBe('draft');
      expect(state.draftNumber).toBe(10999);
    });
  });

  it('R-06 the employer data (name, SIRET, NAF, IDCC, type de public, address) is the INSEE snapshot, kept in the event', () => {
    const [event] = givenDossier([])
      .when(create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }), {
        establishment: HUM_CLICHY,
        draftNumber: 10001,
      })
      .events();
    expect(event.type === 'DraftCreated' && event.data.establishment).toEqual({
      siret: '40101593800012',
      siren: '401015938',
      name: 'HUM INTERIM',
      naf: '7820Z',
      idcc: '2378',
      publicType: 'Intérimaire',
      address: { street: '10 RUE DAGOBERT', postalCode: '92110', city: 'CLICHY' },
    });
  });

  it('R-04 a user may only create a draft for a SIRET they are attached to', () => {
    givenDossier([])
      .when(create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }, otherEmployer), {
        establishment: HUM_CLICHY,
        draftNumber: 10001,
      })
      .thenError({ code: 'NOT_AUTHORISED' });
    const own = givenDossier([])
      .when(create({ siret: SIAE_LILLE.siret, cardType: 'BTP' }, otherEmployer), {
        establishment: SIAE_LILLE,
        draftNumber: 10002,
      })
      .events();
    expect(own.map((event) => event.type)).toEqual(['DraftCreated']);
  });

  it('R-04 an actor naming the SIRET it acts for cannot create for another establishment, even one it is attached to', () => {
    const actor = { ...employer, siret: HUM_LYON.siret };
    givenDossier([])
      .when(create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }, actor), {
        establishment: HUM_CLICHY,
        draftNumber: 10001,
      })
      .thenError({ code: 'NOT_AUTHORISED' });
  });

  it('R-04 a provider or a case manager cannot create a draft', () => {
    for (const actor of [provider, { role: 'gestionnaire' as const, userId: 'g' }]) {
      givenDossier([])
        .when(create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }, actor), {
          establishment: HUM_CLICHY,
          draftNumber: 10001,
        })
        .thenError({ code: 'NOT_AUTHORISED' });
    }
  });

  it('R-10 the card type must be one of the catalogue: an unknown code is refused naming the field', () => {
    givenDossier([])
      .when(create({ siret: HUM_CLICHY.siret, cardType: 'PERMIS' }), {
        establishment: HUM_CLICHY,
        draftNumber: 10001,
      })
      .thenError({ code: 'UNKNOWN_CARD_TYPE', field: 'payload.cardType' });
  });

  it('R-06 an establishment unknown to the INSEE base is refused on the siret field', () => {
    givenDossier([])
      .when(create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }), {
        establishment: null,
        draftNumber: 10001,
      })
      .thenError({ code: 'ESTABLISHMENT_NOT_FOUND', field: 'payload.siret' });
  });

  it('R-05 the employer of a dossier cannot change: creating again on the same stream is refused', () => {
    givenDossier([draftCreated()])
      .when(create({ siret: HUM_LYON.siret, cardType: 'CHRONO' }), {
        establishment: HUM_LYON,
        draftNumber: 10002,
      })
      .thenError({ code: 'DOSSIER_ALREADY_EXISTS' });
  });

  it('R-36 without a dossier id, the new id is derived from the acting user and the command id (the same on a retry)', () => {
    const cmd = create({ siret: HUM_CLICHY.siret, cardType: 'CHRONO' }, employer, { commandId: 'create-42' });
    const first = givenDossier([]).when(cmd, { establishment: HUM_CLICHY, draftNumber: 1 }).events();
    const again = givenDossier([]).when(cmd, { establishment: HUM_CLICHY, draftNumber: 1 }).events();
    expect(first).toEqual(again);
    const [event] = first;
    expect(event.type === 'DraftCreated' && event.data.dossierId).toBe(
      scopedDossierId(employer, 'create-42'),
    );
  });
});

describe('pré-saisie by a provider', () => {
  const submit = (actor = provider) =>
    command('SubmitPresaisie', {
      actor,
      payload: {
        siret: HUM_CLICHY.siret,
        cardType: 'CHRONO',
        contactEmail: 'rh@hum-interim.fr',
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 10 }],
      },
    });

  it('R-29 a provider starts a draft for an employer establishment (by SIRET); it is a pré-saisie of that employer', () => {
    givenDossier([])
      .when(submit(), { establishment: HUM_CLICHY, actingProvider: CSD_PROVIDER, draftNumber: 10901 })
      .thenState((state) => {
        expect(state.status).toBe('presaisie');
        expect(state.establishment?.siret).toBe(HUM_CLICHY.siret);
        expect(state.presaisieProvider?.siren).toBe(CSD_PROVIDER.siren);
        expect(state.provider).toEqual(CSD_PROVIDER);
      });
  });

  it('R-29 a provider unknown to the SIRENE base, or acting for another SIREN, cannot submit', () => {
    givenDossier([])
      .when(submit(), { establishment: HUM_CLICHY, actingProvider: null, draftNumber: 1 })
      .thenError({ code: 'NOT_AUTHORISED' });
    const impostor = { ...provider, siren: '443061841' as never, siret: '44306184100013' as never };
    givenDossier([])
      .when(submit(impostor), {
        establishment: HUM_CLICHY,
        actingProvider: CSD_PROVIDER,
        draftNumber: 1,
      })
      .thenError({ code: 'NOT_AUTHORISED' });
  });

  it('R-04 an employer user cannot submit a pré-saisie', () => {
    givenDossier([])
      .when(submit(employer), {
        establishment: HUM_CLICHY,
        actingProvider: CSD_PROVIDER,
        draftNumber: 1,
      })
      .thenError({ code: 'NOT_AUTHORISED' });
  });
});
