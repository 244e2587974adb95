import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { digitSum, luhn } from './luhn';
import type { Siren } from './siren';
import { stringInput } from './string-input';

const FOURTEEN_DIGITS = /^\d{14}$/;
/** La Poste's establishments are too many for Luhn-valid NICs; INSEE uses a digit-sum rule instead. */
const LA_POSTE_SIREN = '356000000';

/**
 * True when `s` is 14 digits with a valid Luhn key, or a La Poste SIRET (SIREN 356000000)
 * whose digit sum is a multiple of 5. Luhn is checked first.
 */
export function isValidSiret(s: string): boolean {
  if (typeof s !== 'string' || !FOURTEEN_DIGITS.test(s)) return false;
  if (luhn(s)) return true;
  return s.startsWith(LA_POSTE_SIREN) && digitSum(s) % 5 === 0;
}

/** Brand of a checked SIRET. */
export interface SiretBrand {
  readonly Siret: unique symbol;
}
/** An establishment identifier: SIREN + 5-digit NIC, checked as `isValidSiret`. */
export type Siret = t.Branded<string, SiretBrand>;

/** Decodes a SIRET (spaces removed), with French messages (codes SIRET_FORMAT, SIRET_CHECKSUM). */
export const Siret = new FieldCodec<Siret, string>(
  'Siret',
  (input) =>
    pipe(
      stringInput(input, 'SIRET', 'Le SIRET', '14 chiffres', { removeSpaces: true }),
      E.chain((s) =>
        !FOURTEEN_DIGITS.test(s)
          ? problem('SIRET_FORMAT', `Le SIRET « ${s} » doit comporter 14 chiffres`)
          : !isValidSiret(s)
            ? problem('SIRET_CHECKSUM', `Le SIRET ${s} n'est pas valide (clé de contrôle)`)
            : E.right(s as Siret),
      ),
    ),
  (a) => a,
);

/**
 * The SIREN of the company an establishment belongs to: the SIRET's first 9 digits. (INSEE
 * builds every SIRET on a valid SIREN, so the result is a SIREN.)
 */
export const sirenOfSiret = (siret: Siret): Siren => siret.slice(0, 9) as Siren;
