import type * as t from 'io-ts';

/**
 * The same type with `readonly` removed, deeply. Reference-data codecs (ports) give read-only
 * types, while the kernel's JSON type for event data takes mutable arrays; the values are the
 * same (stores freeze them anyway), so the difference is only at the type level.
 */
export type DeepMutable<T> = T extends string | number | boolean | null | undefined
  ? T // branded identifiers included: they stay as they are
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

/** The same codec instance, typed for use inside event data. */
export function eventDataCodec<A, O>(codec: t.Type<A, O, unknown>): t.Type<DeepMutable<A>, O, unknown> {
  return codec as unknown as t.Type<DeepMutable<A>, O, unknown>;
}

/** A reference-data value, typed for use inside event data (no copy: only the type changes). */
export function asEventData<A>(value: A): DeepMutable<A> {
  return value as DeepMutable<A>;
}
