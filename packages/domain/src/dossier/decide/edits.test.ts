import * as E from 'fp-ts/Either';
import {
  acceptedCompletePresaisie,
  CSD_PROVIDER,
  draftCreated,
  foldEvents,
  OTHER_PROVIDER,
  onDossier,
  presaisieSubmitted,
  givenDossier,
} from '../../testing';
import { decodeDossierCommand } from '../commands';
import type { DossierEvent } from '../events';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

describe('entering data on a draft', () => {
  it('R-07 data may be entered tab by tab in any order, and an incomplete draft saved', () => {
    const history: DossierEvent[] = [draftCreated()];
    const steps = [
      onDossier('ChangeComment', { comment: 'Cartes pour 4 chauffeurs' }),
      onDossier('GiveAttestation', { attestation: 'honour' }),
      onDossier('ChangeContactEmail', { email: 'amoa1@hum-interim.fr' }),
    ];
    for (const step of steps) history.push(...givenDossier(history).when(step).events());
    expect(history.map((e) => e.type)).toEqual([
      'DraftCreated',
      'CommentChanged',
      'AttestationGiven',
      'ContactEmailChanged',
    ]);
    const state = foldEvents(history);
    expect(state.status).toBe('draft');
    expect(state.provider).toBeNull();
  });

  it('R-07 "Enregistrer" turns each changed field into its own event, and an unchanged form into none', () => {
    const save = onDossier('SaveDraft', {
      contactEmail: 'amoa1@hum-interim.fr',
      internalReference: 'REF-2025-12',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }],
      comment: 'Cartes pour 4 chauffeurs',
      attestations: { honour: true, generalConditions: false },
    });
    const events = givenDossier([draftCreated()]).when(save).events();
    expect(events.map((e) => e.type)).toEqual([
      'ContactEmailChanged',
      'InternalReferenceChanged',
      'CostLinesChanged',
      'CommentChanged',
      'AttestationGiven',
    ]);
    expect(
      givenDossier([draftCreated(), ...events])
        .when(save)
        .events(),
    ).toEqual([]);
  });

  it('R-06 the contact email is entered, changed and emptied; a malformed one is a format error', () => {
    expect(
      givenDossier([draftCreated()])
        .when(onDossier('ChangeContactEmail', { email: ' amoa1@hum-interim.fr ' }))
        .events(),
    ).toEqual([{ type: 'ContactEmailChanged', data: { email: 'amoa1@hum-interim.fr' } }]);
    const bad = decodeDossierCommand({
      ...onDossier('ChangeContactEmail', { email: 'a@b.fr' }),
      payload: { email: 'amoa1.x' },
    });
    expect(bad).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.email' })));
    const long = decodeDossierCommand({
      ...onDossier('ChangeContactEmail', { email: 'a@b.fr' }),
      payload: { email: `${'a'.repeat(195)}@b.fr.x` },
    });
    expect(long).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.email' })));
  });

  it('R-11 the internal reference is optional and at most 15 characters', () => {
    expect(
      givenDossier([draftCreated()])
        .when(onDossier('ChangeInternalReference', { internalReference: 'BC-000123456789' }))
        .events(),
    ).toHaveLength(1);
    const tooLong = decodeDossierCommand({
      ...onDossier('ChangeInternalReference', { internalReference: null }),
      payload: { internalReference: 'BC-0001234567890' },
    });
    expect(tooLong).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.internalReference' })),
    );
  });

  it('R-12 the provider, searched by SIREN or SIRET, is stored as the SIRENE snapshot', () => {
    const bySiren = onDossier('SelectProvider', { search: '812 345 676' });
    expect(bySiren.payload.search).toBe('812345676');
    expect(givenDossier([draftCreated()]).when(bySiren, { selectedProvider: CSD_PROVIDER }).events()).toEqual(
      [{ type: 'ProviderSelected', data: { provider: CSD_PROVIDER } }],
    );
    givenDossier([draftCreated()])
      .when(onDossier('SelectProvider', { search: '44306184100013' }), {
        selectedProvider: null,
      })
      .thenError({ code: 'PROVIDER_NOT_FOUND', tab: 'Prestation' });
    const state = foldEvents([
      draftCreated(),
      { type: 'ProviderSelected', data: { provider: OTHER_PROVIDER as never } },
    ]);
    expect(state.provider?.name).toBe('CARTES PRO SERVICES');
  });

  it('R-12 "Enregistrer" with a provider search stores the provider found, and nothing when it is the one already chosen', () => {
    const save = onDossier('SaveDraft', { providerSearch: CSD_PROVIDER.siren });
    givenDossier([draftCreated()])
      .when(save, { selectedProvider: CSD_PROVIDER })
      .thenEvents([{ type: 'ProviderSelected', data: { provider: CSD_PROVIDER } }]);
    const chosen: DossierEvent[] = [
      draftCreated(),
      { type: 'ProviderSelected', data: { provider: CSD_PROVIDER } },
    ];
    givenDossier(chosen).when(save, { selectedProvider: CSD_PROVIDER }).thenNothing();
    givenDossier(chosen)
      .when(onDossier('SaveDraft', { providerSearch: OTHER_PROVIDER.siren }), {
        selectedProvider: OTHER_PROVIDER,
      })
      .thenEvents([{ type: 'ProviderSelected', data: { provider: OTHER_PROVIDER } }]);
  });

  it('R-12 a SIREN or SIRET with a bad checksum is a format error (La Poste exception accepted)', () => {
    const raw = onDossier('SelectProvider', { search: '812345676' });
    expect(decodeDossierCommand({ ...raw, payload: { search: '404833047' } })).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.search' })),
    );
    expect(decodeDossierCommand({ ...raw, payload: { search: '73282932000079' } })).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.search' })),
    );
    assertRight(decodeDossierCommand({ ...raw, payload: { search: '35600000009075' } }));
    expect(decodeDossierCommand({ ...raw, payload: { search: '12345' } })).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.search' })),
    );
  });

  it('R-13 cost lines keep integer cents; an amount of 100 000 € or more is saved (a rule, not a format error)', () => {
    const lines = [{ nature: 'Achat Matériel', unitAmountCents: 100_000_000, quantity: 1 }];
    expect(givenDossier([draftCreated()]).when(onDossier('ChangeCostLines', { lines })).events()).toEqual([
      { type: 'CostLinesChanged', data: { lines } },
    ]);
    const raw = onDossier('ChangeCostLines', { lines });
    for (const bad of [
      { nature: 'Achat Matériel', unitAmountCents: 52.5, quantity: 1 },
      { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 0 },
      { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 1.5 },
      { nature: 'Location', unitAmountCents: 5250, quantity: 1 },
      { nature: 'Achat Matériel', unitAmountCents: '52,50', quantity: 1 },
    ]) {
      const result = decodeDossierCommand({ ...raw, payload: { lines: [bad] } });
      expect(result).toEqual(
        E.left(
          expect.objectContaining({ code: 'FORMAT', field: expect.stringMatching(/^payload\.lines\.0\./) }),
        ),
      );
    }
  });

  it('R-16 the two Synthèse attestations can be given and withdrawn', () => {
    const given = givenDossier([draftCreated()])
      .when(onDossier('GiveAttestation', { attestation: 'generalConditions' }))
      .events();
    expect(given).toEqual([{ type: 'AttestationGiven', data: { attestation: 'generalConditions' } }]);
    const withdrawn = givenDossier([draftCreated(), ...given])
      .when(onDossier('WithdrawAttestation', { attestation: 'generalConditions' }))
      .events();
    expect(withdrawn).toEqual([{ type: 'AttestationWithdrawn', data: { attestation: 'generalConditions' } }]);
    expect(foldEvents([draftCreated(), ...given, ...withdrawn]).attestations.generalConditions).toBe(false);
  });

  it('R-17 the comment for the case manager is optional and at most 500 characters', () => {
    expect(
      givenDossier([draftCreated()])
        .when(onDossier('ChangeComment', { comment: 'x'.repeat(500) }))
        .events(),
    ).toHaveLength(1);
    const raw = onDossier('ChangeComment', { comment: null });
    expect(decodeDossierCommand({ ...raw, payload: { comment: 'x'.repeat(501) } })).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.comment' })),
    );
  });

  it('R-05 a command that tries to set the employer of an existing dossier is refused', () => {
    const raw = onDossier('SaveDraft', { comment: 'x' });
    expect(decodeDossierCommand({ ...raw, payload: { siret: '40101593800020' } })).toEqual(
      E.left(
        expect.objectContaining({ code: 'EMPLOYER_IMMUTABLE', field: 'payload.siret', tab: 'Employeur' }),
      ),
    );
  });
});

