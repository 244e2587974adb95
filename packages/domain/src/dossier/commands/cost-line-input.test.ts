import * as E from 'fp-ts/Either';
import { createTestDossierService, employer, executeOk, HUM_CLICHY } from '../../testing';
import { CostLineInput, TypedUnitAmount } from './cost-line-input';
import { decodeDossierCommand } from './dossier-command';

const changeLines = (lines: unknown) => ({
  type: 'ChangeCostLines',
  commandId: 'c-lines',
  actor: employer,
  dossierId: '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
  payload: { lines },
});
const linesOf = (lines: unknown) => {
  const decoded = decodeDossierCommand(changeLines(lines));
  return E.isRight(decoded) && decoded.right.type === 'ChangeCostLines'
    ? E.right(decoded.right.payload.lines)
    : decoded;
};

describe('R-13 amounts as people type them', () => {
  it.each([
    ['52,50', 5250],
    ['1 234,56 €', 123_456],
    ['12.000,00', 1_200_000],
    ['0,29', 29],
    ['9,8', 980],
  ])('R-13 a unit amount typed "%s" is %i cents', (typed, cents) => {
    expect(linesOf([{ nature: 'Achat Matériel', unitAmount: typed, quantity: 2 }])).toEqual(
      E.right([{ nature: 'Achat Matériel', unitAmountCents: cents, quantity: 2 }]),
    );
  });

  it('R-13 cents still work, and an empty typed amount is "not entered yet"', () => {
    expect(linesOf([{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 1 }])).toEqual(
      E.right([{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 1 }]),
    );
    expect(linesOf([{ nature: null, unitAmount: '  ', quantity: null }])).toEqual(
      E.right([{ nature: null, unitAmountCents: null, quantity: null }]),
    );
  });

  it.each([
    ['52,505', 'AMOUNT_FORMAT', 'Le montant 52,505 a plus de 2 décimales'],
    ['cinquante', 'AMOUNT_FORMAT', expect.stringContaining("n'est pas un montant en euros")],
    ['-3', 'AMOUNT_NEGATIVE', expect.stringContaining('négatif')],
  ])(
    'R-08 R-43 a typed amount "%s" that is no amount is refused on its field, by its label',
    (typed, code, message) => {
      const decoded = decodeDossierCommand(
        changeLines([{ nature: 'Achat Matériel', unitAmount: typed, quantity: 1 }]),
      );
      expect(decoded).toEqual(
        E.left(
          expect.objectContaining({
            code: 'FORMAT',
            field: 'payload.lines.0.unitAmount',
            message: expect.stringMatching(/^Coûts de formation, ligne 1 : Montant HT : /),
            problems: [{ code, field: 'payload.lines.0.unitAmount', kind: 'format', message }],
          }),
        ),
      );
    },
  );

  it('R-08 an amount given both ways with different values is refused', () => {
    const decoded = decodeDossierCommand(
      changeLines([{ nature: 'Achat Matériel', unitAmount: '52,50', unitAmountCents: 5000, quantity: 1 }]),
    );
    expect(decoded).toEqual(
      E.left(
        expect.objectContaining({
          field: 'payload.lines.0.unitAmount',
          message: expect.stringContaining(
            'Montant HT donné deux fois (unitAmountCents et unitAmount) avec des valeurs différentes : gardez-en un',
          ),
        }),
      ),
    );
  });

  it('R-42 a field a cost line does not know (a typo) is refused by name', () => {
    const decoded = decodeDossierCommand(
      changeLines([{ nature: 'Achat Matériel', unitAmout: '52,50', quantity: 1 }]),
    );
    expect(decoded).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.lines.0.unitAmout' })),
    );
  });

  it('R-14 a draft saved with typed amounts totals them exactly', async () => {
    const { service } = createTestDossierService();
    const { dossierId } = await executeOk(service, {
      type: 'CreateDraft',
      commandId: 'typed-create',
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    const saved = await executeOk(service, {
      type: 'SaveDraft',
      commandId: 'typed-save',
      actor: employer,
      dossierId,
      payload: { costLines: [{ nature: 'Achat Matériel', unitAmount: '52,50 €', quantity: 3 }] },
    });
    expect(saved.state.costLines).toEqual([{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 3 }]);
  });
});

describe('R-13 the codecs of a cost line', () => {
  it('R-13 refuses a typed unit amount over 100 000 000,00 €, echoing it; takes that amount itself', () => {
    expect(TypedUnitAmount.check('100 000 000,00')).toEqual(E.right(10_000_000_000));
    expect(TypedUnitAmount.check(' 100 000 000,01 ')).toEqual(
      E.left({ code: 'AMOUNT_TOO_LARGE', message: 'Le montant 100 000 000,01 dépasse 100 000 000,00 €' }),
    );
  });

  it('R-07 reads a unit amount left empty, or not given, as "not entered yet"', () => {
    expect([null, undefined, '', '   '].map((u) => TypedUnitAmount.check(u))).toEqual([
      E.right(null),
      E.right(null),
      E.right(null),
      E.right(null),
    ]);
  });

  it('R-13 takes an amount given both ways when they agree', () => {
    expect(
      linesOf([{ nature: 'Achat Matériel', unitAmount: '52,50', unitAmountCents: 5250, quantity: 1 }]),
    ).toEqual(E.right([{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 1 }]));
  });

  it('R-14 writes a unit amount back in French format, and a missing one as null', () => {
    expect(TypedUnitAmount.encode(123_456)).toBe('1 234,56 €');
    expect(TypedUnitAmount.encode(null)).toBeNull();
  });

  it('R-13 is a cost line only as the events store it: cents, never a typed amount', () => {
    expect(CostLineInput.is({ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 2 })).toBe(true);
    expect(CostLineInput.is({ nature: null, unitAmountCents: null, quantity: null })).toBe(true);
    expect(CostLineInput.is({ nature: 'Achat Matériel', quantity: 2 })).toBe(false);
    expect(CostLineInput.is({ nature: 'Achat Matériel', unitAmount: '52,50', quantity: 2 })).toBe(false);
    expect(
      CostLineInput.is({ nature: 'Achat Matériel', unitAmountCents: 5250, unitAmount: null, quantity: 2 }),
    ).toBe(false);
    expect(
      CostLineInput.is({ nature: 'Achat Matériel', unitAmountCents: 5250, unitAmount: '52,50', quantity: 2 }),
    ).toBe(false);
    expect(CostLineInput.is({ nature: 'Matériel', unitAmountCents: 5250, quantity: 2 })).toBe(false);
  });
});
