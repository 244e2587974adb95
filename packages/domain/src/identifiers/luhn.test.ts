import fc from 'fast-check';
import { digitSum, luhn, luhnCheckDigit } from './luhn';

describe('luhn', () => {
  it('validates the textbook number and rejects its neighbours', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
  });

  it('rejects non-digit strings and the empty string', () => {
    expect(luhn('')).toBe(false);
    expect(luhn('12a4')).toBe(false);
    expect(luhn(' 0')).toBe(false);
  });

  it('luhnCheckDigit always completes a digit string into a Luhn-valid one, and only one digit does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}$/), (partial) => {
        const check = luhnCheckDigit(partial);
        expect(luhn(partial + check)).toBe(true);
        const others = '0123456789'.split('').filter((d) => d !== check);
        for (const d of others) expect(luhn(partial + d)).toBe(false);
      }),
    );
  });

  it('luhnCheckDigit refuses non-digits', () => {
    expect(() => luhnCheckDigit('12x')).toThrow(RangeError);
  });

  it('digitSum adds the digits', () => {
    expect(digitSum('35600000009075')).toBe(35);
  });
});
