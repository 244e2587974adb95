// Which field a format error names (R-08: every message is tied to a field), through unions,
// arrays and wrappers, and what it says when a codec gives no reason: the mutation run of
// issue 20 (pnpm mutation identifiers) left these unasserted.
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeField, fieldErrorsOf } from './decode-field';
import { knownFieldsOnly } from './known-fields';

const failures = (codec: t.Mixed, value: unknown): t.Errors => {
  const decoded = codec.decode(value);
  if (E.isRight(decoded)) throw new Error('expected a failure');
  return decoded.left;
};

/** A codec failing with the errors given, as a hand-written io-ts codec may. */
const failingWith = (errors: t.Errors) =>
  new t.Type<never, never, unknown>(
    'Failing',
    (u): u is never => false,
    () => E.left(errors),
    (a) => a,
  );

describe('fieldErrorsOf: the field a failure names (R-08)', () => {
  it('R-08 reports a value no member of a union accepts once, with the first member expected', () => {
    expect(fieldErrorsOf(failures(t.type({ a: t.union([t.string, t.number]) }), { a: true }))).toEqual([
      {
        code: 'INVALID_FORMAT',
        field: 'a',
        kind: 'format',
        message: "Ce champ n'est pas valide (reçu : le booléen true) : attendu string",
      },
    ]);
  });

  it('R-08 names the element of an array of unions by its index, not the union member', () => {
    const errors = fieldErrorsOf(failures(t.array(t.union([t.string, t.number])), ['x', true]));
    expect(errors.map((e) => e.field)).toEqual(['1']);
  });

  it('R-08 names a top-level failure by the root given, or by nothing', () => {
    expect(fieldErrorsOf(failures(t.number, 'x')).map((e) => e.field)).toEqual(['']);
    expect(fieldErrorsOf(failures(t.number, 'x'), '').map((e) => e.field)).toEqual(['']);
  });

  it('R-08 an empty root adds no leading dot to a nested field', () => {
    const errors = fieldErrorsOf(
      failures(t.type({ provider: t.type({ name: t.string }) }), { provider: {} }),
      '',
    );
    expect(errors.map((e) => e.field)).toEqual(['provider.name']);
  });

  it('R-08 skips the member index of an intersection inside a refinement', () => {
    const Refined = t.brand(
      t.intersection([t.type({ postalCode: t.string }), t.partial({ extra: t.string })]),
      (u): u is t.Branded<{ postalCode: string }, { readonly Refined: unique symbol }> => true,
      'Refined',
    );
    const errors = fieldErrorsOf(failures(t.type({ address: Refined }), { address: { postalCode: 1 } }));
    expect(errors.map((e) => e.field)).toEqual(['address.postalCode']);
  });

  it('R-42 names an unknown empty key by the object holding it, with no trailing dot', () => {
    const errors = fieldErrorsOf(
      failures(knownFieldsOnly(t.type({ a: t.string })), { a: 'x', '': 1 }),
      'payload',
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual([['UNKNOWN_FIELD', 'payload']]);
  });
});

describe('decodeField: a codec that gives no reason (R-08)', () => {
  it('R-08 still names the field when a codec fails without any error', () => {
    expect(decodeField(failingWith([]), 'x', 'reference')).toEqual(
      E.left({
        code: 'INVALID_FORMAT',
        field: 'reference',
        kind: 'format',
        message: "Ce champ n'est pas valide",
      }),
    );
  });

  it("R-08 keeps a codec's own message", () => {
    const errors = [{ value: 'x', context: [], message: 'Référence illisible' }];
    expect(decodeField(failingWith(errors), 'x', 'reference')).toEqual(
      E.left({ code: 'INVALID_FORMAT', field: 'reference', kind: 'format', message: 'Référence illisible' }),
    );
  });

  it('R-08 says a value is expected when a failure names no codec', () => {
    expect(decodeField(failingWith([{ value: undefined, context: [] }]), undefined, 'reference')).toEqual(
      E.left({
        code: 'MISSING_FIELD',
        field: 'reference',
        kind: 'format',
        message: 'Ce champ est manquant : attendu une valeur',
      }),
    );
    expect(decodeField(failingWith([{ value: 5, context: [] }]), 5, 'reference')).toEqual(
      E.left({
        code: 'INVALID_FORMAT',
        field: 'reference',
        kind: 'format',
        message: "Ce champ n'est pas valide (reçu : le nombre 5) : attendu une autre valeur",
      }),
    );
  });
});
