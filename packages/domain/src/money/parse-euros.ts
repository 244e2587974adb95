import * as E from 'fp-ts/Either';
import { describeValue } from '../identifiers/describe-value';
import { echoText } from '../identifiers/user-text';
import { fieldError, type FieldError } from '../identifiers/field-error';

const SPACES = /[ \u00a0\u202f]/g;
// Accepted shapes, after spaces became ' ' and a trailing '€' was removed:
const PLAIN = /^(\d+)(?:[.,](\d{1,2}))?$/; // 52,50  52.50  1234
const SPACE_GROUPED = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d{1,2}))?$/; // 1 234,56  12 000
const DOT_GROUPED = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/; // 12.000,00 (the guide's screenshots)
const COMMA_GROUPED = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/; // 12,000.00
const TOO_MANY_DECIMALS = /^[\d .,]*[.,]\d{3,}$/;

/**
 * Parses an amount in euros as typed in the portal (`52,50`, `52.50`, `1 234,56`,
 * `12.000,00`, `52,50 €`) into integer cents, from its digits only: no float arithmetic, so
 * `0,29` is exactly 29 cents. At most 2 decimals. Errors name `field` (default `amount`).
 */
export function parseEuros(input: string, field = 'amount'): E.Either<FieldError, number> {
  if (typeof input !== 'string') {
    return E.left(
      fieldError(
        'AMOUNT_FORMAT',
        field,
        `Le montant doit être saisi en euros, par exemple 52,50 (reçu : ${describeValue(input)})`,
      ),
    );
  }
  const text = input.replace(SPACES, ' ').trim().replace(/\s*€$/, '').trim();
  if (text === '')
    return E.left(
      fieldError(
        'AMOUNT_FORMAT',
        field,
        'Le montant est vide : attendu un montant en euros, par exemple 52,50',
      ),
    );
  if (text.startsWith('-')) {
    return E.left(
      fieldError(
        'AMOUNT_NEGATIVE',
        field,
        `Le montant ${echoText(input.trim())} est négatif : attendu un montant positif ou nul`,
      ),
    );
  }
  const match =
    PLAIN.exec(text) ?? SPACE_GROUPED.exec(text) ?? DOT_GROUPED.exec(text) ?? COMMA_GROUPED.exec(text);
  if (match === null) {
    return E.left(
      TOO_MANY_DECIMALS.test(text)
        ? fieldError('AMOUNT_FORMAT', field, `Le montant ${echoText(input.trim())} a plus de 2 décimales`)
        : fieldError(
            'AMOUNT_FORMAT',
            field,
            `Le montant « ${echoText(input.trim())} » n'est pas un montant en euros : attendu par exemple 52,50 ou 1 234,56`,
          ),
    );
  }
  const cents = BigInt(match[1].replace(/[ .,]/g, '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) {
    return E.left(
      fieldError(
        'AMOUNT_TOO_LARGE',
        field,
        `Le montant ${echoText(input.trim())} est trop grand pour être enregistré exactement`,
      ),
    );
  }
  return E.right(Number(cents));
}
