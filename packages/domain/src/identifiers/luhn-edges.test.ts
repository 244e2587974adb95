// Luhn (R-41's SIREN and SIRET keys) on what is not a digit string: the mutation run of issue 20
// (pnpm mutation identifiers) found the type check and the start of the digits pattern untried.
import { luhn, luhnCheckDigit } from './luhn';

describe('luhn on what is not a digit string (R-41)', () => {
  it('R-41 refuses a number, even one whose digits pass', () => {
    expect(luhn(79927398713 as unknown as string)).toBe(false);
  });

  it('R-41 refuses a letter before the digits, even when the sum of their codes would pass', () => {
    expect(luhn('a1')).toBe(false);
  });

  it('R-41 luhnCheckDigit refuses a letter before the digits', () => {
    expect(() => luhnCheckDigit('x12')).toThrow(
      new RangeError('luhnCheckDigit: attendu des chiffres, reçu "x12"'),
    );
  });
});
