import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { fieldErrorsOf } from '../identifiers/decode-field';

/**
 * Decodes data handed to an in-memory port at construction. Bad reference data there is a
 * setup bug, so it throws at once with every field and reason instead of failing later.
 */
export function decodeOrThrow<A, O>(codec: t.Type<A, O, unknown>, value: unknown, what: string): A {
  const decoded = codec.decode(value);
  if (E.isRight(decoded)) return decoded.right;
  const reasons = fieldErrorsOf(decoded.left).map((e) =>
    e.field === '' ? e.message : `${e.field} : ${e.message}`,
  );
  throw new TypeError(`${what} invalide : ${reasons.join(' ; ')}`);
}
