import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { ProviderSearch } from '../dossier/commands/payload-codecs';
import { decodeField } from './decode-field';
import { luhn } from './luhn';
import { checkSiren, isValidSiren, Siren } from './siren';
import { checkSiret, isValidSiret, Siret } from './siret';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

describe('R-41 SIREN and SIRET as people type them', () => {
  it.each([
    ['732 829 320', '732829320'],
    ['732-829-320', '732829320'],
    ['732.829.320', '732829320'],
    ['  732 829 320  ', '732829320'],
    ['732\u00a0829\u202f320', '732829320'],
  ])('R-41 reads the SIREN %j as %s', (typed, digits) => {
    expect(Siren.decode(typed)).toEqual(E.right(digits));
    expect(isValidSiren(typed)).toBe(true);
  });

  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732-829-320-00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['356 000 000 09075', '35600000009075'],
  ])('R-41 reads the SIRET %j as %s', (typed, digits) => {
    expect(Siret.decode(typed)).toEqual(E.right(digits));
    expect(isValidSiret(typed)).toBe(true);
  });

  it.each(['732_829_320', '732/829/320', '-732829320', '732829320.', 'SIREN 732829320', '732,829,320'])(
    'R-41 refuses any other character in %j as a format error',
    (typed) => {
      expect(isValidSiren(typed)).toBe(false);
      expect(decodeField(Siren, typed, 'siren')).toEqual(
        E.left(expect.objectContaining({ code: 'SIREN_FORMAT', field: 'siren' })),
      );
    },
  );

  it('R-41 refuses a SIRET whose key is right but whose SIREN part fails its own check', () => {
    // 404833047 is not a SIREN; 40483304700016 passes Luhn over its 14 digits all the same.
    expect(luhn('40483304700016')).toBe(true);
    expect(isValidSiren('404833047')).toBe(false);
    expect(isValidSiret('40483304700016')).toBe(false);
    expect(decodeField(Siret, '404 833 047 00016', 'siret')).toEqual(
      E.left({
        code: 'SIRET_SIREN_CHECKSUM',
        field: 'siret',
        kind: 'format',
        message:
          "Le SIRET 40483304700016 n'est pas valide : son SIREN 404833047 a une clé de contrôle fausse",
      }),
    );
    assertLeft(ProviderSearch.decode('40483304700016'));
  });

  it("R-41 lets La Poste's SIREN 356000000 through as a SIRET's first nine digits", () => {
    expect(isValidSiren('356000000')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000009075')).toBe(true);
  });

  it('R-41 the provider search takes a SIREN or SIRET typed with separators', () => {
    expect(ProviderSearch.decode('732-829-320')).toEqual(E.right('732829320'));
    expect(ProviderSearch.decode('732.829.320.00074')).toEqual(E.right('73282932000074'));
  });

  // Strings of digits and separators, with now and then another character, so that both
  // sides of every check are reached.
  const typedIdentifier = fc
    .array(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...'0123456789') },
        { weight: 3, arbitrary: fc.constantFrom(' ', '.', '-', '\u00a0', '\u202f') },
        { weight: 1, arbitrary: fc.constantFrom('_', '/', 'A', ',', '\t', '\0', '\ud800') },
      ),
      { maxLength: 22 },
    )
    .map((chars) => chars.join(''));
  // Valid identifiers with separators sprinkled in, so the accepting side is reached often.
  const sprinkled = (digits: fc.Arbitrary<string>) =>
    fc
      .tuple(digits, fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 14, maxLength: 14 }))
      .map(([d, seps]) => [...d].map((c, i) => (i === 0 ? c : `${seps[i] ?? ''}${c}`)).join(''));
  const luhnDigits = (length: number) =>
    fc.stringMatching(new RegExp(`^\\d{${length - 1}}$`)).map((partial) => {
      for (let last = 0; last < 10; last++) if (luhn(`${partial}${last}`)) return `${partial}${last}`;
      return partial;
    });

  it('R-41 every exported checker agrees with its codec on any string of digits and separators', () => {
    fc.assert(
      fc.property(fc.oneof(typedIdentifier, sprinkled(luhnDigits(9)), sprinkled(luhnDigits(14))), (typed) => {
        expect(isValidSiren(typed)).toBe(E.isRight(Siren.decode(typed)));
        expect(isValidSiren(typed)).toBe(E.isRight(checkSiren(typed)));
        expect(isValidSiret(typed)).toBe(E.isRight(Siret.decode(typed)));
        expect(isValidSiret(typed)).toBe(E.isRight(checkSiret(typed)));
        // The provider search accepts exactly what one of the two checkers accepts.
        expect(E.isRight(ProviderSearch.decode(typed))).toBe(isValidSiren(typed) || isValidSiret(typed));
        // An accepted SIRET always starts with an accepted SIREN.
        const siret = Siret.decode(typed);
        if (E.isRight(siret)) expect(isValidSiren(siret.right.slice(0, 9))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
