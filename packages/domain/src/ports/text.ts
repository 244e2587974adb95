import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValue } from '../identifiers/describe-value';
import { FieldCodec, problem } from '../identifiers/field-codec';

/** A non-blank string of at most `max` characters, as reference data holds (names, streets, cities). */
export function referenceText(name: string, label: string, max: number): FieldCodec<string> {
  return new FieldCodec<string>(
    name,
    (input) =>
      typeof input === 'string' && input.trim() !== '' && input.length <= max
        ? E.right(input)
        : problem(
            `${name.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase()}_FORMAT`,
            `${label} n'est pas valide : attendu un texte de 1 à ${max} caractères (reçu : ${describeValue(input)})`,
          ),
    (a) => a,
  );
}

/**
 * `codec` plus a check across its fields (e.g. a SIRET that belongs to the SIREN beside it);
 * `check` returns the French message of what is inconsistent, or undefined.
 */
export function crossChecked<A, O>(
  codec: t.Type<A, O, unknown>,
  name: string,
  check: (a: A) => string | undefined,
): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    name,
    (u): u is A => codec.is(u) && check(u) === undefined,
    (u, c) => {
      const decoded = codec.validate(u, c);
      if (E.isLeft(decoded)) return decoded;
      const message = check(decoded.right);
      return message === undefined ? decoded : t.failure(u, c, message);
    },
    (a) => codec.encode(a),
  );
}
