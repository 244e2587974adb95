import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import type { FieldProblem } from './field-error';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { luhn } from './luhn';
import { stringInput } from './string-input';

const NINE_DIGITS = /^\d{9}$/;

/** Brand of a checked SIREN. */
export interface SirenBrand {
  readonly Siren: unique symbol;
}
/** A company identifier: 9 digits, Luhn key valid. */
export type Siren = t.Branded<string, SirenBrand>;

/**
 * Checks a SIREN as typed (R-41: spaces, dots and hyphens between digits removed) and gives
 * back its 9 digits, or the problem (codes SIREN_FORMAT, SIREN_CHECKSUM).
 */
export function checkSiren(input: unknown): E.Either<FieldProblem, Siren> {
  return pipe(
    stringInput(input, 'SIREN', 'Le SIREN', '9 chiffres', { removeDigitSeparators: true }),
    E.chain((s) =>
      !NINE_DIGITS.test(s)
        ? problem('SIREN_FORMAT', `Le SIREN « ${echoText(s)} » doit comporter 9 chiffres`)
        : !luhn(s)
          ? problem('SIREN_CHECKSUM', `Le SIREN ${s} n'est pas valide (clé de contrôle)`)
          : E.right(s as Siren),
    ),
  );
}

/** True when `s`, as typed, is a SIREN: 9 digits with a valid Luhn key. Agrees with the `Siren` codec. */
export const isValidSiren = (s: string): boolean => E.isRight(checkSiren(s));

/** Decodes a SIREN as typed into its 9 digits, with French messages (codes SIREN_FORMAT, SIREN_CHECKSUM). */
export const Siren = new FieldCodec<Siren, string>('Siren', checkSiren, (a) => a);
