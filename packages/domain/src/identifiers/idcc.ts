import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { stringInput } from './string-input';

const FOUR_DIGITS = /^\d{4}$/;
/** The DSN writes the IDCC on 5 positions with a leading zero (`01413`). */
const DSN_FORM = /^0\d{4}$/;

/** Brand of a checked IDCC. */
export interface IdccBrand {
  readonly Idcc: unique symbol;
}
/** A collective agreement id: 4 digits kept as a string (`0923`, `2378`). */
export type Idcc = t.Branded<string, IdccBrand>;

/** Decodes an IDCC; the 5-digit DSN form `01413` is normalised to `1413`. Code IDCC_FORMAT. */
export const Idcc = new FieldCodec<Idcc, string>(
  'Idcc',
  (input) =>
    pipe(
      stringInput(input, 'IDCC', "L'IDCC", '4 chiffres, par exemple 2378'),
      E.chain((s) =>
        FOUR_DIGITS.test(s)
          ? E.right(s as Idcc)
          : DSN_FORM.test(s)
            ? E.right(s.slice(1) as Idcc)
            : problem('IDCC_FORMAT', `L'IDCC « ${echoText(s)} » doit comporter 4 chiffres, par exemple 2378`),
      ),
    ),
  (a) => a,
);
