import { confirmationOf, transmissionConfirmation } from './confirmation';

describe('confirmationOf', () => {
  it('R-38 names the dossier number once transmitted, and nothing for another command', () => {
    expect(transmissionConfirmation('2512AF000408')).toBe(
      'Votre demande n° 2512AF000408 a bien été transmise.',
    );
    expect(
      confirmationOf([
        { type: 'CommentChanged', data: { comment: null } },
        { type: 'Transmitted', data: { dossierNumber: '2512AF000408', totalAmountCents: 21000 } },
      ]),
    ).toBe('Votre demande n° 2512AF000408 a bien été transmise.');
    expect(confirmationOf([{ type: 'CommentChanged', data: { comment: null } }])).toBeNull();
    expect(confirmationOf([])).toBeNull();
  });
});
