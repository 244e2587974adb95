import * as E from 'fp-ts/Either';
import { describeValue } from '../identifiers/describe-value';
import { FieldCodec, problem } from '../identifiers/field-codec';

/** The unit amount HT must be lower than 100 000 € (R-13, a business rule reported by validation). */
export const MAX_UNIT_AMOUNT_CENTS = 10_000_000;

/** An amount in euro cents: a safe integer ≥ 0 (R-13: never a float). Code AMOUNT_FORMAT. */
export const Cents = new FieldCodec<number>(
  'Cents',
  (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= 0
      ? E.right(input)
      : problem(
          'AMOUNT_FORMAT',
          `Le montant doit être un nombre entier de centimes positif ou nul (reçu : ${describeValue(input)})`,
        ),
  (a) => a,
);

/** A number of cards ordered: a whole number ≥ 1. Code QUANTITY_FORMAT. */
export const Quantity = new FieldCodec<number>(
  'Quantity',
  (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= 1
      ? E.right(input)
      : problem(
          'QUANTITY_FORMAT',
          `La quantité doit être un nombre entier supérieur ou égal à 1 (reçu : ${describeValue(input)})`,
        ),
  (a) => a,
);