describe('a pré-saisie before and after acceptance', () => {
  it('R-30 until the employer accepts it, any change to the pré-saisie is refused (read-only)', () => {
    for (const cmd of [
      onDossier('ChangeContactEmail', { email: 'autre@hum-interim.fr' }),
      onDossier('ChangeCostLines', { lines: [] }),
      onDossier('GiveAttestation', { attestation: 'honour' }),
      onDossier('SaveDraft', { comment: 'modifié' }),
      onDossier('TransmitDossier'),
    ]) {
      givenDossier([presaisieSubmitted()])
        .when(cmd, { dossierNumber: '2512AF000001' })
        .thenError({ code: 'PRESAISIE_READ_ONLY' });
    }
  });

  it('R-32 after acceptance the employer can change and complete the pré-saisie', () => {
    const history = acceptedCompletePresaisie();
    const events = givenDossier(history)
      .when(
        onDossier('ChangeCostLines', {
          lines: [{ nature: 'Achat Matériel', unitAmountCents: 5000, quantity: 10 }],
        }),
      )
      .events();
    expect(events).toHaveLength(1);
  });
});

describe('saving part of the form', () => {
  it('R-07 fields left out of "Enregistrer" stay as they are (an absent field is not a cleared one)', () => {
    const filled: DossierEvent[] = [
      draftCreated(),
      { type: 'ContactEmailChanged', data: { email: 'amoa1@hum-interim.fr' as never } },
      { type: 'InternalReferenceChanged', data: { internalReference: 'BC-1' } },
      { type: 'CommentChanged', data: { comment: 'Bonjour' } },
    ];
    expect(
      givenDossier(filled)
        .when(onDossier('SaveDraft', { attestations: { honour: true } }))
        .events(),
    ).toEqual([{ type: 'AttestationGiven', data: { attestation: 'honour' } }]);
    expect(
      givenDossier(filled)
        .when(onDossier('SaveDraft', { comment: null }))
        .events(),
    ).toEqual([{ type: 'CommentChanged', data: { comment: null } }]);
  });
});
