import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { stringInput } from './string-input';

/** The 23 letters of the UAI key: the alphabet without i, o, q. */
const UAI_LETTERS = 'abcdefghjklmnprstuvwxyz';
const SEVEN_DIGITS = /^\d{7}$/;
const UAI_SHAPE = /^(\d{7})([A-Za-z])$/;

/** The check letter (upper case) of a UAI's 7 digits: the number modulo 23 indexes `abcdefghjklmnprstuvwxyz`. */
export function uaiCheckLetter(digits: string): string {
  if (!SEVEN_DIGITS.test(digits))
    throw new RangeError(`uaiCheckLetter : attendu 7 chiffres, reçu "${digits}"`);
  return UAI_LETTERS[Number(digits) % 23].toUpperCase();
}

/** Brand of a checked UAI. */
export interface UaiBrand {
  readonly Uai: unique symbol;
}
/** A training establishment number (UAI): 7 digits and its check letter, upper case (`0951099D`). */
export type Uai = t.Branded<string, UaiBrand>;

/** Decodes a UAI, letter compared case-insensitively and upper-cased. Codes UAI_FORMAT, UAI_CHECKSUM. */
export const Uai = new FieldCodec<Uai, string>(
  'Uai',
  (input) =>
    pipe(
      stringInput(
        input,
        'UAI',
        'Le numéro UAI',
        '7 chiffres et une lettre de contrôle, par exemple 0951099D',
        {
          removeSpaces: true,
        },
      ),
      E.chain((s) => {
        const match = UAI_SHAPE.exec(s);
        if (match === null) {
          return problem(
            'UAI_FORMAT',
            `Le numéro UAI « ${echoText(s)} » n'est pas valide : attendu 7 chiffres et une lettre de contrôle, par exemple 0951099D`,
          );
        }
        const expected = uaiCheckLetter(match[1]);
        const normalised = `${match[1]}${match[2].toUpperCase()}`;
        return match[2].toUpperCase() === expected
          ? E.right(normalised as Uai)
          : problem(
              'UAI_CHECKSUM',
              `Le numéro UAI ${normalised} n'est pas valide (lettre de contrôle : ${expected} attendue)`,
            );
      }),
    ),
  (a) => a,
);
