import * as E from 'fp-ts/Either';
import { decodeField } from './decode-field';
import { Email, EMAIL_MAX_LENGTH } from './email';
import { Idcc } from './idcc';
import { Naf } from './naf';
import { Nda } from './nda';
import { PostalCode } from './postal-code';
import { Uai, uaiCheckLetter } from './uai';
import { assertLeft, assertRight } from '@cartes-badges/eventsourcing/testing';

describe('NAF', () => {
  it.each([
    ['7820Z', '7820Z'],
    ['78.20Z', '7820Z'],
    ['78.20z', '7820Z'],
    [' 4120A ', '4120A'],
  ])('normalises %j to %s', (input, expected) => {
    expect(Naf.decode(input)).toEqual(E.right(expected));
  });

  it.each(['782Z', '78200', 'Z7820', '78.20ZZ', '7820-Z', ''])('refuses %j', (input) => {
    expect(assertLeft(decodeField(Naf, input, 'naf')).code).toBe('NAF_FORMAT');
  });

  it('is only true of the normalised form', () => {
    expect(Naf.is('7820Z')).toBe(true);
    expect(Naf.is('78.20Z')).toBe(false);
  });
});

describe('IDCC', () => {
  it.each([
    ['2378', '2378'],
    ['1413', '1413'],
    ['0923', '0923'],
    ['01413', '1413'],
  ])('keeps %j as the string %s', (input, expected) => {
    expect(Idcc.decode(input)).toEqual(E.right(expected));
  });

  it.each(['237', '12378', '23A8', '', '001413'])('refuses %j', (input) => {
    expect(assertLeft(decodeField(Idcc, input, 'idcc'))).toEqual(
      expect.objectContaining({ code: 'IDCC_FORMAT' }),
    );
  });

  it('refuses a number (the leading zero would be lost)', () => {
    expect(assertLeft(decodeField(Idcc, 923, 'idcc')).message).toBe(
      "L'IDCC doit être une chaîne de caractères : attendu 4 chiffres, par exemple 2378 (reçu : le nombre 923)",
    );
  });
});

describe('UAI', () => {
  it.each([
    ['0951099', 'D'],
    ['0022004', 'T'],
    ['0170100', 'S'],
  ])('R-12 computes the check letter of %s as %s', (digits, letter) => {
    expect(uaiCheckLetter(digits)).toBe(letter);
  });

  it.each([
    ['0951099D', '0951099D'],
    ['0022004T', '0022004T'],
    ['0170100S', '0170100S'],
    ['0951099d', '0951099D'],
    ['0022004t', '0022004T'],
  ])('R-12 accepts the UAI %j, normalised to %s', (input, expected) => {
    expect(Uai.decode(input)).toEqual(E.right(expected));
  });

  it('R-12 refuses a wrong check letter and gives the expected one', () => {
    expect(decodeField(Uai, '0951099E', 'uai')).toEqual(
      E.left({
        code: 'UAI_CHECKSUM',
        field: 'uai',
        kind: 'format',
        message: "Le numéro UAI 0951099E n'est pas valide (lettre de contrôle : D attendue)",
      }),
    );
  });

  it.each(['095109D', '09510991', '0951099DD', 'A951099D', '', '0951099'])(
    'R-12 refuses the malformed UAI %j',
    (input) => {
      expect(assertLeft(decodeField(Uai, input, 'uai')).code).toBe('UAI_FORMAT');
    },
  );

  it('uaiCheckLetter refuses anything but 7 digits', () => {
    expect(() => uaiCheckLetter('095109')).toThrow(RangeError);
  });
});

describe('NDA', () => {
  it('accepts 11 digits', () => {
    expect(Nda.decode('11755555575')).toEqual(E.right('11755555575'));
  });
  it.each(['1175555557', '117555555751', '1175555557A', ''])('refuses %j', (input) => {
    expect(assertLeft(decodeField(Nda, input, 'nda')).code).toBe('NDA_FORMAT');
  });
});

describe('postal code', () => {
  it('accepts 5 digits, leading zero kept', () => {
    expect(PostalCode.decode('92110')).toEqual(E.right('92110'));
    expect(PostalCode.decode('01000')).toEqual(E.right('01000'));
  });
  it.each(['9211', '921100', '2A004', '', 92110])('refuses %j', (input) => {
    expect(assertLeft(decodeField(PostalCode, input, 'address.postalCode')).code).toBe('POSTAL_CODE_FORMAT');
  });
});

describe('email', () => {
  it.each(['amoa1@hum-interim.fr', 'claire.martin+cartes@interim-services.co.fr', 'a@b.fr'])(
    'R-06 accepts %j',
    (input) => {
      expect(Email.decode(input)).toEqual(E.right(input));
    },
  );

  it('R-06 trims surrounding spaces', () => {
    expect(Email.decode('  a@b.fr ')).toEqual(E.right('a@b.fr'));
  });

  it('R-06 accepts exactly 200 characters and refuses 201', () => {
    const at200 = `${'a'.repeat(EMAIL_MAX_LENGTH - '@exemple.fr'.length)}@exemple.fr`;
    expect(at200).toHaveLength(200);
    assertRight(Email.decode(at200));
    const at201 = `a${at200}`;
    expect(decodeField(Email, at201, 'email')).toEqual(
      E.left({
        code: 'EMAIL_TOO_LONG',
        field: 'email',
        kind: 'format',
        message: "L'adresse email fait 201 caractères : 200 caractères maximum",
      }),
    );
  });

  it.each([
    'amoa1',
    'amoa1@',
    '@exemple.fr',
    'a@b',
    'a@@b.fr',
    'a@b@c.fr',
    'a b@c.fr',
    'a@b..fr',
    'a@.b.fr',
    'a@b.fr.',
    'amoa1. x',
  ])('R-06 refuses %j, naming the value', (input) => {
    const error = assertLeft(decodeField(Email, input, 'email'));
    expect(error?.code).toBe('EMAIL_FORMAT');
    expect(error?.message).toContain(`« ${input.trim()} »`);
  });

  it('R-06 refuses an empty or non-string email', () => {
    expect(assertLeft(decodeField(Email, '', 'email')).message).toBe(
      "L'adresse email est vide : attendu une adresse comme nom@entreprise.fr",
    );
    expect(assertLeft(decodeField(Email, 42, 'email')).code).toBe('EMAIL_FORMAT');
  });
});
