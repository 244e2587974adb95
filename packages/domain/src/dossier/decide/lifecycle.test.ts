import {
  acceptedCompletePresaisie,
  assertErrorCode,
  caseManager,
  command,
  completeDraft,
  CSD_PROVIDER,
  draftCreated,
  DOSSIER_ID,
  employer,
  foldEvents,
  OTHER_DOSSIER_ID,
  onDossier,
  presaisieSubmitted,
  provider,
  transmittedDossier,
  givenDossier,
} from '../../testing';
import { mayRead } from '../authorisation';
import type { DossierEvent } from '../events';
import { dossierStatusLabel } from '../state';

describe('transmission', () => {
  it('R-23 transmitting an incomplete draft is refused with "Saisie invalide" and the invalid tabs, nothing produced', () => {
    const when = givenDossier([draftCreated()]).when(onDossier('TransmitDossier'), {
      dossierNumber: '2512AF000001',
    });
    when.thenError({
      code: 'INVALID_INPUT',
      message: 'Saisie invalide : Employeur, Prestation, Synthèse, Documents',
    });
    when.thenError((error) => {
      const { invalidTabs } = assertErrorCode(error, 'INVALID_INPUT');
      expect(invalidTabs.map((t) => t.tab)).toEqual(['Employeur', 'Prestation', 'Synthèse', 'Documents']);
      expect(invalidTabs[0].messages[0].message).toBe('Saisie obligatoire');
    });
  });

  it('R-23 a business rule broken on a tab also blocks transmission', () => {
    const history: DossierEvent[] = [
      ...completeDraft(),
      {
        type: 'CostLinesChanged',
        data: { lines: [{ nature: 'Achat Matériel', unitAmountCents: 100_000_000, quantity: 1 }] },
      },
    ];
    givenDossier(history)
      .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000001' })
      .thenError((error) =>
        expect(error).toEqual(
          expect.objectContaining({
            code: 'INVALID_INPUT',
            invalidTabs: [
              expect.objectContaining({
                tab: 'Prestation',
                messages: [expect.objectContaining({ kind: 'rule' })],
              }),
            ],
          }),
        ),
      );
  });

  it('R-24 a complete draft is transmitted with its dossier number and total; its state becomes Transmis', () => {
    const events = givenDossier(completeDraft())
      .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000408' })
      .events();
    expect(events).toEqual([
      { type: 'Transmitted', data: { dossierNumber: '2512AF000408', totalAmountCents: 21000 } },
    ]);
    const state = foldEvents([...completeDraft(), ...events]);
    expect(state.dossierNumber).toBe('2512AF000408');
    expect(dossierStatusLabel(state)).toBe('Transmis');
  });

  it('R-24 a dossier is transmitted once: transmitting again is an illegal move', () => {
    givenDossier(transmittedDossier())
      .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000409' })
      .thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-33 an accepted and completed pré-saisie is transmitted as any other draft', () => {
    const events = givenDossier(acceptedCompletePresaisie())
      .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000002' })
      .events();
    expect(events[0].type).toBe('Transmitted');
  });
});

describe('drafts list actions', () => {
  it('R-27 duplicating a draft makes a new draft with a new number, the same employer and data, no attestations nor documents', () => {
    const cmd = command('DuplicateDraft', {
      dossierId: OTHER_DOSSIER_ID,
      payload: { sourceDossierId: DOSSIER_ID },
    });
    const source = foldEvents(completeDraft());
    const events = givenDossier([]).when(cmd, { source, draftNumber: 11000 }).events();
    expect(events).toHaveLength(1);
    const copy = foldEvents(events);
    expect(copy).toEqual(
      expect.objectContaining({
        status: 'draft',
        dossierId: OTHER_DOSSIER_ID,
        draftNumber: 11000,
        duplicatedFrom: DOSSIER_ID,
        establishment: source.establishment,
        provider: source.provider,
        costLines: source.costLines,
        contactEmail: source.contactEmail,
        attestations: { honour: false, generalConditions: false, supportingDocuments: false },
        documents: [],
      }),
    );
  });

  it('R-27 a transmitted dossier cannot be duplicated from the drafts list, nor another company’s draft', () => {
    const cmd = command('DuplicateDraft', {
      dossierId: OTHER_DOSSIER_ID,
      payload: { sourceDossierId: DOSSIER_ID },
    });
    givenDossier([])
      .when(cmd, { source: foldEvents(transmittedDossier()), draftNumber: 1 })
      .thenError({ code: 'ILLEGAL_TRANSITION' });
    const stranger = command('DuplicateDraft', {
      actor: { role: 'adherent', userId: 'siae-user' },
      dossierId: OTHER_DOSSIER_ID,
      payload: { sourceDossierId: DOSSIER_ID },
    });
    givenDossier([])
      .when(stranger, { source: foldEvents(completeDraft()), draftNumber: 1 })
      .thenError({ code: 'NOT_AUTHORISED' });
  });

  it('R-27 deleting a draft removes it (state removed, label Supprimé); it cannot be changed afterwards', () => {
    const events = givenDossier([draftCreated()]).when(onDossier('DeleteDraft')).events();
    expect(events).toEqual([{ type: 'DraftDeleted', data: {} }]);
    const state = foldEvents([draftCreated(), ...events]);
    expect(dossierStatusLabel(state)).toBe('Supprimé');
    givenDossier([draftCreated(), ...events])
      .when(onDossier('ChangeComment', { comment: 'x' }))
      .thenError({ code: 'ILLEGAL_TRANSITION' });
  });
});

