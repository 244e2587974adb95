import * as E from 'fp-ts/Either';
import { describeValue } from './describe-value';
import type { FieldProblem } from './field-error';
import { withoutDigitSeparators } from './typed-digits';
import { unstorableCharacter } from './user-text';

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * First step of every identifier check: the input must be a non-empty string. `label` is the
 * French name with its article ("Le SIRET"), `expected` what a valid value looks like.
 */
export function stringInput(
  input: unknown,
  codePrefix: string,
  label: string,
  expected: string,
  options: { readonly removeSpaces?: boolean; readonly removeDigitSeparators?: boolean } = {},
): E.Either<FieldProblem, string> {
  if (typeof input !== 'string') {
    return E.left({
      code: `${codePrefix}_FORMAT`,
      message: `${label} doit être une chaîne de caractères : attendu ${expected} (reçu : ${describeValue(input)})`,
    });
  }
  const unstorable = unstorableCharacter(input);
  if (unstorable !== undefined) {
    return E.left({ code: `${codePrefix}_FORMAT`, message: `${label} n'est pas valide : ${unstorable}` });
  }
  // Users paste identifiers as printed ("732 829 320 00074"); the spaces carry no meaning.
  const cleaned =
    options.removeDigitSeparators === true
      ? withoutDigitSeparators(input)
      : options.removeSpaces === true
        ? input.replace(SPACES, '')
        : input.trim();
  if (cleaned === '') {
    return E.left({ code: `${codePrefix}_FORMAT`, message: `${label} est vide : attendu ${expected}` });
  }
  return E.right(cleaned);
}
