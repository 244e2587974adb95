// What the money checks tell a portal user, word for word, and where their limits lie: the
// mutation run of issue 20 (pnpm mutation money) found these unasserted.
import * as E from 'fp-ts/Either';
import { decodeField } from '../identifiers/decode-field';
import { lineTotal, sumCents } from './arithmetic';
import { Cents, Quantity } from './cents';
import { formatEuros } from './format-euros';
import { parseEuros } from './parse-euros';

const formatError = (code: string, field: string, message: string) =>
  E.left({ code, field, kind: 'format', message });

describe('lineTotal (R-13, R-14)', () => {
  it('R-13 names the field and what it received for a unit amount that is not whole cents', () => {
    expect(lineTotal(52.5, 2, 'lines.0')).toEqual(
      formatError(
        'AMOUNT_FORMAT',
        'lines.0',
        'Le montant unitaire doit être un nombre entier de centimes positif (reçu : 52.5)',
      ),
    );
  });

  it('R-13 names the field and what it received for a quantity that is not whole', () => {
    expect(lineTotal(5250, -2)).toEqual(
      formatError('QUANTITY_FORMAT', 'lines', 'La quantité doit être un nombre entier positif (reçu : -2)'),
    );
  });

  it('R-14 a free unit or no card is a total of zero, not an error', () => {
    expect(lineTotal(0, 3)).toEqual(E.right(0));
    expect(lineTotal(5250, 0)).toEqual(E.right(0));
  });
});

describe('sumCents (R-14)', () => {
  it('R-14 adds a zero amount', () => {
    expect(sumCents([0, 5250, 0])).toEqual(E.right(5250));
  });

  it('R-14 names the total and what it received for an amount that is not whole cents', () => {
    expect(sumCents([100, 0.5])).toEqual(
      formatError(
        'AMOUNT_FORMAT',
        'total',
        "Un montant à additionner n'est pas un nombre entier de centimes positif (reçu : 0.5)",
      ),
    );
    expect(sumCents([Number.MAX_SAFE_INTEGER, 1], 'totalHT')).toEqual(
      formatError(
        'AMOUNT_OVERFLOW',
        'totalHT',
        'Le montant total est trop grand pour être calculé exactement',
      ),
    );
  });
});

describe('parseEuros (R-13)', () => {
  it('R-13 says what it received when the amount is not text', () => {
    expect(parseEuros(52.5 as unknown as string)).toEqual(
      formatError(
        'AMOUNT_FORMAT',
        'amount',
        'Le montant doit être saisi en euros, par exemple 52,50 (reçu : le nombre 52.5)',
      ),
    );
  });

  it('R-13 takes the euro sign at the end only', () => {
    expect(parseEuros('€52,50')).toEqual(
      formatError(
        'AMOUNT_FORMAT',
        'amount',
        "Le montant « €52,50 » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
      ),
    );
  });

  it('R-13 calls an amount with too many decimals so only when the rest is an amount', () => {
    expect(parseEuros('x1,234')).toEqual(
      formatError(
        'AMOUNT_FORMAT',
        'amount',
        "Le montant « x1,234 » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
      ),
    );
  });

  it('R-13 names an amount too large in its message', () => {
    expect(parseEuros('90 071 992 547 409,92', 'lines.0.unitAmount')).toEqual(
      formatError(
        'AMOUNT_TOO_LARGE',
        'lines.0.unitAmount',
        'Le montant 90 071 992 547 409,92 est trop grand pour être enregistré exactement',
      ),
    );
  });
});

describe('Cents and Quantity (R-13)', () => {
  it('R-13 says what a quantity received when it is not a whole number of cards', () => {
    expect(decodeField(Quantity, 0, 'lines.0.quantity')).toEqual(
      formatError(
        'QUANTITY_FORMAT',
        'lines.0.quantity',
        'La quantité doit être un nombre entier supérieur ou égal à 1 (reçu : le nombre 0)',
      ),
    );
  });

  it('R-13 names the codecs as the commands list their fields (command-payload-fields)', () => {
    expect([Cents.name, Quantity.name]).toEqual(['Cents', 'Quantity']);
  });
});

describe('formatEuros (R-14)', () => {
  it('R-14 names what it received when given something other than whole cents (a bug, not input)', () => {
    expect(() => formatEuros(52.5)).toThrow(
      new RangeError('formatEuros : attendu un nombre entier de centimes, reçu 52.5'),
    );
  });
});

describe('parseEuros: the whole text is the amount (R-13)', () => {
  const notAnAmount = (text: string) =>
    formatError(
      'AMOUNT_FORMAT',
      'amount',
      `Le montant « ${text} » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56`,
    );

  it.each(['x1 234,56', '1 234,56x', 'x12.000,00', '12.000,00x', 'x12,000.00', '12,000.00x'])(
    'R-13 refuses %j: a grouped amount with something before or after it',
    (text) => {
      expect(parseEuros(text)).toEqual(notAnAmount(text));
    },
  );

  it('R-13 reads several comma-separated groups of thousands', () => {
    expect(parseEuros('1,234,567.89')).toEqual(E.right(123_456_789));
  });

  it('R-13 calls too many decimals so only when they end the text', () => {
    expect(parseEuros('1,234x')).toEqual(notAnAmount('1,234x'));
    expect(parseEuros('1,234')).toEqual(
      formatError('AMOUNT_FORMAT', 'amount', 'Le montant 1,234 a plus de 2 décimales'),
    );
  });

  it('R-13 echoes the amount typed without the spaces around it', () => {
    expect(parseEuros('  -5  ')).toEqual(
      formatError(
        'AMOUNT_NEGATIVE',
        'amount',
        'Le montant -5 est négatif : attendu un montant positif ou nul',
      ),
    );
    expect(parseEuros(' 1,234 ')).toEqual(
      formatError('AMOUNT_FORMAT', 'amount', 'Le montant 1,234 a plus de 2 décimales'),
    );
    expect(parseEuros(' abc ')).toEqual(notAnAmount('abc'));
    expect(parseEuros(' 90 071 992 547 409,92 ')).toEqual(
      formatError(
        'AMOUNT_TOO_LARGE',
        'amount',
        'Le montant 90 071 992 547 409,92 est trop grand pour être enregistré exactement',
      ),
    );
  });
});
