import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { decodeField } from '../identifiers/decode-field';
import { lineTotal, sumCents } from './arithmetic';
import { Cents, MAX_UNIT_AMOUNT_CENTS, Quantity } from './cents';
import { formatEuros } from './format-euros';
import { parseEuros } from './parse-euros';

const right = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};
const leftCode = (r: E.Either<{ code: string }, unknown>) => (E.isLeft(r) ? r.left.code : 'RIGHT');

describe('parseEuros', () => {
  it.each([
    ['52,50', 5250],
    ['52.50', 5250],
    ['52,5', 5250],
    ['52', 5200],
    ['0,29', 29],
    ['0.07', 7],
    ['9,80', 980],
    ['1 234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['12 000', 1200000],
    ['12.000,00', 1200000],
    ['1.000.000,00', 100000000],
    ['12,000.00', 1200000],
    ['52,50 €', 5250],
    ['  99 999,99€ ', 9999999],
    ['007,10', 710],
  ])('R-13 parses %j into %i cents exactly', (input, cents) => {
    expect(parseEuros(input)).toEqual(E.right(cents));
  });

  it('R-13 is exact where float arithmetic is not (0,29 × 100 = 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseEuros('0,29')).toEqual(E.right(29));
    expect(parseEuros('1,13')).toEqual(E.right(113));
  });

  it('R-13 round-trips every amount through formatEuros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseEuros(formatEuros(cents))).toEqual(E.right(cents));
      }),
    );
  });

  it.each([
    ['52,505', 'AMOUNT_FORMAT', 'Le montant 52,505 a plus de 2 décimales'],
    ['1.234', 'AMOUNT_FORMAT', 'Le montant 1.234 a plus de 2 décimales'],
    ['-5,00', 'AMOUNT_NEGATIVE', 'Le montant -5,00 est négatif : attendu un montant positif ou nul'],
    ['', 'AMOUNT_FORMAT', 'Le montant est vide : attendu un montant en euros, par exemple 52,50'],
    [
      'douze',
      'AMOUNT_FORMAT',
      "Le montant « douze » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
    ],
    [
      '1 23,00',
      'AMOUNT_FORMAT',
      "Le montant « 1 23,00 » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
    ],
    [
      '1,2,3',
      'AMOUNT_FORMAT',
      "Le montant « 1,2,3 » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
    ],
    ['12.000', 'AMOUNT_FORMAT', 'Le montant 12.000 a plus de 2 décimales'],
    [
      '1e5',
      'AMOUNT_FORMAT',
      "Le montant « 1e5 » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56",
    ],
  ])('R-13 refuses %j (%s)', (input, code, message) => {
    expect(parseEuros(input, 'lines.0.unitAmount')).toEqual(
      E.left({ code, field: 'lines.0.unitAmount', kind: 'format', message }),
    );
  });

  it('R-13 refuses an amount too large to be exact', () => {
    expect(parseEuros('90 071 992 547 409,91')).toEqual(E.right(Number.MAX_SAFE_INTEGER));
    expect(leftCode(parseEuros('90 071 992 547 409,92'))).toBe('AMOUNT_TOO_LARGE');
    expect(leftCode(parseEuros('1'.repeat(40)))).toBe('AMOUNT_TOO_LARGE');
  });

  it('R-13 refuses a non-string at runtime', () => {
    expect(leftCode(parseEuros(52.5 as unknown as string))).toBe('AMOUNT_FORMAT');
  });
});

