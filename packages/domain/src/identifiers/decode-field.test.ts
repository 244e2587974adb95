import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeField, fieldErrorsOf } from './decode-field';
import { Siret } from './siret';
import { Uai } from './uai';

const Provider = t.type({
  siret: Siret,
  uai: t.array(Uai),
  name: t.string,
});
const Command = t.intersection([t.type({ provider: Provider }), t.partial({ reference: t.string })]);

describe('decodeField / fieldErrorsOf', () => {
  it('reports nested FieldCodec failures with their code, message and path', () => {
    const result = Command.decode({
      provider: { siret: '73282932000079', uai: ['0951099D', '0022004X'], name: 'CSD' },
    });
    if (E.isRight(result)) throw new Error('should fail');
    expect(fieldErrorsOf(result.left)).toEqual([
      {
        code: 'SIRET_CHECKSUM',
        field: 'provider.siret',
        kind: 'format',
        message: "Le SIRET 73282932000079 n'est pas valide (clé de contrôle)",
      },
      {
        code: 'UAI_CHECKSUM',
        field: 'provider.uai.1',
        kind: 'format',
        message: "Le numéro UAI 0022004X n'est pas valide (lettre de contrôle : T attendue)",
      },
    ]);
  });

  it('names missing and mistyped plain fields, under a root', () => {
    const result = Command.decode({ provider: { siret: '73282932000074', uai: [] }, reference: 12 });
    if (E.isRight(result)) throw new Error('should fail');
    expect(fieldErrorsOf(result.left, 'payload')).toEqual([
      {
        code: 'MISSING_FIELD',
        field: 'payload.provider.name',
        kind: 'format',
        message: 'Ce champ est manquant : attendu string',
      },
      {
        code: 'INVALID_FORMAT',
        field: 'payload.reference',
        kind: 'format',
        message: "Ce champ n'est pas valide (reçu : le nombre 12) : attendu string",
      },
    ]);
  });

  it('decodes with the normalised value on success', () => {
    expect(decodeField(Uai, '0951099d', 'uai')).toEqual(E.right('0951099D'));
  });

  it('works with plain io-ts codecs too', () => {
    expect(decodeField(t.number, 'x', 'quantity')).toEqual(
      E.left({
        code: 'INVALID_FORMAT',
        field: 'quantity',
        kind: 'format',
        message: "Ce champ n'est pas valide (reçu : « x ») : attendu number",
      }),
    );
  });
});

describe('fieldErrorsOf paths through readonly/exact intersections', () => {
  it('skips the branch index of a wrapped intersection', () => {
    const Address = t.readonly(
      t.exact(t.intersection([t.type({ postalCode: t.string }), t.partial({ extra: t.string })])),
    );
    const result = t.type({ address: Address }).decode({ address: { postalCode: 1 } });
    if (E.isRight(result)) throw new Error('should fail');
    expect(fieldErrorsOf(result.left).map((e) => e.field)).toEqual(['address.postalCode']);
  });
});
