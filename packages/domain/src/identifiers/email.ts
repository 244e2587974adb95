import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { characterCount, echoText, isLongerThan } from './user-text';
import { stringInput } from './string-input';

/** The portal's limit on the contact email (R-06). */
export const EMAIL_MAX_LENGTH = 200;

// Deliberately plain: one @, no spaces, a domain made of dot-separated non-empty labels.
const LOCAL_PART = /^[^\s@]+$/;
const DOMAIN = /^[^\s@.]+(\.[^\s@.]+)+$/;

/** Brand of a checked email. */
export interface EmailBrand {
  readonly Email: unique symbol;
}
/** A contact email: at most 200 characters, one `@`, a domain with a dot. */
export type Email = t.Branded<string, EmailBrand>;

/** Decodes an email (surrounding spaces trimmed). Codes EMAIL_FORMAT, EMAIL_TOO_LONG. */
export const Email = new FieldCodec<Email, string>(
  'Email',
  (input) =>
    pipe(
      stringInput(input, 'EMAIL', "L'adresse email", 'une adresse comme nom@entreprise.fr'),
      E.chain((s) => {
        if (isLongerThan(s, EMAIL_MAX_LENGTH)) {
          return problem(
            'EMAIL_TOO_LONG',
            `L'adresse email fait ${characterCount(s) ?? `plus de ${EMAIL_MAX_LENGTH}`} caractères : ${EMAIL_MAX_LENGTH} caractères maximum`,
          );
        }
        const parts = s.split('@');
        if (parts.length === 2 && LOCAL_PART.test(parts[0]) && DOMAIN.test(parts[1])) {
          return E.right(s as Email);
        }
        return problem(
          'EMAIL_FORMAT',
          `L'adresse email « ${echoText(s)} » n'est pas valide : attendu une adresse comme nom@entreprise.fr`,
        );
      }),
    ),
  (a) => a,
);
