import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValue } from './describe-value';
import { FieldCodec } from './field-codec';
import { fieldError, type FieldError } from './field-error';
import { UnknownFieldCodec } from './known-fields';

/**
 * Decodes one field's raw value with `codec`; a failure becomes a French `FieldError` naming
 * `field`. Codecs built as `FieldCodec` give their own code and message.
 */
export function decodeField<A, O>(
  codec: t.Type<A, O, unknown>,
  value: unknown,
  field: string,
): E.Either<FieldError, A> {
  if (codec instanceof FieldCodec) {
    const checked = (codec as FieldCodec<A, O>).check(value);
    return E.isRight(checked) ? checked : E.left(fieldError(checked.left.code, field, checked.left.message));
  }
  const decoded = codec.decode(value);
  if (E.isRight(decoded)) return decoded;
  const errors = fieldErrorsOf(decoded.left, field);
  return E.left(errors[0] ?? fieldError('INVALID_FORMAT', field, "Ce champ n'est pas valide"));
}

/**
 * Turns io-ts failures into French `FieldError`s, one per field path (`provider.siret`,
 * `lines.2.quantity`), prefixed by `root` when given. A failure inside a `FieldCodec` keeps
 * that codec's code and message; any other says what was received and which type was expected.
 */
export function fieldErrorsOf(errors: t.Errors, root?: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    const field = pathOf(error.context, root);
    if (byField.has(field)) continue; // a union reports every branch; the first says enough
    byField.set(field, toFieldError(error, field));
  }
  return [...byField.values()];
}

function toFieldError(error: t.ValidationError, field: string): FieldError {
  const last = error.context[error.context.length - 1];
  const codec = last?.type;
  if (codec instanceof FieldCodec) {
    const checked = (codec as FieldCodec<unknown>).check(error.value);
    if (E.isLeft(checked)) return fieldError(checked.left.code, field, checked.left.message);
  }
  if (error.message !== undefined) return fieldError('INVALID_FORMAT', field, error.message);
  if (error.value === undefined) {
    return fieldError(
      'MISSING_FIELD',
      field,
      `Ce champ est manquant : attendu ${codec?.name ?? 'une valeur'}`,
    );
  }
  return fieldError(
    'INVALID_FORMAT',
    field,
    `Ce champ n'est pas valide (reçu : ${describeValue(error.value)}) : attendu ${codec?.name ?? 'une autre valeur'}`,
  );
}

/** Keys added by union and intersection members are branch indexes, not fields: skip them. */
function pathOf(context: t.Context, root: string | undefined): string {
  const keys: string[] = root === undefined || root === '' ? [] : [root];
  for (let i = 1; i < context.length; i++) {
    const parent = unwrap(context[i - 1].type);
    const branch = parent._tag === 'UnionType' || parent._tag === 'IntersectionType';
    if (branch && !(context[i].type instanceof UnknownFieldCodec)) continue;
    if (context[i].key !== '') keys.push(context[i].key);
  }
  return keys.length === 0 ? (root ?? '') : keys.join('.');
}

const WRAPPERS = new Set(['ReadonlyType', 'ExactType', 'KnownFieldsType', 'RefinementType']);
type Tagged = { readonly _tag?: string; readonly type?: unknown };
/** Readonly, exact, known-fields and refinement codecs validate their inner codec in the same context. */
function unwrap(codec: t.Decoder<unknown, unknown>): Tagged {
  let current = codec as Tagged;
  while (WRAPPERS.has(current._tag ?? '') && typeof current.type === 'object' && current.type !== null) {
    current = current.type as Tagged;
  }
  return current;
}
