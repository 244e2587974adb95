import * as E from 'fp-ts/Either';
import { fieldError, type FieldError } from '../identifiers/field-error';

/**
 * Unit amount × quantity in cents, exact. Left when an input is not a whole number ≥ 0
 * or the product leaves the range where numbers are exact (`Number.MAX_SAFE_INTEGER`).
 */
export function lineTotal(
  unitCents: number,
  quantity: number,
  field = 'lines',
): E.Either<FieldError, number> {
  if (!Number.isSafeInteger(unitCents) || unitCents < 0) {
    return E.left(
      fieldError(
        'AMOUNT_FORMAT',
        field,
        `Le montant unitaire doit être un nombre entier de centimes positif (reçu : ${String(unitCents)})`,
      ),
    );
  }
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    return E.left(
      fieldError(
        'QUANTITY_FORMAT',
        field,
        `La quantité doit être un nombre entier positif (reçu : ${String(quantity)})`,
      ),
    );
  }
  const total = unitCents * quantity;
  return Number.isSafeInteger(total) ? E.right(total) : E.left(overflow(field));
}

/** Sum of amounts in cents, exact; Left on a non-integer, a negative amount or an overflow. */
export function sumCents(amounts: Iterable<number>, field = 'total'): E.Either<FieldError, number> {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      return E.left(
        fieldError(
          'AMOUNT_FORMAT',
          field,
          `Un montant à additionner n'est pas un nombre entier de centimes positif (reçu : ${String(amount)})`,
        ),
      );
    }
    total += amount;
    if (!Number.isSafeInteger(total)) return E.left(overflow(field));
  }
  return E.right(total);
}

const overflow = (field: string): FieldError =>
  fieldError('AMOUNT_OVERFLOW', field, 'Le montant total est trop grand pour être calculé exactement');
