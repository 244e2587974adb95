import {
  completeDraft,
  completingEvents,
  draftCreated,
  fileMetadata,
  foldEvents,
  presaisieSubmitted,
} from '../../testing';
import type { DossierEvent } from '../events';
import { synthesisOf } from '../synthesis';
import { documentsProgress } from './documents-progress';
import { validateDossier, validateTab } from './validate-dossier';

const lines = (unitAmountCents: number | null, quantity: number | null): DossierEvent => ({
  type: 'CostLinesChanged',
  data: { lines: [{ nature: 'Achat Matériel', unitAmountCents, quantity }] },
});

describe('validation per tab', () => {
  it('R-09 each tab has a status: a new draft has every tab invalid but Employeur data from INSEE', () => {
    const validation = validateDossier(foldEvents([draftCreated()]));
    expect(validation.valid).toBe(false);
    expect(validation.tabs.map((t) => [t.tab, t.status])).toEqual([
      ['Employeur', 'invalid'],
      ['Prestation', 'invalid'],
      ['Synthèse', 'invalid'],
      ['Documents', 'invalid'],
    ]);
    expect(validateTab(foldEvents([draftCreated()]), 'Employeur')?.messages).toEqual([
      {
        code: 'REQUIRED',
        tab: 'Employeur',
        field: 'contactEmail',
        kind: 'required',
        message: 'Saisie obligatoire',
      },
    ]);
  });

  it('R-09 a complete draft has every tab valid', () => {
    const validation = validateDossier(foldEvents(completeDraft()));
    expect(validation.tabs.every((t) => t.status === 'valid')).toBe(true);
    expect(validation.valid).toBe(true);
  });

  it('R-08 a missing required field reads "Saisie obligatoire" and does not stop saving', () => {
    const state = foldEvents([draftCreated(), lines(5250, null)]);
    expect(state.costLines).toHaveLength(1);
    expect(validateTab(state, 'Prestation')?.messages).toEqual(
      expect.arrayContaining([
        {
          code: 'REQUIRED',
          tab: 'Prestation',
          field: 'provider',
          kind: 'required',
          message: 'Saisie obligatoire',
        },
        {
          code: 'REQUIRED',
          tab: 'Prestation',
          field: 'costLines.0.quantity',
          kind: 'required',
          message: 'Saisie obligatoire',
        },
      ]),
    );
  });

  it('R-13 a unit amount of 100 000 € or more breaks the rule "Le montant doit être inférieur à 100000"', () => {
    const at = (cents: number) =>
      validateTab(foldEvents([draftCreated(), lines(cents, 1)]), 'Prestation')?.messages ?? [];
    expect(at(100_000_000)).toContainEqual({
      code: 'UNIT_AMOUNT_TOO_HIGH',
      tab: 'Prestation',
      field: 'costLines.0.unitAmountCents',
      kind: 'rule',
      message: 'Le montant doit être inférieur à 100000',
    });
    expect(at(10_000_000).map((m) => m.code)).toContain('UNIT_AMOUNT_TOO_HIGH');
    expect(at(9_999_999).map((m) => m.code)).not.toContain('UNIT_AMOUNT_TOO_HIGH');
  });

  it('R-09 cross-field checks are only reported once the fields they need are all filled', () => {
    const onlyAmount =
      validateTab(foldEvents([draftCreated(), lines(0, null)]), 'Prestation')?.messages ?? [];
    expect(onlyAmount.map((m) => m.code)).not.toContain('LINE_TOTAL_ZERO');
    const both = validateTab(foldEvents([draftCreated(), lines(0, 3)]), 'Prestation')?.messages ?? [];
    expect(both.map((m) => m.code)).toContain('LINE_TOTAL_ZERO');
  });

  it('R-10 the card type is pre-filled with the type chosen at creation', () => {
    const state = foldEvents([draftCreated()]);
    expect(state.cardType?.code).toBe('CHRONO');
    expect(validateTab(state, 'Prestation')?.messages.map((m) => m.field)).not.toContain('cardType');
  });

  it('R-14 total HT = Σ unit × quantity, exact in cents, in French format', () => {
    const state = foldEvents([
      draftCreated(),
      {
        type: 'CostLinesChanged',
        data: {
          lines: [
            { nature: 'Achat Matériel', unitAmountCents: 1200, quantity: 1000 },
            { nature: 'Achat Matériel', unitAmountCents: 10, quantity: 3 },
          ],
        },
      },
    ]);
    const synthesis = synthesisOf(state);
    expect(synthesis.totalAmountCents).toBe(1_200_030);
    expect(synthesis.totalAmount).toBe('12 000,30 €');
  });

  it('R-15 the Synthèse shows the employer, provider, card type, number of cards, unit cost and total', () => {
    const synthesis = synthesisOf(foldEvents(completeDraft()));
    expect(synthesis).toEqual(
      expect.objectContaining({
        employer: expect.objectContaining({ name: 'HUM INTERIM', siret: '40101593800012', idcc: '2378' }),
        provider: { name: 'CSD FORMATION', siret: '81234567600017' },
        cardType: 'Carte chronotachygraphe (chrono)',
        cardCount: 4,
        unitCosts: ['52,50 €'],
        totalAmount: '210,00 €',
      }),
    );
  });

  it('R-16 both Synthèse attestations are required to transmit', () => {
    const state = foldEvents(
      completeDraft().filter((e) => !(e.type === 'AttestationGiven' && e.data.attestation === 'honour')),
    );
    expect(validateTab(state, 'Synthèse')).toEqual({
      tab: 'Synthèse',
      status: 'invalid',
      messages: [
        {
          code: 'REQUIRED',
          tab: 'Synthèse',
          field: 'attestations.honour',
          kind: 'required',
          message: 'Saisie obligatoire',
        },
      ],
    });
  });

  it('R-16 the general conditions are required to transmit, named by their own field', () => {
    const state = foldEvents(
      completeDraft().filter(
        (e) => !(e.type === 'AttestationGiven' && e.data.attestation === 'generalConditions'),
      ),
    );
    expect(validateTab(state, 'Synthèse')?.messages).toEqual([
      {
        code: 'REQUIRED',
        tab: 'Synthèse',
        field: 'attestations.generalConditions',
        kind: 'required',
        message: 'Saisie obligatoire',
      },
    ]);
  });

  it('R-08 R-09 a Prestation without cost lines, or a line without its amount or nature, names the field missing', () => {
    const required = (field: string) => ({
      code: 'REQUIRED',
      tab: 'Prestation',
      field,
      kind: 'required',
      message: 'Saisie obligatoire',
    });
    const withoutLines = foldEvents([...completeDraft(), { type: 'CostLinesChanged', data: { lines: [] } }]);
    expect(validateTab(withoutLines, 'Prestation')?.messages).toEqual([required('costLines')]);
    const withoutAmount = foldEvents([...completeDraft(), lines(null, 2)]);
    expect(validateTab(withoutAmount, 'Prestation')?.messages).toEqual([
      required('costLines.0.unitAmountCents'),
    ]);
    const withoutNature = foldEvents([
      ...completeDraft(),
      { type: 'CostLinesChanged', data: { lines: [{ nature: null, unitAmountCents: 5000, quantity: 2 }] } },
    ]);
    expect(validateTab(withoutNature, 'Prestation')?.messages).toEqual([required('costLines.0.nature')]);
  });

  it('R-19 a draft without a card type has no document type to provide yet: 0/0', () => {
    const state = { ...foldEvents([draftCreated()]), cardType: null };
    expect(documentsProgress(state)).toEqual({
      provided: 0,
      required: 0,
      missingTypes: [],
      label: '0/0 types de documents obligatoires à transmettre',
      complete: true,
    });
  });

  it('R-18 the supporting-documents attestation is required on the Documents tab', () => {
    const state = foldEvents(
      completeDraft().filter(
        (e) => !(e.type === 'AttestationGiven' && e.data.attestation === 'supportingDocuments'),
      ),
    );
    expect(validateTab(state, 'Documents')?.messages.map((m) => m.field)).toEqual([
      'attestations.supportingDocuments',
    ]);
  });

  it('R-19 the Documents tab counts "X/Y types de documents obligatoires à transmettre" from the catalogue', () => {
    expect(documentsProgress(foldEvents([draftCreated()])).label).toBe(
      '0/2 types de documents obligatoires à transmettre',
    );
    const oneType: DossierEvent[] = [
      draftCreated(),
      {
        type: 'DocumentAttached',
        data: {
          documentId: '00000000-0000-4000-8000-0000000000a1',
          documentType: 'Facture entreprise',
          file: fileMetadata('f.pdf'),
        },
      },
      {
        type: 'DocumentAttached',
        data: {
          documentId: '00000000-0000-4000-8000-0000000000a2',
          documentType: 'Facture entreprise',
          file: fileMetadata('g.pdf'),
        },
      },
      {
        type: 'DocumentAttached',
        data: {
          documentId: '00000000-0000-4000-8000-0000000000a3',
          documentType: 'Autre',
          file: fileMetadata('h.pdf'),
        },
      },
    ];
    const progress = documentsProgress(foldEvents(oneType));
    expect(progress).toEqual(
      expect.objectContaining({ provided: 1, required: 2, missingTypes: ['Copie facture prestataire'] }),
    );
    expect(validateTab(foldEvents(oneType), 'Documents')?.messages).toContainEqual(
      expect.objectContaining({
        code: 'REQUIRED_DOCUMENTS_MISSING',
        message: '1/2 types de documents obligatoires à transmettre',
      }),
    );
    expect(documentsProgress(foldEvents(completeDraft())).label).toBe(
      '2/2 types de documents obligatoires à transmettre',
    );
  });

  it('R-30 a pré-saisie has an Introduction tab, valid once accepted', () => {
    expect(validateTab(foldEvents([presaisieSubmitted()]), 'Introduction')?.status).toBe('invalid');
    const accepted = foldEvents([
      presaisieSubmitted(),
      { type: 'PresaisieAccepted', data: {} },
      ...completingEvents(),
    ]);
    expect(validateTab(accepted, 'Introduction')?.status).toBe('valid');
    expect(validateDossier(accepted).valid).toBe(true);
  });
});

