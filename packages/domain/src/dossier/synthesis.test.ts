// the Synthèse tab shows the main data and the total, also on a draft half filled in.
import { draftCreated, foldEvents, HUM_CLICHY } from '../testing';
import type { DossierEvent } from './events';
import { initialDossierState } from './state';
import { synthesisOf } from './synthesis';

describe('synthesisOf', () => {
  it('R-15 writes the employer’s address on one line, its complement included when there is one', () => {
    const draft = foldEvents([draftCreated()]);
    expect(synthesisOf(draft).employer).toEqual({
      name: 'HUM INTERIM',
      siret: HUM_CLICHY.siret,
      idcc: '2378',
      address: '10 RUE DAGOBERT, 92110 CLICHY',
    });
    const withComplement = {
      ...draft,
      establishment: { ...HUM_CLICHY, address: { ...HUM_CLICHY.address, complement: 'BATIMENT B' } },
    };
    expect(synthesisOf(withComplement).employer?.address).toBe('10 RUE DAGOBERT, BATIMENT B, 92110 CLICHY');
    const emptyComplement = {
      ...draft,
      establishment: { ...HUM_CLICHY, address: { ...HUM_CLICHY.address, complement: '' } },
    };
    expect(synthesisOf(emptyComplement).employer?.address).toBe('10 RUE DAGOBERT, 92110 CLICHY');
  });

  it('R-14 R-15 counts the cards and unit costs entered so far, a line half filled in included', () => {
    const state = foldEvents([
      draftCreated(),
      {
        type: 'CostLinesChanged',
        data: {
          lines: [
            { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 },
            { nature: 'Achat Matériel', unitAmountCents: null, quantity: 2 },
            { nature: null, unitAmountCents: 0, quantity: null },
          ],
        },
      } as DossierEvent,
    ]);
    expect(synthesisOf(state)).toEqual({
      employer: expect.objectContaining({ name: 'HUM INTERIM' }),
      provider: null,
      cardType: 'Carte chronotachygraphe (chrono)',
      cardCount: 6,
      unitCosts: ['52,50 €', '0,00 €'],
      totalAmountCents: 21000,
      totalAmount: '210,00 €',
      status: 'En cours de saisie',
    });
  });

  it('R-15 shows nothing but zeros for a dossier that does not exist', () => {
    expect(synthesisOf(initialDossierState())).toEqual({
      employer: null,
      provider: null,
      cardType: null,
      cardCount: 0,
      unitCosts: [],
      totalAmountCents: 0,
      totalAmount: '0,00 €',
      status: 'Inexistant',
    });
  });
});
