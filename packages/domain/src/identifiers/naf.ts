import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { FieldCodec, problem } from './field-codec';
import { echoText } from './user-text';
import { stringInput } from './string-input';

const NAF = /^\d{4}[A-Z]$/;

/** Brand of a checked NAF/APE code. */
export interface NafBrand {
  readonly Naf: unique symbol;
}
/** An activity code (NAF/APE): 4 digits and a capital letter, `7820Z`. */
export type Naf = t.Branded<string, NafBrand>;

/**
 * Decodes a NAF code; the reference bases' form `78.20Z` is normalised to `7820Z` (dot
 * removed, letter upper-cased). Code NAF_FORMAT.
 */
export const Naf = new FieldCodec<Naf, string>(
  'Naf',
  (input) =>
    pipe(
      stringInput(input, 'NAF', 'Le code NAF', '4 chiffres et une lettre majuscule, par exemple 7820Z'),
      E.chain((s) => {
        const normalised = s.replace('.', '').toUpperCase();
        return NAF.test(normalised)
          ? E.right(normalised as Naf)
          : problem(
              'NAF_FORMAT',
              `Le code NAF « ${echoText(s)} » n'est pas valide : attendu 4 chiffres et une lettre majuscule, par exemple 7820Z`,
            );
      }),
    ),
  (a) => a,
);
