import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FieldProblem } from './field-error';

/**
 * An io-ts codec whose check also says, in French and with a stable code, what is wrong.
 * `decode` returns the normalised value (e.g. `78.20Z` → `7820Z`); `is` accepts only values
 * that are already valid and normalised. The io-ts failure carries the French message, and
 * `check` gives the code back to reporters that find this codec in a failure's context.
 */
export class FieldCodec<A, O = A> extends t.Type<A, O, unknown> {
  constructor(
    name: string,
    /** Validates and normalises a raw input. */
    readonly check: (input: unknown) => E.Either<FieldProblem, A>,
    encode: (a: A) => O,
  ) {
    super(
      name,
      (u): u is A => {
        const checked = check(u);
        return E.isRight(checked) && checked.right === u;
      },
      (u, c) => {
        const checked = check(u);
        return E.isRight(checked) ? t.success(checked.right) : t.failure(u, c, checked.left.message);
      },
      encode,
    );
  }
}

/** A problem value, for the checks. */
export const problem = (code: string, message: string): E.Either<FieldProblem, never> =>
  E.left({ code, message });
