// R-42 on every shape of object codec knownFieldsOnly is given (union, exact, readonly,
// refinement, another knownFieldsOnly), what it says and in which order: the mutation run of
// issue 20 (pnpm mutation identifiers) found only intersections tried.
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { fieldErrorsOf } from './decode-field';
import { knownFieldsOnly } from './known-fields';

const errorsOf = (codec: t.Mixed, value: unknown) => {
  const decoded = codec.decode(value);
  return E.isLeft(decoded) ? fieldErrorsOf(decoded.left) : [];
};
const unknownField = (field: string, accepted: string) => ({
  code: 'UNKNOWN_FIELD',
  field,
  kind: 'format',
  message: `Champ inconnu : ${field} (champs acceptés : ${accepted})`,
});

const A = t.type({ a: t.string });
const B = t.type({ b: t.string });
const Refined = t.brand(
  A,
  (u): u is t.Branded<{ a: string }, { readonly Refined: unique symbol }> => true,
  'Refined',
);

describe('knownFieldsOnly on every object codec (R-42)', () => {
  it.each([
    ['a union', t.union([A, B]), 'a, b'],
    ['an exact codec', t.exact(A), 'a'],
    ['a readonly codec', t.readonly(A), 'a'],
    ['a refinement', Refined, 'a'],
    ['another knownFieldsOnly', knownFieldsOnly(t.partial({ a: t.string, b: t.string })), 'a, b'],
  ])('R-42 knows the keys of %s and refuses any other', (_, codec, accepted) => {
    const known = knownFieldsOnly(codec as t.Mixed);
    expect(E.isRight(known.decode({ a: 'x' }))).toBe(true);
    expect(errorsOf(known, { a: 'x', c: 'y' })).toEqual([unknownField('c', accepted)]);
  });

  it('R-42 reports the unknown key first, then what it left missing (a typo explains both)', () => {
    const known = knownFieldsOnly(t.type({ name: t.string }));
    expect(errorsOf(known, { nmae: 'a' })).toEqual([
      unknownField('nmae', 'name'),
      {
        code: 'MISSING_FIELD',
        field: 'name',
        kind: 'format',
        message: 'Ce champ est manquant : attendu string',
      },
    ]);
  });

  it('R-42 leaves a list to the inner codec instead of calling its indexes unknown fields', () => {
    expect(errorsOf(knownFieldsOnly(A), ['x']).map((e) => e.code)).toEqual(['INVALID_FORMAT']);
  });

  it('R-42 takes the name of the codec it wraps unless given one', () => {
    expect(knownFieldsOnly(A).name).toBe(A.name);
    expect(knownFieldsOnly(A, 'Adresse').name).toBe('Adresse');
  });

  it('R-42 encodes as the codec it wraps', () => {
    expect(knownFieldsOnly(A).encode({ a: 'x' })).toEqual({ a: 'x' });
  });

  it('R-42 refuses, when built, a codec that is not an object, naming it', () => {
    expect(() => knownFieldsOnly(t.string)).toThrow(
      new TypeError('knownFieldsOnly: string is not an object codec'),
    );
  });
});
