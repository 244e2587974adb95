import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { FieldCodec } from './field-codec';
import { echoText } from './user-text';

// io-ts's `t.exact`/`t.strict` drop unknown keys without a word: a typo such as `contactMail`
// would then be a silent no-op. `knownFieldsOnly` refuses them instead, naming each one.

type Tagged = { readonly _tag?: string; readonly props?: t.Props; readonly types?: readonly t.Mixed[] };

/** The keys an object codec knows: those of t.type/t.partial, through intersections, unions and wrappers. */
function knownKeysOf(codec: t.Mixed): readonly string[] {
  const tagged = codec as Tagged & { readonly type?: t.Mixed; readonly keys?: readonly string[] };
  if (codec instanceof KnownFieldsType) return codec.keys;
  switch (tagged._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return Object.keys(tagged.props ?? {});
    case 'IntersectionType':
    case 'UnionType':
      return [...new Set((tagged.types ?? []).flatMap(knownKeysOf))];
    case 'ExactType':
    case 'ReadonlyType':
    case 'RefinementType':
      if (tagged.type !== undefined) return knownKeysOf(tagged.type);
  }
  throw new TypeError(`knownFieldsOnly: ${codec.name} is not an object codec`);
}

/** The codec an unknown field fails with: its code and French message, for `fieldErrorsOf`. */
export class UnknownFieldCodec extends FieldCodec<never, never> {
  constructor(key: string, known: readonly string[]) {
    super(
      'UnknownField',
      () =>
        E.left({
          code: 'UNKNOWN_FIELD',
          message: `Champ inconnu : ${echoText(key)} (champs acceptés : ${known.join(', ')})`,
        }),
      (a) => a,
    );
  }
}

function unknownKeys(u: unknown, known: ReadonlySet<string>): string[] {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return [];
  // A key set to undefined says nothing (JSON cannot even carry it): only keys with a value count.
  return Object.keys(u).filter((key) => !known.has(key) && (u as Record<string, unknown>)[key] !== undefined);
}

/** An object codec that refuses every key it does not know (see `knownFieldsOnly`). */
export class KnownFieldsType<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  readonly _tag = 'KnownFieldsType' as const;
  readonly keys: readonly string[];
  constructor(
    name: string,
    /** The codec checked first, in the same context (as `t.exact` does). */
    readonly type: C,
  ) {
    const keys = knownKeysOf(type);
    const known = new Set(keys);
    super(
      name,
      (u): u is t.TypeOf<C> => type.is(u) && unknownKeys(u, known).length === 0,
      (u, c) => {
        const unknown = unknownKeys(u, known);
        if (unknown.length === 0) return type.validate(u, c);
        // Unknown fields first: a typo usually explains the "missing" field beside it.
        const errors: t.ValidationError[] = unknown.map((key) => ({
          value: (u as Record<string, unknown>)[key],
          context: [...c, { key: echoText(key), type: new UnknownFieldCodec(key, keys), actual: u }],
        }));
        const inner = type.validate(u, c);
        return t.failures(E.isLeft(inner) ? [...errors, ...inner.left] : errors);
      },
      type.encode,
    );
    this.keys = keys;
  }
}

/**
 * wraps an object codec (t.type, t.partial, their intersections) so that a key it does
 * not know is refused, code UNKNOWN_FIELD, « Champ inconnu : contactMail », rather than
 * silently dropped. Nested objects need their own wrapper.
 */
export function knownFieldsOnly<C extends t.Mixed>(codec: C, name: string = codec.name): KnownFieldsType<C> {
  return new KnownFieldsType(name, codec);
}