describe('Cents and Quantity codecs', () => {
  it('R-13 accept whole numbers in range only', () => {
    expect(Cents.decode(0)).toEqual(E.right(0));
    expect(Cents.decode(MAX_UNIT_AMOUNT_CENTS)).toEqual(E.right(10_000_000));
    for (const bad of [-1, 5.5, Number.MAX_SAFE_INTEGER + 1, NaN, '5250', null]) {
      expect(leftCode(decodeField(Cents, bad, 'unitAmountCents'))).toBe('AMOUNT_FORMAT');
    }
    expect(Quantity.decode(1)).toEqual(E.right(1));
    for (const bad of [0, -3, 1.5, '2']) {
      expect(leftCode(decodeField(Quantity, bad, 'quantity'))).toBe('QUANTITY_FORMAT');
    }
  });

  it('R-13 says what it received', () => {
    expect(decodeField(Cents, 52.5, 'unitAmountCents')).toEqual(
      E.left({
        code: 'AMOUNT_FORMAT',
        field: 'unitAmountCents',
        kind: 'format',
        message: 'Le montant doit être un nombre entier de centimes positif ou nul (reçu : le nombre 52.5)',
      }),
    );
  });

  it('R-13 the 100 000 € ceiling is 10 000 000 cents', () => {
    expect(MAX_UNIT_AMOUNT_CENTS).toBe(right(parseEuros('100 000,00')));
  });
});

describe('formatEuros', () => {
  it.each([
    [0, '0,00 €'],
    [7, '0,07 €'],
    [980, '9,80 €'],
    [5250, '52,50 €'],
    [100000, '1 000,00 €'],
    [1200000, '12 000,00 €'],
    [100000000, '1 000 000,00 €'],
    [-5250, '-52,50 €'],
    [Number.MAX_SAFE_INTEGER, '90 071 992 547 409,91 €'],
  ])('R-14 formats %i cents as %j', (cents, text) => {
    expect(formatEuros(cents)).toBe(text);
  });

  it('R-14 throws on a non-integer (a programming error)', () => {
    expect(() => formatEuros(52.5)).toThrow(RangeError);
    expect(() => formatEuros(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('lineTotal and sumCents', () => {
  it('R-14 total HT of the guide: 1 000 cards at 12,00 € = 12 000,00 €', () => {
    const total = right(lineTotal(right(parseEuros('12,00')), 1000));
    expect(formatEuros(total)).toBe('12 000,00 €');
  });

  it('R-14 sums lines exactly: 3 × 52,50 € + 10 × 9,80 € = 255,50 €', () => {
    const lines = [right(lineTotal(5250, 3)), right(lineTotal(980, 10))];
    expect(formatEuros(right(sumCents(lines)))).toBe('255,50 €');
    expect(sumCents([])).toEqual(E.right(0));
  });

  it('R-14 agrees with BigInt arithmetic on random lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unit: fc.integer({ min: 0, max: MAX_UNIT_AMOUNT_CENTS }),
            qty: fc.integer({ min: 1, max: 100_000 }),
          }),
          {
            maxLength: 20,
          },
        ),
        (lines) => {
          const totals = lines.map((l) => right(lineTotal(l.unit, l.qty)));
          const exact = lines.reduce((acc, l) => acc + BigInt(l.unit) * BigInt(l.qty), 0n);
          expect(BigInt(right(sumCents(totals)))).toBe(exact);
        },
      ),
    );
  });

  it('R-14 reports an overflow instead of a rounded total', () => {
    expect(lineTotal(Number.MAX_SAFE_INTEGER, 2)).toEqual(
      E.left({
        code: 'AMOUNT_OVERFLOW',
        field: 'lines',
        kind: 'format',
        message: 'Le montant total est trop grand pour être calculé exactement',
      }),
    );
    expect(leftCode(sumCents([Number.MAX_SAFE_INTEGER, 1]))).toBe('AMOUNT_OVERFLOW');
    expect(sumCents([Number.MAX_SAFE_INTEGER - 1, 1])).toEqual(E.right(Number.MAX_SAFE_INTEGER));
  });

  it('R-13 refuses fractional or negative inputs', () => {
    expect(leftCode(lineTotal(52.5, 2))).toBe('AMOUNT_FORMAT');
    expect(leftCode(lineTotal(5250, 1.5))).toBe('QUANTITY_FORMAT');
    expect(leftCode(lineTotal(-1, 1))).toBe('AMOUNT_FORMAT');
    expect(leftCode(sumCents([1, -1]))).toBe('AMOUNT_FORMAT');
  });
});
