import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import type { FieldProblem } from './field-error';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { digitSum, luhn } from './luhn';
import type { Siren } from './siren';
import { isValidSiren } from './siren';
import { stringInput } from './string-input';

const FOURTEEN_DIGITS = /^\d{14}$/;
/** La Poste's establishments are too many for Luhn-valid NICs; INSEE uses a digit-sum rule instead. */
const LA_POSTE_SIREN = '356000000';

/** Brand of a checked SIRET. */
export interface SiretBrand {
  readonly Siret: unique symbol;
}
/** An establishment identifier: SIREN + 5-digit NIC, checked as `checkSiret`. */
export type Siret = t.Branded<string, SiretBrand>;

// Luhn first; La Poste (SIREN 356000000) with a digit sum that is a multiple of 5 otherwise.
const keyIsValid = (digits: string): boolean =>
  luhn(digits) || (digits.startsWith(LA_POSTE_SIREN) && digitSum(digits) % 5 === 0);

/**
 * Checks a SIRET as typed (R-41: spaces, dots and hyphens between digits removed): 14 digits,
 * a valid key (Luhn, or La Poste's digit sum), and a first nine digits that are themselves a
 * valid SIREN. Codes SIRET_FORMAT, SIRET_CHECKSUM, SIRET_SIREN_CHECKSUM.
 */
export function checkSiret(input: unknown): E.Either<FieldProblem, Siret> {
  return pipe(
    stringInput(input, 'SIRET', 'Le SIRET', '14 chiffres', { removeDigitSeparators: true }),
    E.chain((s) =>
      !FOURTEEN_DIGITS.test(s)
        ? problem('SIRET_FORMAT', `Le SIRET « ${echoText(s)} » doit comporter 14 chiffres`)
        : !keyIsValid(s)
          ? problem('SIRET_CHECKSUM', `Le SIRET ${s} n'est pas valide (clé de contrôle)`)
          : !isValidSiren(s.slice(0, 9))
            ? problem(
                'SIRET_SIREN_CHECKSUM',
                `Le SIRET ${s} n'est pas valide : son SIREN ${s.slice(0, 9)} a une clé de contrôle fausse`,
              )
            : E.right(s as Siret),
    ),
  );
}

/** True when `s`, as typed, is a SIRET (see `checkSiret`). Agrees with the `Siret` codec. */
export const isValidSiret = (s: string): boolean => E.isRight(checkSiret(s));

/** Decodes a SIRET as typed into its 14 digits, with French messages (see `checkSiret`). */
export const Siret = new FieldCodec<Siret, string>('Siret', checkSiret, (a) => a);

/** The SIREN of the company an establishment belongs to: the SIRET's first 9 digits (a valid SIREN, R-41). */
export const sirenOfSiret = (siret: Siret): Siren => siret.slice(0, 9) as Siren;
