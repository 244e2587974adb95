// One digit too many, or something before the digits, is a format error, not
// a checksum error nor an accepted value: the mutation run of issue 20 (pnpm mutation
// identifiers) found the start and end anchors of these patterns untried.
import * as E from 'fp-ts/Either';
import { decodeField } from './decode-field';
import { Siren } from './siren';
import { Siret } from './siret';
import { Uai, uaiCheckLetter } from './uai';

const codeOf = (result: E.Either<{ code: string }, unknown>) =>
  E.isLeft(result) ? result.left.code : 'accepted';

describe('identifier lengths and leading characters', () => {
  it.each([
    ['7328293200', 'SIREN_FORMAT'],
    ['0732829320', 'SIREN_FORMAT'],
  ])('R-41 calls the SIREN %j a format error (%s)', (input, code) => {
    expect(codeOf(decodeField(Siren, input, 'siren'))).toBe(code);
  });

  it.each([
    ['732829320000740', 'SIRET_FORMAT'],
    ['073282932000074', 'SIRET_FORMAT'],
  ])('R-41 calls the SIRET %j a format error (%s)', (input, code) => {
    expect(codeOf(decodeField(Siret, input, 'siret'))).toBe(code);
  });

  it('R-12 refuses a UAI with a character before its seven digits', () => {
    expect(codeOf(decodeField(Uai, 'X0951099D', 'uai'))).toBe('UAI_FORMAT');
  });

  it('R-12 computes a check letter from exactly seven digits only', () => {
    expect(() => uaiCheckLetter('x0951099')).toThrow(RangeError);
    expect(() => uaiCheckLetter('09510990')).toThrow(RangeError);
  });
});
