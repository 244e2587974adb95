import * as E from 'fp-ts/Either';
import { decodeField } from './decode-field';
import { isValidSiren, Siren } from './siren';
import { isValidSiret, Siret, sirenOfSiret } from './siret';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

describe('SIREN', () => {
  it.each(['732829320', '404833048', '356000000'])('R-12 accepts the valid SIREN %s', (s) => {
    expect(isValidSiren(s)).toBe(true);
    expect(Siren.decode(s)).toEqual(E.right(s));
    expect(Siren.is(s)).toBe(true);
  });

  it('R-12 refuses 404833047 for its Luhn key, naming the value', () => {
    expect(isValidSiren('404833047')).toBe(false);
    expect(decodeField(Siren, '404833047', 'provider.siren')).toEqual(
      E.left({
        code: 'SIREN_CHECKSUM',
        field: 'provider.siren',
        kind: 'format',
        message: "Le SIREN 404833047 n'est pas valide (clé de contrôle)",
      }),
    );
  });

  it.each([
    ['12345678', 'Le SIREN « 12345678 » doit comporter 9 chiffres'],
    ['7328293200', 'Le SIREN « 7328293200 » doit comporter 9 chiffres'],
    ['73282932A', 'Le SIREN « 73282932A » doit comporter 9 chiffres'],
    ['', 'Le SIREN est vide : attendu 9 chiffres'],
    ['   ', 'Le SIREN est vide : attendu 9 chiffres'],
  ])('R-12 refuses the malformed SIREN %j', (input, message) => {
    expect(decodeField(Siren, input, 'siren')).toEqual(
      E.left({ code: 'SIREN_FORMAT', field: 'siren', kind: 'format', message }),
    );
  });

  it.each([
    [732829320, 'le nombre 732829320'],
    [null, 'la valeur null'],
    [undefined, 'aucune valeur'],
    [{}, 'une valeur de type object'],
  ])('R-12 refuses the non-string %p and says what it received', (input, shown) => {
    const result = decodeField(Siren, input, 'siren');
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          code: 'SIREN_FORMAT',
          message: `Le SIREN doit être une chaîne de caractères : attendu 9 chiffres (reçu : ${shown})`,
        }),
      ),
    );
  });

  it('removes the spaces of a SIREN pasted as printed', () => {
    expect(Siren.decode('732 829 320')).toEqual(E.right('732829320'));
    expect(Siren.decode('732\u00a0829\u202f320')).toEqual(E.right('732829320'));
    expect(Siren.is('732 829 320')).toBe(false);
  });
});

describe('SIRET', () => {
  it.each(['73282932000074', '35600000009075', '35600000000048'])('R-12 accepts the valid SIRET %s', (s) => {
    expect(isValidSiret(s)).toBe(true);
    expect(Siret.decode(s)).toEqual(E.right(s));
  });

  it('R-12 accepts La Poste SIRETs by their digit sum only when Luhn fails', () => {
    // 35600000009075 fails Luhn; its digit sum (35) is a multiple of 5.
    expect(isValidSiren('35600000009075'.slice(0, 9))).toBe(true);
    expect(isValidSiret('35600000009075')).toBe(true);
    // Same digit-sum trick outside La Poste is refused.
    expect(isValidSiret('73282932000075')).toBe(false);
    // La Poste with a digit sum not multiple of 5 and a bad Luhn key is refused.
    expect(isValidSiret('35600000009076')).toBe(false);
  });

  it('R-12 refuses 73282932000079 for its key with the expected message', () => {
    expect(isValidSiret('73282932000079')).toBe(false);
    expect(decodeField(Siret, '73282932000079', 'siret')).toEqual(
      E.left({
        code: 'SIRET_CHECKSUM',
        field: 'siret',
        kind: 'format',
        message: "Le SIRET 73282932000079 n'est pas valide (clé de contrôle)",
      }),
    );
  });

  it.each(['7328293200007', '732829320000745', '7328293200007A', 'abcdefghijklmn', '', '73282932000074;'])(
    'R-12 refuses the malformed SIRET %j',
    (input) => {
      const result = decodeField(Siret, input, 'siret');
      expect(assertLeft(result).code).toBe('SIRET_FORMAT');
      expect(assertLeft(result).message).toMatch(/^Le SIRET/);
      expect(isValidSiret(input)).toBe(false);
    },
  );

  it('R-12 says a non-string SIRET is not one', () => {
    expect(decodeField(Siret, 73282932000074, 'siret')).toEqual(
      E.left(
        expect.objectContaining({
          message:
            'Le SIRET doit être une chaîne de caractères : attendu 14 chiffres (reçu : le nombre 73282932000074)',
        }),
      ),
    );
  });

  it('gives the SIREN of a SIRET', () => {
    const siret = Siret.decode('73282932000074');
    if (E.isLeft(siret)) throw new Error('fixture');
    expect(sirenOfSiret(siret.right)).toBe('732829320');
    expect(isValidSiren(sirenOfSiret(siret.right))).toBe(true);
  });
});
