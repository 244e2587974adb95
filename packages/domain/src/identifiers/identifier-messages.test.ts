// What each identifier check tells a portal user, word for word (R-08: a format error names the
// field and the reason, in French, with a stable code): the codes were asserted, the messages
// were not (the mutation run of issue 20, pnpm mutation identifiers).
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { decodeField } from './decode-field';
import { Email } from './email';
import { Idcc } from './idcc';
import { Naf } from './naf';
import { Nda } from './nda';
import { PostalCode } from './postal-code';
import { Siren } from './siren';
import { Siret } from './siret';
import { luhnCheckDigit } from './luhn';
import { Uai, uaiCheckLetter } from './uai';

const NAF_EXPECTED = 'attendu 4 chiffres et une lettre majuscule, par exemple 7820Z';

const cases: ReadonlyArray<readonly [string, t.Mixed, unknown, string, string]> = [
  ['Naf', Naf, '782Z', 'NAF_FORMAT', `Le code NAF « 782Z » n'est pas valide : ${NAF_EXPECTED}`],
  [
    'Naf',
    Naf,
    7820,
    'NAF_FORMAT',
    `Le code NAF doit être une chaîne de caractères : ${NAF_EXPECTED} (reçu : le nombre 7820)`,
  ],
  ['Naf', Naf, ' ', 'NAF_FORMAT', `Le code NAF est vide : ${NAF_EXPECTED}`],
  [
    'Naf',
    Naf,
    '78\u000020Z',
    'NAF_FORMAT',
    "Le code NAF n'est pas valide : caractère nul (U+0000) interdit en position 3",
  ],
  [
    'Nda',
    Nda,
    11755555575,
    'NDA_FORMAT',
    "Le numéro de déclaration d'activité doit être une chaîne de caractères : attendu 11 chiffres (reçu : le nombre 11755555575)",
  ],
  ['Idcc', Idcc, '237', 'IDCC_FORMAT', "L'IDCC « 237 » doit comporter 4 chiffres, par exemple 2378"],
  [
    'Nda',
    Nda,
    '1175555557',
    'NDA_FORMAT',
    "Le numéro de déclaration d'activité « 1175555557 » doit comporter 11 chiffres",
  ],
  [
    'PostalCode',
    PostalCode,
    '9211',
    'POSTAL_CODE_FORMAT',
    'Le code postal « 9211 » doit comporter 5 chiffres',
  ],
  [
    'PostalCode',
    PostalCode,
    92110,
    'POSTAL_CODE_FORMAT',
    'Le code postal doit être une chaîne de caractères : attendu 5 chiffres (reçu : le nombre 92110)',
  ],
  [
    'Email',
    Email,
    'x',
    'EMAIL_FORMAT',
    "L'adresse email « x » n'est pas valide : attendu une adresse comme nom@entreprise.fr",
  ],
  [
    'Email',
    Email,
    1,
    'EMAIL_FORMAT',
    "L'adresse email doit être une chaîne de caractères : attendu une adresse comme nom@entreprise.fr (reçu : le nombre 1)",
  ],
  [
    'Email',
    Email,
    'a'.repeat(9000),
    'EMAIL_TOO_LONG',
    "L'adresse email fait plus de 200 caractères : 200 caractères maximum",
  ],
  [
    'Uai',
    Uai,
    '095109D',
    'UAI_FORMAT',
    "Le numéro UAI « 095109D » n'est pas valide : attendu 7 chiffres et une lettre de contrôle, par exemple 0951099D",
  ],
  [
    'Uai',
    Uai,
    951099,
    'UAI_FORMAT',
    'Le numéro UAI doit être une chaîne de caractères : attendu 7 chiffres et une lettre de contrôle, par exemple 0951099D (reçu : le nombre 951099)',
  ],
  ['Siren', Siren, '73282932', 'SIREN_FORMAT', 'Le SIREN « 73282932 » doit comporter 9 chiffres'],
  [
    'Siren',
    Siren,
    732829320,
    'SIREN_FORMAT',
    'Le SIREN doit être une chaîne de caractères : attendu 9 chiffres (reçu : le nombre 732829320)',
  ],
  ['Siren', Siren, '732829321', 'SIREN_CHECKSUM', "Le SIREN 732829321 n'est pas valide (clé de contrôle)"],
  ['Siret', Siret, '7328293200007', 'SIRET_FORMAT', 'Le SIRET « 7328293200007 » doit comporter 14 chiffres'],
  [
    'Siret',
    Siret,
    73282932000074,
    'SIRET_FORMAT',
    'Le SIRET doit être une chaîne de caractères : attendu 14 chiffres (reçu : le nombre 73282932000074)',
  ],
  [
    'Siret',
    Siret,
    '73282932000075',
    'SIRET_CHECKSUM',
    "Le SIRET 73282932000075 n'est pas valide (clé de contrôle)",
  ],
];

describe('identifier messages (R-08)', () => {
  it.each(cases)(
    'R-08 %s refuses case %# with its code and French reason',
    (_, codec, input, code, message) => {
      expect(decodeField(codec, input, 'field')).toEqual(
        E.left({ code, field: 'field', kind: 'format', message }),
      );
    },
  );

  it('R-08 the codecs are named as the commands list their fields (command-payload-fields)', () => {
    expect([Naf, Idcc, Nda, PostalCode, Email, Uai, Siren, Siret].map((codec) => codec.name)).toEqual([
      'Naf',
      'Idcc',
      'Nda',
      'PostalCode',
      'Email',
      'Uai',
      'Siren',
      'Siret',
    ]);
  });

  it('R-41 an NDA or a UAI typed with spaces, tabs or no-break spaces is read without them', () => {
    expect(Nda.decode(' 117 555\t555\u00a075 ')).toEqual(E.right('11755555575'));
    expect(Uai.decode(' 0951\u202f099 d ')).toEqual(E.right('0951099D'));
  });

  it('R-06 refuses an email with two @, even when each side would pass', () => {
    expect(decodeField(Email, 'a@b.fr@c.fr', 'email')).toEqual(
      E.left({
        code: 'EMAIL_FORMAT',
        field: 'email',
        kind: 'format',
        message:
          "L'adresse email « a@b.fr@c.fr » n'est pas valide : attendu une adresse comme nom@entreprise.fr",
      }),
    );
  });

  it('R-08 refuses a NAF code with anything before its digits', () => {
    expect(E.isLeft(Naf.decode('A7820Z'))).toBe(true);
  });

  it('R-12 the check-digit helpers name what they received (a bug, not user input)', () => {
    expect(() => uaiCheckLetter('095109')).toThrow(
      new RangeError('uaiCheckLetter : attendu 7 chiffres, reçu "095109"'),
    );
    expect(() => luhnCheckDigit('12x')).toThrow(
      new RangeError('luhnCheckDigit: attendu des chiffres, reçu "12x"'),
    );
  });
});
