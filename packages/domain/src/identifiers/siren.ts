import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { luhn } from './luhn';
import { stringInput } from './string-input';

const NINE_DIGITS = /^\d{9}$/;

/** True when `s` is 9 digits with a valid Luhn key. */
export const isValidSiren = (s: string): boolean => typeof s === 'string' && NINE_DIGITS.test(s) && luhn(s);

/** Brand of a checked SIREN. */
export interface SirenBrand {
  readonly Siren: unique symbol;
}
/** A company identifier: 9 digits, Luhn key valid. */
export type Siren = t.Branded<string, SirenBrand>;

/** Decodes a SIREN (spaces removed), with French messages (codes SIREN_FORMAT, SIREN_CHECKSUM). */
export const Siren = new FieldCodec<Siren, string>(
  'Siren',
  (input) =>
    pipe(
      stringInput(input, 'SIREN', 'Le SIREN', '9 chiffres', { removeSpaces: true }),
      E.chain((s) =>
        !NINE_DIGITS.test(s)
          ? problem('SIREN_FORMAT', `Le SIREN « ${s} » doit comporter 9 chiffres`)
          : !luhn(s)
            ? problem('SIREN_CHECKSUM', `Le SIREN ${s} n'est pas valide (clé de contrôle)`)
            : E.right(s as Siren),
      ),
    ),
  (a) => a,
);
