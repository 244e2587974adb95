import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { stringInput } from './string-input';

const ELEVEN_DIGITS = /^\d{11}$/;

/** Brand of a checked NDA. */
export interface NdaBrand {
  readonly Nda: unique symbol;
}
/** A training declaration number (numéro de déclaration d'activité): 11 digits, no key. */
export type Nda = t.Branded<string, NdaBrand>;

/** Decodes an NDA (spaces removed). Code NDA_FORMAT. */
export const Nda = new FieldCodec<Nda, string>(
  'Nda',
  (input) =>
    pipe(
      stringInput(input, 'NDA', "Le numéro de déclaration d'activité", '11 chiffres', { removeSpaces: true }),
      E.chain((s) =>
        ELEVEN_DIGITS.test(s)
          ? E.right(s as Nda)
          : problem(
              'NDA_FORMAT',
              `Le numéro de déclaration d'activité « ${echoText(s)} » doit comporter 11 chiffres`,
            ),
      ),
    ),
  (a) => a,
);
