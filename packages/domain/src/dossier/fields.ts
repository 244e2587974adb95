import { validate as isUuid } from 'uuid';
import * as E from 'fp-ts/Either';
import { describeValue } from '../identifiers/describe-value';
import { FieldCodec, problem } from '../identifiers/field-codec';
import type { FieldProblem } from '../identifiers/field-error';
import { enteredLength, isLongerThan, unstorableCharacter } from '../identifiers/user-text';

// Format bounds that keep every total an exact integer number of cents: 10 lines × 10 000
// cards × 10^10 cents = 10^15 < 2^53. The business ceiling (R-13, < 100 000 €) is not a format
// bound but a validation rule: such an amount is saved and blocks transmission.
/** Largest unit amount a command may carry, in cents (a format bound, not the R-13 rule). */
export const MAX_UNIT_AMOUNT_FORMAT_CENTS = 10_000_000_000;
/** Largest quantity of cards on one cost line. */
export const MAX_QUANTITY = 10_000;
/** Largest number of cost lines on a dossier. */
export const MAX_COST_LINES = 10;

/**
 * A text as typed, trimmed: at most `max` characters as the user sees them (an emoji is one),
 * and nothing a store could not keep (NUL, half of a surrogate pair).
 */
function checkText(u: unknown, max: number): E.Either<FieldProblem, string> {
  if (typeof u !== 'string') return problem('NOT_TEXT', `Texte attendu, reçu ${describeValue(u)}`);
  const unstorable = unstorableCharacter(u);
  if (unstorable !== undefined) return problem('INVALID_CHARACTER', `Texte invalide : ${unstorable}`);
  const trimmed = u.trim();
  if (isLongerThan(trimmed, max)) {
    return problem('TOO_LONG', `${max} caractères maximum (${enteredLength(trimmed, max)})`);
  }
  return E.right(trimmed);
}

/** A text of at most `max` characters, trimmed; an empty text decodes to null (field cleared). */
export function optionalText(name: string, max: number): FieldCodec<string | null, string | null> {
  return new FieldCodec<string | null, string | null>(
    name,
    (u) => {
      if (u === null || u === undefined) return E.right(null);
      const checked = checkText(u, max);
      return E.isLeft(checked) ? checked : E.right(checked.right === '' ? null : checked.right);
    },
    (a) => a,
  );
}

/** A required text of 1 to `max` characters, trimmed. */
export function requiredText(name: string, max: number): FieldCodec<string, string> {
  return new FieldCodec<string, string>(
    name,
    (u) => {
      const checked = checkText(u, max);
      return E.isRight(checked) && checked.right === '' ? problem('REQUIRED', 'Saisie obligatoire') : checked;
    },
    (a) => a,
  );
}

/** A whole number between `min` and `max`, or null when the field is left empty. */
export function optionalInt(
  name: string,
  min: number,
  max: number,
  what: string,
): FieldCodec<number | null, number | null> {
  return new FieldCodec<number | null, number | null>(
    name,
    (u) => {
      if (u === null || u === undefined) return E.right(null);
      if (typeof u !== 'number' || !Number.isInteger(u)) {
        return problem('NOT_INTEGER', `${what} : nombre entier attendu, reçu ${describeValue(u)}`);
      }
      if (u < min || u > max) return problem('OUT_OF_RANGE', `${what} : entre ${min} et ${max} attendu`);
      return E.right(u);
    },
    (a) => a,
  );
}

/** A whole number of cents ≥ 0 (a required amount). */
export function requiredCents(name: string, what: string): FieldCodec<number, number> {
  return new FieldCodec<number, number>(
    name,
    (u) => {
      if (typeof u !== 'number' || !Number.isInteger(u)) {
        return problem(
          'NOT_CENTS',
          `${what} : montant en centimes (nombre entier) attendu, reçu ${describeValue(u)}`,
        );
      }
      if (u < 0 || u > MAX_UNIT_AMOUNT_FORMAT_CENTS * MAX_QUANTITY * MAX_COST_LINES) {
        return problem('OUT_OF_RANGE', `${what} : montant positif attendu`);
      }
      return E.right(u);
    },
    (a) => a,
  );
}

/** A technical id (dossier, document): a lowercase UUID. */
export const Uuid = new FieldCodec<string, string>(
  'Uuid',
  (u) =>
    typeof u === 'string' && isUuid(u) && u === u.toLowerCase()
      ? E.right(u)
      : problem('NOT_UUID', `Identifiant UUID attendu (ex. 0b6c1f2e-…), reçu ${describeValue(u)}`),
  (a) => a,
);

/** A command id: any non-empty text up to 200 characters, chosen by the caller. */
export const CommandId = requiredText('CommandId', 200);

/** Unit amount HT of a cost line, in cents; null when not entered yet. */
export const UnitAmountCents = optionalInt(
  'UnitAmountCents',
  0,
  MAX_UNIT_AMOUNT_FORMAT_CENTS,
  'Montant HT en centimes',
);

/** Quantity of cards on a cost line; null when not entered yet. */
export const LineQuantity = optionalInt('Quantity', 1, MAX_QUANTITY, 'Quantité');

/** internal reference of the company, at most 15 characters. */
export const InternalReference = optionalText('InternalReference', 15);

/** comment for the case manager, at most 500 characters. */
export const Comment = optionalText('Comment', 500);

/** A reason (refusal, cancellation, request for complements), at most 1000 characters. */
export const Reason = requiredText('Reason', 1000);

/** An optional reason. */
export const OptionalReason = optionalText('OptionalReason', 1000);

/**
 * For a field of a partial payload (SaveDraft): an absent key stays absent. Without this, a
 * codec that reads "empty" as null would turn every field left out of the form into a
 * "cleared" field.
 */
export function keepAbsent<A, O>(codec: FieldCodec<A, O>): FieldCodec<A | undefined, O | undefined> {
  return new FieldCodec<A | undefined, O | undefined>(
    codec.name,
    (u) => (u === undefined ? E.right(undefined) : codec.check(u)),
    (a) => (a === undefined ? undefined : codec.encode(a)),
  );
}
