import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { stringInput } from './string-input';

const FIVE_DIGITS = /^\d{5}$/;

/** Brand of a checked postal code. */
export interface PostalCodeBrand {
  readonly PostalCode: unique symbol;
}
/** A French postal code: 5 digits (`92110`). */
export type PostalCode = t.Branded<string, PostalCodeBrand>;

/** Decodes a postal code. Code POSTAL_CODE_FORMAT. */
export const PostalCode = new FieldCodec<PostalCode, string>(
  'PostalCode',
  (input) =>
    pipe(
      stringInput(input, 'POSTAL_CODE', 'Le code postal', '5 chiffres'),
      E.chain((s) =>
        FIVE_DIGITS.test(s)
          ? E.right(s as PostalCode)
          : problem('POSTAL_CODE_FORMAT', `Le code postal « ${echoText(s)} » doit comporter 5 chiffres`),
      ),
    ),
  (a) => a,
);