describe('R-39 a pré-saisie is never deleted silently', () => {
  it.each([
    ['awaiting acceptance', [presaisieSubmitted()]],
    ['accepted', [presaisieSubmitted(), { type: 'PresaisieAccepted', data: {} } as DossierEvent]],
  ])('R-39 "Supprimer" on a pré-saisie %s is refused, pointing to "Refuser"', (_, history) => {
    givenDossier(history)
      .when(onDossier('DeleteDraft'))
      .thenError((error) =>
        expect(error).toEqual({
          code: 'PRESAISIE_NOT_DELETABLE',
          message:
            'Une pré-saisie ne peut pas être supprimée : utilisez « Refuser », le prestataire en sera informé',
        }),
      );
    // Refusing it is the way out, and it names the provider to notify.
    expect(givenDossier(history).when(onDossier('RefusePresaisie')).events()).toEqual([
      expect.objectContaining({
        type: 'PresaisieRefused',
        data: expect.objectContaining({ providerSiren: '812345676' }),
      }),
    ]);
  });
});

describe('pré-saisie acceptance and refusal', () => {
  it('R-30 the employer accepts the pré-saisie; it becomes an editable draft', () => {
    const events = givenDossier([presaisieSubmitted()]).when(onDossier('AcceptPresaisie')).events();
    expect(events).toEqual([{ type: 'PresaisieAccepted', data: {} }]);
    expect(foldEvents([presaisieSubmitted(), ...events]).status).toBe('draft');
    givenDossier([presaisieSubmitted(), ...events])
      .when(onDossier('AcceptPresaisie'))
      .thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-31 refusing a pré-saisie removes it from the drafts and names the provider to notify', () => {
    const events = givenDossier([presaisieSubmitted()])
      .when(onDossier('RefusePresaisie', { reason: 'Pas de commande en cours' }))
      .events();
    expect(events).toEqual([
      {
        type: 'PresaisieRefused',
        data: {
          providerSiren: CSD_PROVIDER.siren,
          reason: 'Pas de commande en cours',
          afterAcceptance: false,
        },
      },
    ]);
    const state = foldEvents([presaisieSubmitted(), ...events]);
    expect(state.status).toBe('removed');
    expect(dossierStatusLabel(state)).toBe('Pré-saisie refusée');
  });

  it('R-32 after acceptance the employer can still refuse the pré-saisie; the provider is notified', () => {
    const events = givenDossier(acceptedCompletePresaisie()).when(onDossier('RefusePresaisie')).events();
    expect(events).toEqual([
      {
        type: 'PresaisieRefused',
        data: { providerSiren: CSD_PROVIDER.siren, reason: null, afterAcceptance: true },
      },
    ]);
  });

  it('R-32 a draft the employer created itself, or a transmitted pré-saisie, cannot be "refused"', () => {
    givenDossier(completeDraft())
      .when(onDossier('RefusePresaisie'))
      .thenError({ code: 'ILLEGAL_TRANSITION' });
    const transmitted: DossierEvent[] = [
      ...acceptedCompletePresaisie(),
      { type: 'Transmitted', data: { dossierNumber: '2512AF000003', totalAmountCents: 21000 } },
    ];
    givenDossier(transmitted).when(onDossier('RefusePresaisie')).thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-26 a provider still reads its pré-saisie after the outcome; it no longer changes it', () => {
    const refused = foldEvents([
      presaisieSubmitted(),
      {
        type: 'PresaisieRefused',
        data: { providerSiren: CSD_PROVIDER.siren, reason: null, afterAcceptance: false },
      },
    ]);
    expect(mayRead(provider, refused, [])).toBe(true);
    expect(mayRead(employer, refused, [{ siren: '401015938', sirets: ['40101593800012'] }])).toBe(true);
    expect(mayRead(caseManager, refused, [])).toBe(false);
  });
});