describe('the messages of the tabs, whole', () => {
  it('R-30 a pré-saisie awaiting acceptance has an Introduction tab asking the employer to accept or refuse it', () => {
    expect(validateTab(foldEvents([presaisieSubmitted()]), 'Introduction')?.messages).toEqual([
      {
        code: 'PRESAISIE_NOT_ACCEPTED',
        tab: 'Introduction',
        field: 'presaisie',
        kind: 'required',
        message: 'Pré-saisie à valider : vérifiez les informations puis acceptez ou refusez la pré-saisie',
      },
    ]);
  });

  it('R-09 a line of 0 € for a quantity is a rule broken on its amount, saying it must be above 0', () => {
    expect(validateTab(foldEvents([draftCreated(), lines(0, 3)]), 'Prestation')?.messages).toContainEqual({
      code: 'LINE_TOTAL_ZERO',
      tab: 'Prestation',
      field: 'costLines.0.unitAmountCents',
      kind: 'rule',
      message: 'Le montant doit être supérieur à 0',
    });
  });

  it('R-19 the required document types missing are one message on the documents field', () => {
    const noFiles = completeDraft().filter((event) => event.type !== 'DocumentAttached');
    expect(validateTab(foldEvents(noFiles), 'Documents')?.messages).toEqual([
      {
        code: 'REQUIRED_DOCUMENTS_MISSING',
        tab: 'Documents',
        field: 'documents',
        kind: 'required',
        message: '0/2 types de documents obligatoires à transmettre',
      },
    ]);
  });
});
